/**
 * The operator's keys: one table that both the key handler and the `?` help overlay read,
 * so the overlay lists exactly what the keys do.
 */

export type KeyAction =
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  | { readonly type: 'toggle-pause' }
  | { readonly type: 'toggle-pin' }
  | { readonly type: 'jump'; readonly index: number }
  | { readonly type: 'escape' }
  | { readonly type: 'toggle-status' }
  | { readonly type: 'toggle-help' }
  | { readonly type: 'toggle-fullscreen' }
  | { readonly type: 'quit' };

export interface KeyBinding {
  readonly keys: string;
  readonly description: string;
}

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { keys: 'Right / Left', description: 'Next / previous board (releases a pin)' },
  { keys: 'Space', description: 'Pause / resume rotation' },
  { keys: 'P', description: 'Pin / unpin the current board' },
  { keys: '1 - 9', description: 'Jump to that board and pin it' },
  { keys: 'Esc', description: 'Unpin, and close an overlay' },
  { keys: 'S', description: 'Feed status overlay' },
  { keys: 'F', description: 'Full screen on / off' },
  { keys: 'Ctrl+Q', description: 'Quit' },
  { keys: '?', description: 'This help' },
];

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

const PLAIN_KEYS: Readonly<Record<string, KeyAction>> = {
  ArrowRight: { type: 'next' },
  ArrowLeft: { type: 'previous' },
  ' ': { type: 'toggle-pause' },
  p: { type: 'toggle-pin' },
  Escape: { type: 'escape' },
  s: { type: 'toggle-status' },
  f: { type: 'toggle-fullscreen' },
  '?': { type: 'toggle-help' },
};

/** The action a key press asks for, or null for keys the wall leaves alone. */
export function actionForKey(press: KeyPress): KeyAction | null {
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (press.ctrlKey && !press.altKey && key === 'q') return { type: 'quit' };
  if (press.ctrlKey || press.metaKey || press.altKey) return null;

  if (/^[1-9]$/.test(key)) return { type: 'jump', index: Number(key) - 1 };
  return PLAIN_KEYS[key] ?? null;
}
