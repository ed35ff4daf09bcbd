// SPDX-License-Identifier: UNLICENSED
// The Electron shell, kept thin: everything it starts is the same composition root browser mode uses
// (main/app/openApp). Started by electronBoot.ts once the app:// scheme is registered, this process holds the
// single-instance lock and the log file is open. Every web contents is locked down as it is created; the session
// denies permissions and renderer network access; then the services open and the window loads. Fatoora requests go
// through Chromium's network stack (OS proxy settings and certificate store) on a session of their own, so the
// renderer session's refusal of every http(s) request does not apply to them.
// Bundled to dist/app/electron/app.mjs by scripts/buildElectron.mjs. Not runnable on a machine without Electron's
// binary; the built bundle runs in plain Node against a stand-in electron module (test/app/electronShell.test.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import electron from 'electron';
import { openApp, type DukkanApp } from '../app/openApp';
import { precomputeSigningTables } from '../../app/crypto/signingKey';
import { receiptTemplate } from '../app/receiptTemplate';
import { chromiumFetch } from '../fatoora/chromiumFetch';
import { registerValidatedIpc, APP_SCHEME, type IpcMainLike, type ValidatedIpc } from '../ipc/validatedIpc';
import { createLogger, errorFields } from '../log/logger';
import { ElectronRasterizer } from '../printing/electronRasterizer';
import { applicationMenu } from './appMenu';
import { appProtocolHandler } from './appProtocol';
import { createMainWindow, MAIN_WINDOW_URL } from './createMainWindow';
import { createCustomerDisplayWindow, wantsCustomerDisplay } from './customerDisplayWindow';
import { blockKioskKeys } from './kioskKeys';
import { lockDownContents, lockDownSession } from './lockDown';
import { DEFAULT_QUIT_DEADLINE_MS, QuitSequence } from './quitSequence';
import { logLocationText, startFailureText, type ShellLog } from './shellLog';
import { UserFacingWindows } from './userFacingWindows';
import { RENDERER_RELOADS, ReloadLimiter, watchWindowHealth } from './windowHealth';

const { app, BrowserWindow, ipcMain, protocol, session, Menu, dialog, net, screen } = electron;

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '..', 'renderer');
const preload = path.join(here, 'preload.cjs');
/** In memory (no `persist:`): Fatoora requests keep no cookies or cache between runs. */
const FATOORA_PARTITION = 'fatoora';

