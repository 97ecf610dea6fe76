import { describe, expect, it } from 'vitest';
import { chooseDisplays } from '../../../main/electron/displays.js';

const left = { id: 11, bounds: { x: -1920, y: 0, width: 1920, height: 1080 } };
const primary = { id: 22, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const right = { id: 33, bounds: { x: 1920, y: 0, width: 3840, height: 2160 } };
const all = [primary, right, left];

describe('choosing the displays to cover', () => {
  it('covers only the primary display by default', () => {
    expect(chooseDisplays(all, primary, 'primary')).toEqual({ chosen: [primary], missing: [] });
  });

  it('covers every display, counted left to right', () => {
    expect(chooseDisplays(all, primary, 'all').chosen.map((display) => display.id)).toEqual([11, 22, 33]);
  });

  it('covers the displays named by index, and reports indexes with no display', () => {
    expect(chooseDisplays(all, primary, [2, 0, 5])).toEqual({ chosen: [right, left], missing: [5] });
  });

  it('falls back to the primary display when no index matches', () => {
    expect(chooseDisplays(all, primary, [7]).chosen).toEqual([primary]);
  });
});
