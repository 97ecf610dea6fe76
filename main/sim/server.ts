/**
 * The HTTP side of the rehearsal feed: one request at a time through the routes (or the
 * replay), the fault plan, and delivery. Tracks every socket and timer so close() leaves
 * nothing behind, held sockets included.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { describeError } from '../../shared/errors.js';
import { createLogger } from '../logging/logger.js';
import { deliver } from './delivery.js';
import { type FaultRule, planFaults } from './faults.js';
import type { Random } from './random.js';
import type { Reply } from './routes.js';

const log = createLogger('RehearsalFeed');

/** Answers a request at an instant, `loadsBack` loads in the past (0 for now). */
export type Responder = (pathname: string, search: string, loadsBack: number) => Reply;

export interface FeedServerOptions {
  readonly respond: Responder;
  readonly faults: () => readonly FaultRule[];
  readonly random: Random;
}

export class FeedServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  private closing = false;
  private answered = 0;
  private held = 0;

  constructor(private readonly options: FeedServerOptions) {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => this.fail(response, error));
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async listen(host: string, port: number): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address();
    if (address === null || typeof address === 'string')
      throw new Error('The rehearsal feed has no TCP address');
    const hostText = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${hostText}:${address.port}`;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://rehearsal.invalid');
    let reply = this.options.respond(url.pathname, url.search, 0);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      reply = { status: 405, text: 'Method Not Allowed', contentType: 'text/plain', ids: [] };
    }

    const plan = planFaults(this.options.faults(), url.pathname, reply.ids, this.options.random);
    if (plan.loadsBack > 0) reply = this.options.respond(url.pathname, url.search, plan.loadsBack);
    if (plan.latencyMs > 0 || plan.terminal?.kind === 'hang') this.hold(response);
    if (plan.latencyMs > 0) await this.sleep(plan.latencyMs);
    if (this.closing || response.destroyed) return;

    // A hung request gets no answer at all; close() destroys its socket.
    if (plan.terminal?.kind === 'hang') return;
    deliver(response, reply, plan);
    this.answered++;
  }

  private hold(response: ServerResponse): void {
    this.held++;
    response.once('close', () => this.held--);
  }

  /** Requests answered so far, and requests held right now (by latency or a hang). */
  stats(): { answered: number; held: number } {
    return { answered: this.answered, held: this.held };
  }

  private fail(response: ServerResponse, error: unknown): void {
    log.error(`Answering a request failed: ${describeError(error)}.`);
    if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
    response.end('Internal Server Error');
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.timers.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      this.timers.add(entry);
    });
  }

  /** Stops listening, wakes pending waits, and destroys every socket (held ones too). */
  async close(): Promise<void> {
    this.closing = true;
    for (const entry of this.timers) {
      clearTimeout(entry.timer);
      entry.resolve();
    }
    this.timers.clear();

    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await closed;
  }
}
