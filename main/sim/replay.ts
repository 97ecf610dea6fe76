/**
 * Replay: serve a recording instead of the model. A recording is JSON Lines, one response a
 * line: `{"at": ISO time received, "path": path and query, "status": 200, "body": text}`.
 * A request is answered from the latest line at or before the clock for its path; a query
 * for ids is answered id by id from the recorded query answers that held them.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ReturnsWallError } from '../../shared/errors.js';
import { parseWith } from '../../shared/validate.js';
import { notFound, parseQueryIds, type Reply } from './routes.js';

export class ReplayError extends ReturnsWallError {}

export const RecordingLineSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  path: z.string().startsWith('/'),
  status: z.number().int().min(100).max(599),
  body: z.string(),
});

export type RecordingLine = z.infer<typeof RecordingLineSchema>;

interface Entry {
  readonly at: number;
  readonly status: number;
  readonly body: string;
}

const QUERY_PATH = '/returns/query';

function splitPath(path: string): { pathname: string; search: string } {
  const url = new URL(path, 'http://replay.invalid');
  return { pathname: url.pathname, search: url.search };
}

function keyFor(pathname: string, search: string): string {
  if (pathname === QUERY_PATH) return `query:${(parseQueryIds(search) ?? []).join(',')}`;
  return `${pathname}${new URLSearchParams(search).get('f') === 'csv' ? '?f=csv' : ''}`;
}

function latest<T extends { at: number }>(entries: readonly T[] | undefined, now: number): T | undefined {
  let found: T | undefined;
  for (const entry of entries ?? []) if (entry.at <= now) found = entry;
  return found;
}

function bodyReply(entry: Entry, ids: readonly string[]): Reply {
  try {
    return {
      status: entry.status,
      json: JSON.parse(entry.body),
      contentType: 'application/json; charset=utf-8',
      ids,
    };
  } catch {
    return { status: entry.status, text: entry.body, contentType: 'text/plain; charset=utf-8', ids };
  }
}

export class Replay {
  private readonly byPath = new Map<string, Entry[]>();
  private readonly byId = new Map<string, { at: number; object: unknown }[]>();
  /** The instant of the first line, where the replay clock starts. */
  readonly start: number;

  constructor(lines: readonly RecordingLine[]) {
    const sorted = [...lines].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    for (const line of sorted) this.add(line);
    this.start = sorted[0] ? Date.parse(sorted[0].at) : 0;
  }

  private add(line: RecordingLine): void {
    const { pathname, search } = splitPath(line.path);
    const entry = { at: Date.parse(line.at), status: line.status, body: line.body };
    const key = keyFor(pathname, search);
    this.byPath.set(key, [...(this.byPath.get(key) ?? []), entry]);
    if (pathname !== QUERY_PATH || line.status !== 200) return;

    const ids = parseQueryIds(search) ?? [];
    let objects: unknown;
    try {
      objects = JSON.parse(line.body);
    } catch {
      return;
    }
    if (!Array.isArray(objects) || objects.length !== ids.length) return;
    ids.forEach((id, index) => {
      this.byId.set(id, [...(this.byId.get(id) ?? []), { at: entry.at, object: objects[index] }]);
    });
  }

  /** The recorded answer for a request at an instant. */
  answer(pathname: string, search: string, now: number): Reply {
    const ids = pathname === QUERY_PATH ? (parseQueryIds(search) ?? []) : [];
    const exact = latest(this.byPath.get(keyFor(pathname, search)), now);
    if (exact) return bodyReply(exact, ids);
    if (ids.length === 0) return notFound();

    const objects = ids.map((id) => latest(this.byId.get(id), now)?.object);
    if (objects.some((object) => object === undefined)) return notFound();
    return { status: 200, json: objects, contentType: 'application/json; charset=utf-8', ids };
  }
}

/** Reads a recording, naming the line that breaks. */
export async function loadReplay(file: string): Promise<Replay> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ReplayError(`Reading the recording ${file} failed`, { cause: error });
  }

  const lines = text.split('\n').flatMap((raw, index) => {
    if (raw.trim() === '') return [];
    try {
      return [parseWith(RecordingLineSchema, JSON.parse(raw), `${file} line ${index + 1}`)];
    } catch (error) {
      throw new ReplayError(`Reading line ${index + 1} of the recording ${file} failed`, { cause: error });
    }
  });
  if (lines.length === 0) throw new ReplayError(`The recording ${file} holds no responses`);
  return new Replay(lines);
}
