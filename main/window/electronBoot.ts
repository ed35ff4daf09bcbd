// SPDX-License-Identifier: UNLICENSED
// The Electron entry (dist/app/electron/main.cjs): what must happen synchronously before `ready` — the app:// scheme's
// privileges, refusing debugging switches in a packaged build, the single-instance lock (one process owns the
// ledger), opening the log file — then the app itself, an ES module bundle (dist/app/electron/app.mjs; the XML library
// it uses initialises with top-level await, which CommonJS cannot hold). The log is opened here, not in the app
// bundle, so that a bundle that fails to load (a native module built for another Electron) still leaves its reason
// in the log file and in a dialog that says where that file is.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, dialog, protocol } from 'electron';
import { APP_SCHEME } from '../ipc/validatedIpc';
import { createLogger, errorFields } from '../log/logger';
import { APP_SCHEME_PRIVILEGES } from './appProtocol';
import { refusedDebugSwitches } from './debugSwitches';
import { openShellLog, startFailureText, type ShellLog } from './shellLog';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

const openLog = (): ShellLog => openShellLog({ userData: app.getPath('userData'), console: app.isPackaged ? null : (text) => process.stderr.write(text) });
const logOf = (shell: ShellLog) => createLogger({ sink: shell.sink, minLevel: 'info' }).child({ component: 'electron' });

const refused = app.isPackaged
  ? refusedDebugSwitches(process.argv, { windows: process.platform === 'win32', hasSwitch: (name) => app.commandLine.hasSwitch(name) })
  : [];
if (refused.length > 0) {
  logOf(openLog()).error('app.debug-switch-refused', {
    switches: refused,
    advice: 'a packaged Dukkan does not run with debugging switches; start it without them',
  });
  // before `ready` app.exit ends the process at once: no window, no service, no lock was ever taken
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const shell = openLog();
  const log = logOf(shell);
  log.info('app.starting', { version: app.getVersion(), packaged: app.isPackaged, platform: process.platform, logFile: shell.file });
  import(pathToFileURL(path.join(__dirname, 'app.mjs')).href)
    .then((bundle: { startElectronApp(shell: ShellLog): void }) => bundle.startElectronApp(shell))
    .catch((e: unknown) => {
      log.error('app.start-failed', { stage: 'load', ...errorFields(e) });
      dialog.showErrorBox('Dukkan could not start', startFailureText(e, shell));
      app.exit(1);
    });
}
