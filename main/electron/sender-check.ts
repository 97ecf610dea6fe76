/**
 * Who may talk to the main process: only the top frame of one of our kiosk windows, showing
 * our renderer over the app:// protocol. Anything else (an iframe, a page navigated away,
 * a window we did not make) is refused and the reason logged.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'wall';
/** Where the renderer is loaded from. */
export const RENDERER_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export interface SenderFacts {
  readonly webContentsId: number;
  /** The sending frame's URL, or null when the frame is gone. */
  readonly frameUrl: string | null;
  readonly isMainFrame: boolean;
}

/** Null when the sender is trusted, otherwise why it is not. */
export function untrustedReason(sender: SenderFacts, ourWebContents: ReadonlySet<number>): string | null {
  if (!ourWebContents.has(sender.webContentsId))
    return `webContents ${sender.webContentsId} is not a kiosk window`;
  if (!sender.isMainFrame) return 'the message came from a sub-frame';
  if (sender.frameUrl === null) return 'the sending frame is gone';

  let url: URL;
  try {
    url = new URL(sender.frameUrl);
  } catch {
    return `the frame URL "${sender.frameUrl}" cannot be parsed`;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return `the frame shows ${url.origin}, not the wall's renderer`;
  }
  return null;
}