export function startElectronApp(shell: ShellLog): void {
  const kiosk = process.argv.includes('--kiosk') || process.env.DUKKAN_KIOSK === '1';
  const logger = createLogger({ sink: shell.sink, minLevel: 'info' });
  const log = logger.child({ component: 'electron' });
  const blocked = (what: string, url: string) => log.warn(`security.${what}`, { url: url.slice(0, 200) });
  let dukkan: DukkanApp | null = null;
  let ipc: ValidatedIpc | null = null;
  let window: electron.BrowserWindow | null = null;

  const quit = new QuitSequence({ deadlineMs: DEFAULT_QUIT_DEADLINE_MS, log, quit: () => app.quit(), exit: (code) => app.exit(code) });
  const userFacing = new UserFacingWindows(() => app.quit());
  const closeServices = async (): Promise<void> => {
    ipc?.dispose();
    ipc = null;
    await dukkan?.close();
  };

  process.on('uncaughtExceptionMonitor', (e, origin) => log.error('app.uncaught', { origin, ...errorFields(e) }));
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, blocked));
  app.on('child-process-gone', (_event, details) =>
    log.warn('app.child-process-gone', { type: details.type, reason: details.reason, exitCode: details.exitCode }),
  );
  app.on('before-quit', (event) => quit.beforeQuit(event));
  // rarely reached: the rasterizer's hidden window lives on, so the way out is UserFacingWindows' callback above
  app.on('window-all-closed', () => app.quit());

  const rasterizer = new ElectronRasterizer({ BrowserWindow });

  function openMainWindow(current: DukkanApp, validated: ValidatedIpc): electron.BrowserWindow {
    const win = createMainWindow({ BrowserWindow }, { preload, kiosk, devTools: !app.isPackaged, ipc: validated, log: blocked });
    userFacing.add(win);
    win.on('closed', () => (window = null));
    win.once('ready-to-show', () => {
      log.info('app.ready', { mode: current.mode(), kiosk, packaged: app.isPackaged });
      // once the till is usable, prepare what the first sale would otherwise wait for: the signing tables
      // (~220 ms), the receipt window with its fonts (~1 s) and the totals of the day for the first X report
      setTimeout(() => {
        precomputeSigningTables();
        void rasterizer.warmUp().catch((e: unknown) => log.warn('printing.warm-up-failed', errorFields(e)));
        void current.core.printing.warmUp().catch((e: unknown) => log.warn('printing.warm-up-failed', errorFields(e)));
        void current.core
          .current()
          .reports.warm()
          .catch((e: unknown) => log.warn('reports.warm-up-failed', errorFields(e)));
      }, 0);
    });
    // Windows log-off or shutdown: no before-quit follows, and the process ends soon after this returns
    win.on('session-end', (event) => {
      log.warn('app.session-end', { reasons: event.reasons ?? [] });
      quit.closeNow();
    });
    if (kiosk) blockKioskKeys(win.webContents, (combo) => log.info('kiosk.key-blocked', { combo }));
    watchWindowHealth(win, {
      log,
      limiter: new ReloadLimiter(RENDERER_RELOADS.max, RENDERER_RELOADS.windowMs),
      mayReload: () => !quit.quitting && !win.isDestroyed(),
      reload: () => void win.loadURL(MAIN_WINDOW_URL).catch((e: unknown) => log.warn('window.reload-failed', errorFields(e))),
      giveUp: () => {
        dialog.showErrorBox(
          'Dukkan stopped',
          `The till screen stopped working ${RENDERER_RELOADS.max + 1} times in a row. Start Dukkan again.\n\n${logLocationText(shell)}`,
        );
        app.quit();
      },
    });
    return win;
  }

  /** The customer display: closed with the till's window, so the app still ends when the till does. */
  function openCustomerDisplay(till: electron.BrowserWindow, validated: ValidatedIpc): void {
    const screens = { all: screen.getAllDisplays(), primaryId: screen.getPrimaryDisplay().id };
    const display = createCustomerDisplayWindow({ BrowserWindow }, { preload, ipc: validated, log: blocked, screens });
    till.once('closed', () => {
      if (!display.isDestroyed()) display.close();
    });
    log.info('app.customer-display', { screens: screens.all.length, fullscreen: screens.all.length > 1 });
  }

  app
    .whenReady()
    .then(async () => {
      const menu = applicationMenu(process.platform, { kiosk, packaged: app.isPackaged, appName: app.name });
      if (menu.kind === 'none') Menu.setApplicationMenu(null);
      else if (menu.kind === 'template') Menu.setApplicationMenu(Menu.buildFromTemplate(menu.template));
      lockDownSession(session.defaultSession);
      protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir));
      const fatooraSession = session.fromPartition(FATOORA_PARTITION);
      const fetch = chromiumFetch((options) => net.request({ ...options, session: fatooraSession }));
      dukkan = await openApp({ dataDir: app.getPath('userData'), template: receiptTemplate, rasterizer, logger, fetch });
      // a quit that came during start-up closes what just opened, and no window opens
      if (!quit.opened(closeServices)) return;
      ipc = registerValidatedIpc(ipcMain as unknown as IpcMainLike, dukkan.dispatcher, dukkan.sessions, logger);
      dukkan.subscribe((event) => ipc?.broadcast(event));
      window = openMainWindow(dukkan, ipc);
      if (wantsCustomerDisplay(process.argv, process.env)) openCustomerDisplay(window, ipc);
    })
    .catch((e: unknown) => {
      log.error('app.start-failed', { stage: 'open', ...errorFields(e) });
      quit.failed();
      electron.dialog.showErrorBox('Dukkan could not start', startFailureText(e, shell));
      app.exit(1);
    });
}
