/**
 * The preload: the one door between a sandboxed kiosk page and the main process. It exposes
 * `window.returnsWall` (two functions, never ipcRenderer itself), validates every message in
 * both directions with the shared zod schemas, and is bundled into one CommonJS file
 * (`npm run build:preload`) because a sandboxed preload cannot require local files.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  OperatorChannel,
  type OperatorCommand,
  OperatorCommandSchema,
  type ReturnsWallBridge,
  type SnapshotMessage,
  WallChannel,
  type WallMessage,
  WallMessageSchema,
} from '../../shared/ipc.js';
import { formatIssues } from '../../shared/validate.js';
import { foldMessage } from './preload-state.js';

type Listener = (message: WallMessage) => void;

const listeners = new Set<Listener>();
let latest: SnapshotMessage | null = null;

function report(level: 'warn' | 'error', message: string): void {
  ipcRenderer.send(OperatorChannel.command, { type: 'log', level, message: message.slice(0, 2000) });
}

function receive(channel: string, payload: unknown): void {
  const checked = WallMessageSchema.safeParse(payload);
  if (!checked.success) {
    report('error', `Preload refused a message on ${channel}: ${formatIssues(checked.error).join('; ')}`);
    return;
  }
  if (WallChannel[checked.data.type] !== channel) {
    report('error', `Preload refused a ${checked.data.type} message that came on ${channel}`);
    return;
  }
  latest = foldMessage(latest, checked.data);
  for (const listener of [...listeners]) listener(checked.data);
}

for (const channel of Object.values(WallChannel)) {
  ipcRenderer.on(channel, (_event: IpcRendererEvent, payload: unknown) => receive(channel, payload));
}

const bridge: ReturnsWallBridge = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    if (latest !== null) listener(latest);
    return () => listeners.delete(listener);
  },
  send(command: OperatorCommand): void {
    const checked = OperatorCommandSchema.safeParse(command);
    if (!checked.success)
      throw new TypeError(`Invalid operator command: ${formatIssues(checked.error).join('; ')}`);
    ipcRenderer.send(OperatorChannel.command, checked.data);
  },
};

contextBridge.exposeInMainWorld('returnsWall', bridge);
