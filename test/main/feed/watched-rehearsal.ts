/**
 * The rehearsal feed behind a small recording proxy on 127.0.0.1, so a test can assert on
 * exactly what the server received (paths and query ids), over real loopback HTTP.
 */
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RehearsalFeed, type RehearsalOptions, startRehearsalFeed } from '../../../main/sim/index.js';
import { WallConfigSchema, type WallConfig, type WallConfigInput } from '../../../shared/config.js';
import { type LocalServer, queryIdsOf, startLocalServer } from './local-server.js';

export interface WatchedRehearsal {
  readonly sim: RehearsalFeed;
  readonly proxy: LocalServer;
  /** The proxy's url: what the feed under test polls. */
  readonly url: string;
  /** Ids of every query request received, in arrival order. */
  queryIdLists(): string[][];
  close(): Promise<void>;
}

export async function startWatchedRehearsal(options: RehearsalOptions = {}): Promise<WatchedRehearsal> {
  const sim = await startRehearsalFeed({ seed: 1, speed: 0, at: '19:58', port: 0, ...options });
  const target = new URL(sim.url);
  const proxy = await startLocalServer((incoming, outgoing) => {
    const forward = httpRequest(
      { host: target.hostname, port: target.port, path: incoming.url, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        // A reset upstream must reach the client as a reset, not as a body that never ends.
        answer.on('error', () => outgoing.destroy());
        answer.pipe(outgoing);
      },
    );
    forward.on('error', () => outgoing.destroy());
    outgoing.on('close', () => forward.destroy());
    forward.end();
  });
  return {
    sim,
    proxy,
    url: proxy.url,
    queryIdLists: () => proxy.paths.map((path) => queryIdsOf(path)).filter((ids) => ids !== null),
    close: async () => {
      await proxy.close();
      await sim.close();
    },
  };
}

export function wallConfig(input: WallConfigInput): WallConfig {
  return WallConfigSchema.parse({ source: 'rehearsal', ...input });
}

/** A fresh temporary data folder and its removal. */
export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'returns-wall-feed-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
