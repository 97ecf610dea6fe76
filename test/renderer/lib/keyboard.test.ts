// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { KEY_BINDINGS, actionForKey } from '../../../renderer/src/lib/keyboard.js';

function press(
  key: string,
  modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {},
) {
  return actionForKey({ key, ctrlKey: false, metaKey: false, altKey: false, ...modifiers });
}

describe('keyboard', () => {
  it('maps arrows, space, P, Esc, S, F and ? to their actions', () => {
    expect(press('ArrowRight')).toEqual({ type: 'next' });
    expect(press('ArrowLeft')).toEqual({ type: 'previous' });
    expect(press(' ')).toEqual({ type: 'toggle-pause' });
    expect(press('P')).toEqual({ type: 'toggle-pin' });
    expect(press('p')).toEqual({ type: 'toggle-pin' });
    expect(press('Escape')).toEqual({ type: 'escape' });
    expect(press('s')).toEqual({ type: 'toggle-status' });
    expect(press('F')).toEqual({ type: 'toggle-fullscreen' });
    expect(press('?')).toEqual({ type: 'toggle-help' });
  });

  it('maps 1 to 9 to jumps to boards 0 to 8', () => {
    expect(press('1')).toEqual({ type: 'jump', index: 0 });
    expect(press('9')).toEqual({ type: 'jump', index: 8 });
    expect(press('0')).toBeNull();
  });

  it('quits on Ctrl+Q only', () => {
    expect(press('q', { ctrlKey: true })).toEqual({ type: 'quit' });
    expect(press('Q', { ctrlKey: true })).toEqual({ type: 'quit' });
    expect(press('q')).toBeNull();
  });

  it('leaves other modified keys to the browser', () => {
    expect(press('p', { ctrlKey: true })).toBeNull();
    expect(press('ArrowRight', { altKey: true })).toBeNull();
    expect(press('r', { metaKey: true })).toBeNull();
  });

  it('lists every key it handles in the help table', () => {
    const listed = KEY_BINDINGS.map((binding) => binding.keys).join(' ');
    for (const key of ['Right', 'Left', 'Space', 'P', '1 - 9', 'Esc', 'S', 'F', 'Ctrl+Q', '?']) {
      expect(listed).toContain(key);
    }
  });
});
