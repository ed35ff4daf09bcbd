// SPDX-License-Identifier: UNLICENSED
// The webPreferences of every window that shows the app (architecture notes, "Electron security conventions"):
// context isolation, the sandbox, no Node anywhere in the renderer (nor in workers or subframes), no <webview>, web
// security on, nothing insecure, nothing experimental. The preload is the only bridge. A unit test asserts these
// for every BrowserWindow the code creates (test/app/electronSecurity.test.ts).
import type { WebPreferences } from 'electron';

export function secureWebPreferences(preload: string, options: { readonly devTools?: boolean } = {}): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    enableWebSQL: false,
    // a till has no use for them, and each is attack surface
    disableBlinkFeatures: 'Auxclick',
    devTools: options.devTools ?? false,
  };
}
