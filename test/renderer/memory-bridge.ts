/**
 * What the Electron preload exposes as `window.returnsWall`, kept in memory: the real
 * preload needs Electron. Emits whatever it is given, valid or not, like a broken main.
 */
import type { OperatorCommand, ReturnsWallBridge, WallMessage } from '../../shared/ipc.js';

export interface MemoryBridge {
  readonly bridge: ReturnsWallBridge;
  readonly sent: OperatorCommand[];
  readonly listeners: Set<(message: WallMessage) => void>;
  emit(message: unknown): void;
}

export function memoryBridge(): MemoryBridge {
  const listeners = new Set<(message: WallMessage) => void>();
  const sent: OperatorCommand[] = [];
  const bridge: ReturnsWallBridge = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send: (command) => void sent.push(command),
  };
  const emit = (message: unknown) => listeners.forEach((listener) => listener(message as WallMessage));
  return { bridge, sent, listeners, emit };
}

export function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}
