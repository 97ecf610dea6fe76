/** Small HTTP helpers for the rehearsal feed's tests. */
import { request } from 'node:http';

export interface Fetched {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export async function get(base: string, path: string): Promise<Fetched> {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

export async function getJson(base: string, path: string): Promise<unknown> {
  const fetched = await get(base, path);
  if (fetched.status !== 200) throw new Error(`GET ${path} answered ${fetched.status}: ${fetched.text}`);
  return JSON.parse(fetched.text);
}

/** Sends the path exactly as given (raw quotes and brackets), which fetch would percent-encode. */
export function rawGet(base: string, path: string): Promise<{ status: number; text: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: url.hostname, port: url.port, path, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

export function queryOf(ids: readonly string[]): string {
  return `/returns/query?r=${encodeURIComponent(JSON.stringify(ids))}`;
}
