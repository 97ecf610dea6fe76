/**
 * The built renderer as files to serve: a request path mapped to a file inside the
 * renderer folder and nowhere else, and the content type it is served with. Shared by
 * browser mode's HTTP server and Electron's app:// protocol.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { ReturnsWallError } from '../../shared/errors.js';

/** A renderer file exists but could not be read (permissions, a failing disk). */
export class StaticFileError extends ReturnsWallError {}

const NOT_FOUND_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/**
 * The file under `root` that a URL path names, or null when the path tries to leave it:
 * `..` or `.` segments (raw or percent-encoded), backslashes, NUL bytes. A path ending in
 * `/` names its `index.html`.
 */
export function resolveStaticPath(root: string, pathname: string): string | null {
  const decoded = decodePath(pathname);
  if (decoded === null || !decoded.startsWith('/')) return null;
  if (decoded.includes('\0') || decoded.includes('\\')) return null;

  const segments = decoded.split('/').slice(1);
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;

  // TODO: a symbolic link inside the renderer folder is followed wherever it points. The Vite
  // build makes none; comparing realpath() of file and root would close this if one ever appears.
  const base = resolve(root);
  const file = resolve(join(base, ...segments, decoded.endsWith('/') ? 'index.html' : ''));
  return file.startsWith(base + sep) ? file : null;
}

export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
}

/** Reads a resolved path; null when it is missing or is not a regular file. */
export async function readStaticFile(path: string): Promise<StaticFile | null> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return null;
    return { body: await readFile(path), contentType: contentTypeOf(path) };
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (NOT_FOUND_CODES.has(code)) return null;
    throw new StaticFileError(`Reading the renderer file ${path} failed`, { cause: error });
  }
}
