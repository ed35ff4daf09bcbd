// SPDX-License-Identifier: UNLICENSED
// The Electron entry (dist/electron/main.cjs): what must happen synchronously before `ready` — the app:// scheme's
// privileges and the single-instance lock (one process owns the ledger) — then the app itself, an ES module bundle
// (dist/electron/app.mjs; the XML library it uses initialises with top-level await, which CommonJS cannot hold).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, protocol } from 'electron';
import { APP_SCHEME } from '../ipc/validatedIpc';
import { APP_SCHEME_PRIVILEGES } from './appProtocol';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  import(pathToFileURL(path.join(__dirname, 'app.mjs')).href).catch((e: unknown) => {
    process.stderr.write(`Dukkan could not load: ${e instanceof Error ? e.message : String(e)}\n`);
    app.exit(1);
  });
}
