import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveStaticPath } from '../../../main/server/static-files.js';

describe('mapping a request path to a renderer file', () => {
  it('maps a path inside the folder to its file, and a folder to its index.html', () => {
    expect(resolveStaticPath('/srv/wall', '/assets/app.js')).toBe('/srv/wall/assets/app.js');
    expect(resolveStaticPath('/srv/wall', '/')).toBe('/srv/wall/index.html');
    expect(resolveStaticPath('/srv/wall/', '/a%20b.css')).toBe('/srv/wall/a b.css');
  });

  it.each(['/..', '/../etc/passwd', '/a/./b', '/%2e%2e/x', '/a\\..\\b', '/a%00', 'relative', '/%E0%A4%A'])(
    'refuses %s',
    (path) => {
      expect(resolveStaticPath('/srv/wall', path)).toBeNull();
    },
  );

  it('knows the content types the renderer build produces', () => {
    expect(contentTypeOf('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('font.woff2')).toBe('font/woff2');
    expect(contentTypeOf('blob.bin')).toBe('application/octet-stream');
  });
});
