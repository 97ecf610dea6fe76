/**
 * Durable file writes for the offline cache, and the sweep of what a killed writer leaves.
 * Every file a writer makes before its final rename carries the writer's pid in its name
 * (`<name>.<pid>.<n>.tmp`, `<stem>.raw-<pid>-<n>.json`), so a sweep can tell a leftover of a
 * dead process from the file of a write still under way in a live one.
 */
import { type FileHandle, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CacheError } from './errors.js';

/** A writer's leftovers older than this are removed even when its pid is alive (pids are reused). */
const LEFTOVER_SAFE_AGE_MS = 10 * 60 * 1000;

let fileCounter = 0;

/** A name no other write, in this process or another, is using: `<prefix><pid><separator><n><suffix>`. */
export function uniqueName(prefix: string, separator: string, suffix: string): string {
  return `${prefix}${process.pid}${separator}${fileCounter++}${suffix}`;
}

/** Writes all of `data` at the file's position (a single write may take only part of it). */
async function writeAll(file: FileHandle, data: Buffer): Promise<void> {
  for (let done = 0; done < data.length;) {
    done += (await file.write(data, done, data.length - done)).bytesWritten;
  }
}

/**
 * Writes text, or pieces of text made as they are asked for, to a new file and fsyncs it. Each
 * piece is made while the one before is being written, and the event loop gets a turn between
 * pieces. The name must be new: an existing file is an error.
 */
export async function writeNewFile(path: string, text: string | Iterable<string>): Promise<void> {
  const file = await open(path, 'wx');
  try {
    let writing: Promise<void> = Promise.resolve();
    for (const piece of typeof text === 'string' ? [text] : text) {
      const data = Buffer.from(piece, 'utf8');
      await writing;
      writing = writeAll(file, data);
    }
    await writing;
    await file.sync();
  } finally {
    await file.close();
  }
}

/**
 * Writes text (or pieces of it) to `path` atomically and durably: temp file, fsync, rename,
 * fsync of the folder. `beforeRename` runs between the fsync and the rename: what the new file
 * refers to must be durable before the file is in place.
 */
export async function writeFileAtomic(
  path: string,
  text: string | Iterable<string>,
  beforeRename?: () => Promise<void>,
): Promise<void> {
  const temp = uniqueName(`${path}.`, '.', '.tmp');
  try {
    mkdirSync(dirname(path), { recursive: true });
    await writeNewFile(temp, text);
    await beforeRename?.();
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new CacheError(`Writing the cache ${path} failed`, { cause: error });
  }
  await syncFolder(dirname(path));
}

/** Makes a rename durable. Windows cannot open a folder for fsync; there rename is enough. */
export async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** True while a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/** A leftover is junk when the process that made it is gone, or when it is older than any write lasts. */
async function isJunk(path: string, pid: number, now: number): Promise<boolean> {
  if (!isAlive(pid)) return true;
  const stats = await stat(path).catch(() => null);
  return stats !== null && now - stats.mtimeMs > LEFTOVER_SAFE_AGE_MS;
}

/**
 * Removes the files in `folder` that `pidOf` recognises as a writer's leftovers (it returns
 * their writer's pid, or null for any other file) and that are junk. Never throws.
 */
export async function removeLeftovers(folder: string, pidOf: (name: string) => number | null): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const now = Date.now();
  await Promise.all(
    names.map(async (name) => {
      const pid = pidOf(name);
      const path = join(folder, name);
      if (pid !== null && (await isJunk(path, pid, now))) await unlink(path).catch(() => undefined);
    }),
  );
}
