// SPDX-License-Identifier: UNLICENSED
// Navigation and permission lockdown for every web contents the app creates (Actual's security.ts, Electron's
// security checklist): no navigation away from app://dukkan, no redirects, no new windows, no <webview>, every
// permission request and check denied, and no network request from a renderer except to our own app:// origin.
import { isAppUrl } from '../ipc/validatedIpc';

/** The parts of Electron's WebContents used here. */
export interface ContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** The parts of Electron's Session used here. */
export interface SessionLike {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  webRequest: {
    onBeforeRequest(filter: { urls: string[] }, listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

export function lockDownContents(contents: ContentsLike, log: (what: string, url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    // in-page navigation within our own origin is the only one allowed
    if (!isAppUrl(url)) {
      event.preventDefault();
      log('navigation-blocked', url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    log('redirect-blocked', url);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('webview-blocked', '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log('window-blocked', url);
    return { action: 'deny' };
  });
}

export function lockDownSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // renderers talk to main over IPC only; the Fatoora client and printers live in main (Node's own sockets)
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );
}
