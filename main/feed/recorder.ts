/**
 * The recording (`config.record`): every answer the feed receives, appended as one JSON line
 * `{"at","path","status","body"}`, which `returns-wall sim --replay` plays back. `body` is the
 * text exactly as received (JSON or not), so a replay serves what the server sent.
 */
import { mkdirSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describeError } from '../../shared/errors.js';
import { createLogger } from '../logging/logger.js';
import type { HttpAnswer } from './http-client.js';

const log = createLogger('Recorder');

export interface RecordedAnswer {
  readonly at: string;
  readonly path: string;
  readonly status: number;
  readonly body: string;
}

export function recordLine(answer: HttpAnswer): string {
  const line: RecordedAnswer = {
    at: answer.at,
    path: answer.path,
    status: answer.status,
    body: answer.text,
  };
  return `${JSON.stringify(line)}\n`;
}

/** Appends in arrival order; a failing disk is logged once and never stops the feed. */
export class Recorder {
  #chain: Promise<void> = Promise.resolve();
  #failing = false;

  constructor(readonly path: string) {
    try {
      mkdirSync(dirname(path), { recursive: true });
      log.info(`Recording every answer to ${path}.`);
    } catch (error) {
      // The wall matters more than the recording: every append will fail and be logged once.
      log.error(`Recording to ${path} is not possible: ${describeError(error)}.`);
      this.#failing = true;
    }
  }

  record(answer: HttpAnswer): void {
    const line = recordLine(answer);
    this.#chain = this.#chain.then(() => this.#append(line));
  }

  async #append(line: string): Promise<void> {
    try {
      await appendFile(this.path, line, 'utf8');
      this.#failing = false;
    } catch (error) {
      if (!this.#failing) log.error(`Recording to ${this.path} failed: ${describeError(error)}.`);
      this.#failing = true;
    }
  }

  /** Resolves once every answer recorded so far is on disk. */
  flush(): Promise<void> {
    return this.#chain;
  }
}
