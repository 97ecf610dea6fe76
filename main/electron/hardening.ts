/**
 * Rules for every web page Electron creates, ours or not: no navigation away, no new
 * windows, no webviews, no permissions (camera, notifications, ...), each refusal logged.
 */
import { app, type Session, type WebContents } from 'electron';
import { createLogger } from '../logging/logger.js';

const log = createLogger('Hardening');

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    log.warn(`Refused navigation to ${url}.`);
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    log.warn(`Refused a redirect to ${url}.`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('Refused to attach a webview.');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`Refused to open a window for ${url}.`);
    return { action: 'deny' };
  });
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn(`Denied a request for the ${permission} permission.`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Call before any window exists. */
export function hardenEveryPage(): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
}
