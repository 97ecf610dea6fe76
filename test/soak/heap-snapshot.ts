/**
 * A page's heap as Chromium's DevTools see it (CDP `HeapProfiler.takeHeapSnapshot`), boiled
 * down to what the soak and the memory tests need: bytes per kind of node (V8's `code` apart
 * from the objects the page's script holds) and how many nodes carry a given name, Blink's
 * own objects (`blink::MediaQuerySet`) included.
 */
import type { CDPSession } from 'playwright-core';

export interface HeapSnapshotSummary {
  /** Self sizes summed by node type: `code`, `object`, `string`, `closure`, `native`, ... */
  readonly bytesByType: ReadonlyMap<string, number>;
  /** Nodes counted by name, for the names asked for. */
  readonly countByName: ReadonlyMap<string, number>;
}

/** The part of the snapshot file this reads. */
interface SnapshotFile {
  readonly snapshot: { readonly meta: { readonly node_fields: string[]; readonly node_types: unknown[] } };
  readonly nodes: number[];
  readonly strings: string[];
}

/** Takes a snapshot (V8 collects garbage first) and sums it up. */
export async function takeHeapSnapshot(
  cdp: CDPSession,
  names: readonly string[] = [],
): Promise<HeapSnapshotSummary> {
  const chunks: string[] = [];
  const collect = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  }
  return summarize(JSON.parse(chunks.join('')) as SnapshotFile, names);
}

function summarize(file: SnapshotFile, names: readonly string[]): HeapSnapshotSummary {
  const fields = file.snapshot.meta.node_fields;
  const typeNames = file.snapshot.meta.node_types[0] as string[];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field));
  const wanted = new Set(names);
  const bytesByType = new Map<string, number>();
  const countByName = new Map<string, number>(names.map((name) => [name, 0]));
  const { nodes, strings } = file;
  for (let node = 0; node < nodes.length; node += fields.length) {
    const type = typeNames[nodes[node + typeAt!]!] ?? 'unknown';
    bytesByType.set(type, (bytesByType.get(type) ?? 0) + nodes[node + sizeAt!]!);
    const name = strings[nodes[node + nameAt!]!] ?? '';
    if (wanted.has(name)) countByName.set(name, (countByName.get(name) ?? 0) + 1);
  }
  return { bytesByType, countByName };
}
