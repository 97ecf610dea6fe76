import { describe, expect, it } from 'vitest';
import { RENDERER_URL, untrustedReason } from '../../../main/electron/sender-check.js';

const ours = new Set([4, 5]);
const trusted = { webContentsId: 4, frameUrl: RENDERER_URL, isMainFrame: true };

describe('checking who sent a message to the main process', () => {
  it('trusts the top frame of one of our windows showing our renderer', () => {
    expect(untrustedReason(trusted, ours)).toBeNull();
    expect(untrustedReason({ ...trusted, frameUrl: 'app://wall/index.html#board=3' }, ours)).toBeNull();
  });

  it('refuses a webContents that is not one of our windows', () => {
    expect(untrustedReason({ ...trusted, webContentsId: 9 }, ours)).toMatch(/not a kiosk window/);
  });

  it('refuses a sub-frame, even one of ours', () => {
    expect(untrustedReason({ ...trusted, isMainFrame: false }, ours)).toMatch(/sub-frame/);
  });

  it.each(['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'not a url'])(
    'refuses a frame showing %s',
    (frameUrl) => {
      expect(untrustedReason({ ...trusted, frameUrl }, ours)).not.toBeNull();
    },
  );

  it('refuses a frame that is gone', () => {
    expect(untrustedReason({ ...trusted, frameUrl: null }, ours)).toMatch(/gone/);
  });
});
