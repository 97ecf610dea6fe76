/**
 * The soak's handle on the server child: forks `server-child.ts` under tsx with
 * `--expose-gc`, asks it for its figures over IPC, and stops it. `stop()` says whether the
 * child then exited by itself, which it does only when nothing of browser mode is left.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ReturnsWallError } from '../../shared/errors.js';
import { parseWith } from '../../shared/validate.js';
import { type FromChild, FromChildSchema, type ServerStats, type ToChild } from './protocol.js';

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));
const START_TIMEOUT_MS = 60_000;
const ANSWER_TIMEOUT_MS = 30_000;
/** How long a stopped child may take to exit on its own before it counts as a leak. */
const EXIT_TIMEOUT_MS = 5_000;

/** The server child did not start, answer, or stop as it should. */
export class SoakServerError extends ReturnsWallError {}

export interface SoakServerFiles {
  readonly configPath: string;
  readonly dataDir: string;
  readonly logPath: string;
  /** The built renderer to serve; `out/renderer` unless given. */
  readonly rendererDir?: string;
  /** Drive the feed's poll cycles this many ms apart, beside its own timer (`poll-driver.ts`). */
  readonly pollIntervalMs?: number;
}

export interface StopReport {
  /** Resources the child still held after stopping browser mode (the IPC pipe among them). */
  readonly remaining: readonly string[];
  /** True when the child's event loop emptied and it exited by itself, with code 0. */
  readonly exitedByItself: boolean;
}

type Wanted<T extends FromChild['type']> = Extract<FromChild, { type: T }>;

export class SoakServer {
  readonly #child: ChildProcess;
  readonly #exited: Promise<number | null>;
  readonly url: string;

  private constructor(child: ChildProcess, exited: Promise<number | null>, url: string) {
    this.#child = child;
    this.#exited = exited;
    this.url = url;
  }

  static async start(files: SoakServerFiles): Promise<SoakServer> {
    const args = ['--config', files.configPath, '--data-dir', files.dataDir, '--log', files.logPath];
    if (files.rendererDir !== undefined) args.push('--renderer-dir', files.rendererDir);
    if (files.pollIntervalMs !== undefined) args.push('--poll-interval-ms', String(files.pollIntervalMs));
    const child = fork(CHILD, args, {
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const ready = await nextMessage(child, exited, 'ready', START_TIMEOUT_MS);
      return new SoakServer(child, exited, ready.url);
    } catch (error) {
      child.kill();
      throw error;
    }
  }

  /** The server's figures, with `samples` memory readings after forced GC. */
  async measure(samples: number): Promise<ServerStats> {
    this.#send({ type: 'measure', samples });
    return (await nextMessage(this.#child, this.#exited, 'stats', ANSWER_TIMEOUT_MS)).stats;
  }

  async stop(): Promise<StopReport> {
    this.#send({ type: 'stop' });
    const stopped = await nextMessage(this.#child, this.#exited, 'stopped', ANSWER_TIMEOUT_MS);
    const code = await Promise.race([this.#exited, delay(EXIT_TIMEOUT_MS).then(() => 'still running')]);
    if (code === 'still running') this.kill();
    return { remaining: stopped.remaining, exitedByItself: code === 0 };
  }

  /** Ends the child at once (after a failure). */
  kill(): void {
    if (this.#child.exitCode === null) this.#child.kill('SIGKILL');
  }

  #send(message: ToChild): void {
    if (!this.#child.connected)
      throw new SoakServerError('The soak server has gone: its IPC channel is closed');
    this.#child.send(message);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The child's next message of one type; fails if it exits or stays silent too long. */
function nextMessage<T extends FromChild['type']>(
  child: ChildProcess,
  exited: Promise<number | null>,
  type: T,
  timeoutMs: number,
): Promise<Wanted<T>> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.off('message', onMessage);
      outcome();
    };
    const timer = setTimeout(
      () => finish(() => reject(new SoakServerError(`The soak server sent no ${type} in ${timeoutMs} ms`))),
      timeoutMs,
    );
    const onMessage = (raw: unknown) => {
      let message: FromChild;
      try {
        message = parseWith(FromChildSchema, raw, 'message from the soak server');
      } catch (error) {
        finish(() => reject(error));
        return;
      }
      if (message.type === type) finish(() => resolve(message as Wanted<T>));
    };
    child.on('message', onMessage);
    void exited.then((code) =>
      finish(() => reject(new SoakServerError(`The soak server exited (code ${code}) before its ${type}`))),
    );
  });
}
