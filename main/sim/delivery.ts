/**
 * Putting a reply on the wire, faults included: error statuses, HTML pages, bodies cut short,
 * connections reset mid-body, padded bodies. Hanging is the server's job (it holds the socket).
 */
import type { ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import { htmlErrorPage, mutatePayload } from './fault-payloads.js';
import type { FaultPlan, FaultRule } from './faults.js';
import type { Reply } from './routes.js';

function bodyOf(reply: Reply, plan: FaultPlan): string {
  if (reply.json === undefined) return reply.text ?? '';
  const json = plan.mutations.length > 0 ? mutatePayload(reply.json, plan.mutations) : reply.json;
  return JSON.stringify(json);
}

function send(response: ServerResponse, status: number, contentType: string, body: Buffer): void {
  response.writeHead(status, { 'Content-Type': contentType, 'Content-Length': body.length });
  response.end(body);
}

function sendStatus(response: ServerResponse, rule: FaultRule): void {
  const status = rule.status ?? 500;
  const headers: Record<string, string | number> = { 'Content-Type': 'text/plain; charset=utf-8' };
  if (rule.retryAfterSeconds !== undefined) headers['Retry-After'] = rule.retryAfterSeconds;
  const body = Buffer.from(STATUS_CODES[status] ?? 'Error');
  response.writeHead(status, { ...headers, 'Content-Length': body.length });
  response.end(body);
}

function sendReset(response: ServerResponse, body: Buffer): void {
  response.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.length,
  });
  response.write(body.subarray(0, Math.floor(body.length / 2)), () => response.socket?.destroy());
}

/** Pads a JSON body with trailing whitespace up to `bytes`: still valid JSON, just enormous. */
function padded(body: string, bytes: number): Buffer {
  const buffer = Buffer.alloc(Math.max(bytes, Buffer.byteLength(body)), 0x20);
  buffer.write(body, 0, 'utf8');
  return buffer;
}

/** Sends a reply with the plan's terminal fault (other than `hang`) and payload faults applied. */
export function deliver(response: ServerResponse, reply: Reply, plan: FaultPlan): void {
  const terminal = plan.terminal;
  if (terminal?.kind === 'status') return sendStatus(response, terminal);
  if (terminal?.kind === 'html')
    return send(response, 200, 'text/html; charset=utf-8', Buffer.from(htmlErrorPage()));

  const body = Buffer.from(bodyOf(reply, plan));
  if (terminal?.kind === 'reset') return sendReset(response, body);
  if (terminal?.kind === 'truncate') {
    return send(response, reply.status, reply.contentType, body.subarray(0, Math.floor(body.length / 2)));
  }
  if (terminal?.kind === 'huge-body') {
    return send(
      response,
      reply.status,
      reply.contentType,
      padded(body.toString(), terminal.bytes ?? 20_000_000),
    );
  }
  send(response, reply.status, reply.contentType, body);
}
