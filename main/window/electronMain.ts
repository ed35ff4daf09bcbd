// SPDX-License-Identifier: UNLICENSED
// The Electron shell, kept thin: everything it starts is the same composition root browser mode uses
// (main/app/openApp). Loaded by electronBoot.ts once the app:// scheme is registered and this process holds the
// single-instance lock. Every web contents is locked down as it is created; the session denies permissions and
// renderer network access; then the services open and the window loads.
// Bundled to dist/electron/app.mjs by scripts/buildElectron.mjs. Not runnable on a machine without Electron's
// binary; the parts it wires are tested in plain Node (test/app/electronSecurity.test.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import electron from 'electron';
import { openApp, type DukkanApp } from '../app/openApp';
import { receiptTemplate } from '../app/receiptTemplate';
import { registerValidatedIpc, APP_SCHEME, type IpcMainLike, type ValidatedIpc } from '../ipc/validatedIpc';
import { createLogger, streamLogSink } from '../log/logger';
import { ElectronRasterizer } from '../printing/electronRasterizer';
import { appProtocolHandler } from './appProtocol';
import { createMainWindow } from './createMainWindow';
import { lockDownContents, lockDownSession } from './lockDown';

const { app, BrowserWindow, ipcMain, protocol, session, Menu } = electron;

const here = path.dirname(fileURLToPath(import.meta.url));
const kiosk = process.argv.includes('--kiosk') || process.env.DUKKAN_KIOSK === '1';
const rendererDir = path.join(here, '..', 'renderer');
const preload = path.join(here, 'preload.cjs');

{
  let dukkan: DukkanApp | null = null;
  let ipc: ValidatedIpc | null = null;
  let window: electron.BrowserWindow | null = null;
  const logger = createLogger({ sink: streamLogSink((t) => process.stderr.write(t)), minLevel: 'info' });
  const log = logger.child({ component: 'electron' });
  const blocked = (what: string, url: string) => log.warn(`security.${what}`, { url: url.slice(0, 200) });

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, blocked));

  app.whenReady().then(async () => {
    if (kiosk || app.isPackaged) Menu.setApplicationMenu(null);
    lockDownSession(session.defaultSession);
    protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir));
    dukkan = await openApp({ dataDir: app.getPath('userData'), template: receiptTemplate, rasterizer: new ElectronRasterizer({ BrowserWindow }), logger });
    ipc = registerValidatedIpc(ipcMain as unknown as IpcMainLike, dukkan.dispatcher, dukkan.sessions, logger);
    dukkan.subscribe((event) => ipc?.broadcast(event));
    window = createMainWindow({ BrowserWindow }, { preload, kiosk, devTools: !app.isPackaged, ipc, log: blocked });
    window.on('closed', () => (window = null));
  }).catch((e: unknown) => {
    log.error('electron.start-failed', { errorMessage: e instanceof Error ? e.message : String(e) });
    electron.dialog.showErrorBox('Dukkan could not start', e instanceof Error ? e.message : String(e));
    app.exit(1);
  });

  app.on('window-all-closed', () => app.quit());
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing || !dukkan) return;
    // finish the reporting requests in flight and close the databases before the process ends
    event.preventDefault();
    closing = true;
    ipc?.dispose();
    dukkan.close().finally(() => app.quit());
  });
}
