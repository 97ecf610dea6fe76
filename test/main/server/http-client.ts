/**
 * A raw HTTP client for the server tests: sends the path exactly as written (fetch would
 * normalise `/../` away before the server ever saw it) and reads Server-Sent Events.
 */
import { type IncomingHttpHeaders, type IncomingMessage, request } from 'node:http';
import type { WallMessage } from '../../../shared/ipc.js';

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export function rawRequest(
  port: number,
  path: string,
  options: { method?: string; host?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers = options.host === undefined ? {} : { Host: options.host };
    const outgoing = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers });
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
      });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** An open `/events` connection that collects messages and comment lines as they come. */
export class EventStreamReader {
  readonly messages: WallMessage[] = [];
  readonly comments: string[] = [];
  private buffer = '';
  private waiters: (() => void)[] = [];
  private response: IncomingMessage | undefined;

  static open(port: number): Promise<EventStreamReader> {
    const reader = new EventStreamReader();
    return new Promise((resolve, reject) => {
      const outgoing = request({ host: '127.0.0.1', port, path: '/events' });
      outgoing.on('response', (response) => {
        reader.response = response;
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => reader.receive(chunk));
        resolve(reader);
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
  }

  get headers(): IncomingHttpHeaders {
    return this.response?.headers ?? {};
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end = this.buffer.indexOf('\n\n');
    while (end >= 0) {
      this.parseEvent(this.buffer.slice(0, end));
      this.buffer = this.buffer.slice(end + 2);
      end = this.buffer.indexOf('\n\n');
    }
    for (const wake of this.waiters.splice(0)) wake();
  }

  private parseEvent(block: string): void {
    for (const line of block.split('\n')) {
      if (line.startsWith('data: ')) this.messages.push(JSON.parse(line.slice(6)) as WallMessage);
      else if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
    }
  }

  /** Resolves once `ready()` holds, checking after every chunk that arrives. */
  async until(ready: () => boolean): Promise<void> {
    while (!ready()) await new Promise<void>((wake) => this.waiters.push(wake));
  }

  close(): void {
    this.response?.destroy();
  }
}
