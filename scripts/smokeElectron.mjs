// SPDX-License-Identifier: UNLICENSED
// `npm run smoke:electron`: the desktop app, end to end, on a machine that has Electron's binary.
//
//   1. builds dist/app (npm run build:electron) and rebuilds its native modules for the installed Electron;
//   2. starts a fake network receipt printer (test/printer/fakeEscPosPrinter.ts) on 127.0.0.1;
//   3. launches Electron on dist/app with a fresh, empty data folder (Chromium's --user-data-dir, which Electron
//      takes as app.getPath('userData')), through playwright-core's _electron;
//   4. waits for the shell's readiness line (event "app.ready") in <userData>/logs/dukkan.log;
//   5. in the window: the manager sets up the printer, the cashier makes a training sale paid in cash
//      (test/electron/smokeFlow.ts), and the printer must receive the receipt, with a QR that decodes;
//   6. the customer display (--customer-display: a second window, main/window/customerDisplayWindow.ts) must show
//      the sale's total;
//   7. the manager exports the day from the manager screen (test/electron/smokeFlow.ts): the zip, written by the
//      export's worker thread with the better-sqlite3 its bundle carries, must hold the sale, and on Linux the
//      allocator's free memory must have been given back through koffi's addon (native/memory);
//   8. closes the window, and the process must exit by itself, with status 0, within EXIT_DEADLINE_MS.
//
// Without Electron's binary (ELECTRON_SKIP_BINARY_DOWNLOAD installs) it says so and exits 0; with
// --require-electron or DUKKAN_SMOKE_REQUIRE_ELECTRON=1 (CI machines that must have it) that is a failure.
// DUKKAN_ELECTRON_BINARY names another binary of the same Electron version. On Linux without a desktop session it
// starts a private D-Bus session with an unlocked gnome-keyring (the device key lives in the Secret Service), and
// without a display it runs under xvfb-run.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const READY_DEADLINE_MS = 120_000;
const EXIT_DEADLINE_MS = 30_000;
const OUTPUT = path.join(root, 'test-output', 'smoke-electron');
/** How the customer display's window is told apart from the till's (renderer/app/api.ts openedAsDisplay). */
const DISPLAY_FRAGMENT = '#display=1';

/** The Electron binary to launch and where it was looked for, or null with where it was looked for. */
export function findElectronBinary(env = process.env) {
  if (env.DUKKAN_ELECTRON_BINARY) return { binary: usable(env.DUKKAN_ELECTRON_BINARY), lookedAt: env.DUKKAN_ELECTRON_BINARY };
  // node_modules/electron/path.txt names the binary inside its dist/, once install-electron has fetched it; reading
  // it directly, not require('electron'), which would try to download a missing binary
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return { binary: null, lookedAt: pathFile };
  const file = path.join(env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkg, 'dist'), readFileSync(pathFile, 'utf8').trim());
  return { binary: usable(file), lookedAt: file };
}

function usable(file) {
  try {
    accessSync(file, constants.X_OK);
    return file;
  } catch {
    return null;
  }
}

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/**
 * The command that gives this script what Electron needs on Linux — a display and a Secret Service — when the
 * session lacks them, and the folder of the private keyring it makes; null when the session has both (or this is
 * the re-run inside them).
 */
function linuxSessionWrapper(env) {
  if (process.platform !== 'linux' || env.DUKKAN_SMOKE_SESSION === '1') return null;
  const command = [];
  let keyring = null;
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) {
    if (!onPath('xvfb-run')) throw new Error('no display: run inside a desktop session, or install xvfb (apt-get install xvfb) for xvfb-run');
    command.push('xvfb-run', '-a');
  }
  if (!env.DBUS_SESSION_BUS_ADDRESS) {
    if (!onPath('dbus-run-session') || !onPath('gnome-keyring-daemon')) throw new Error('no D-Bus session: install dbus and gnome-keyring (npm run setup)');
    keyring = mkdtempSync(path.join(tmpdir(), 'dukkan-smoke-keyring-'));
    const unlock = `export XDG_DATA_HOME='${keyring}'; echo -n dukkan-smoke | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$0" "$@"`;
    command.push('dbus-run-session', '--', 'bash', '-c', unlock);
  }
  return command.length > 0 ? { command, keyring } : null;
}

/** The app's own window (app://dukkan/), not one the receipt rasterizer may have open. */
async function mainWindow(app) {
  const end = Date.now() + READY_DEADLINE_MS;
  for (;;) {
    const page = app.windows().find((w) => w.url().startsWith('app://dukkan/') && !w.url().endsWith(DISPLAY_FRAGMENT));
    if (page) return page;
    if (Date.now() > end) throw new Error(`no window on app://dukkan/ within ${READY_DEADLINE_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The first record of `event` in the log file so far, or null. */
function findRecord(logFile, event) {
  if (!existsSync(logFile)) return null;
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    try {
      const record = JSON.parse(line);
      if (record.event === event) return record;
    } catch {
      // a line still being written
    }
  }
  return null;
}

/** The first record of `event` in the log file, waited for up to 10 s. */
async function logRecord(logFile, event) {
  const end = Date.now() + 10_000;
  for (;;) {
    const found = findRecord(logFile, event);
    if (found) return found;
    if (Date.now() > end) throw new Error(`no ${event} line in ${logFile} within 10 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Resolves with the first `app.ready` record of the log file, or rejects at the deadline or if the app exits. */
async function readinessLine(logFile, child) {
  const end = Date.now() + READY_DEADLINE_MS;
  for (;;) {
    const ready = findRecord(logFile, 'app.ready');
    if (ready) return ready;
    if (child.exitCode !== null) throw new Error(`Electron exited with ${child.exitCode} before the app.ready line in ${logFile}`);
    if (Date.now() > end) throw new Error(`no app.ready line in ${logFile} within ${READY_DEADLINE_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Resolves with the exit status once the process ends, or rejects after `ms`. */
function exitWithin(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Electron still running ${ms / 1000} s after its window was closed`)), ms);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

async function smoke(binary) {
  const { APP_DIR, buildElectron } = await import('./buildElectron.mjs');
  const { rebuildNativeModules } = await import('./electronNative.mjs');
  const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  await buildElectron({ nodeModules: true });
  await rebuildNativeModules({ appDir: APP_DIR, electronVersion });

  const { register } = await import('tsx/esm/api');
  register();
  const { FakeEscPosPrinter } = await import('../test/printer/fakeEscPosPrinter.ts');
  const { exportToday, setUpPrinter, trainingSale } = await import('../test/electron/smokeFlow.ts');
  const { _electron } = await import('playwright-core');

  const userData = mkdtempSync(path.join(tmpdir(), 'dukkan-smoke-'));
  const logFile = path.join(userData, 'logs', 'dukkan.log');
  const printer = await new FakeEscPosPrinter().start(0);
  const output = [];
  let app = null;
  try {
    console.log(`smoke:electron: Electron ${electronVersion} (${binary}) on ${path.relative(root, APP_DIR)}/, data in ${userData}`);
    const started = Date.now();
    // the ordinary window, whatever DUKKAN_KIOSK the calling shell has
    const env = { ...process.env, DUKKAN_KIOSK: '' };
    app = await _electron.launch({
      executablePath: binary,
      args: [`--user-data-dir=${userData}`, APP_DIR, '--customer-display'],
      env,
      cwd: root,
      timeout: READY_DEADLINE_MS,
    });
    const child = app.process();
    child.stdout?.on('data', (c) => output.push(String(c)));
    child.stderr?.on('data', (c) => output.push(String(c)));
    await readinessLine(logFile, child);
    console.log(`  ready (app.ready in ${path.relative(userData, logFile)}) after ${Date.now() - started} ms`);

    const page = await mainWindow(app);
    try {
      await setUpPrinter(page, printer.address);
      console.log(`  printer set up from the manager screen: ${printer.address}`);
      const sale = await trainingSale(page, printer);
      console.log(`  training sale ${sale.number}: receipt printed, ${sale.receiptBytes} bytes, QR total ${sale.qr.fields.totalWithVat} SAR`);
      const display = app.windows().find((w) => w.url().endsWith(DISPLAY_FRAGMENT));
      if (!display) throw new Error('no customer display window (started with --customer-display)');
      await display.locator('[data-test=display-total]', { hasText: sale.qr.fields.totalWithVat }).waitFor({ timeout: 10_000 });
      console.log(`  customer display: shows the sale's total ${sale.qr.fields.totalWithVat}`);
      const exported = await exportToday(page, sale.number);
      console.log(`  day exported from the manager screen: ${exported.entries.length} entries in ${exported.path}`);
      const release = await logRecord(logFile, 'export.memory-released');
      // koffi's addon in Electron, unpacked from app.asar: on glibc the call is there (native/memory)
      if (process.platform === 'linux' && release.outcome === 'unavailable')
        throw new Error('malloc_trim was not reached after the export: koffi did not load');
      console.log(`  after the export, the allocator's free memory: ${release.outcome}`);
    } catch (e) {
      mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: path.join(OUTPUT, 'failure.png') }).catch(() => undefined);
      throw e;
    }

    const window = await app.browserWindow(page);
    const closedAt = Date.now();
    // closed once this call has returned, so its answer cannot be lost with the process
    await window.evaluate((w) => void setTimeout(() => w.close(), 0));
    const { code, signal } = await exitWithin(child, EXIT_DEADLINE_MS);
    if (code !== 0) throw new Error(`Electron exited with ${signal ?? code} after its window was closed`);
    console.log(`  window closed: the process exited with 0 after ${Date.now() - closedAt} ms`);
    app = null;
    rmSync(userData, { recursive: true, force: true });
    console.log('smoke:electron passed');
  } catch (e) {
    const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-20).join('\n') : '(no log file)';
    throw new Error(
      `${e instanceof Error ? e.message : String(e)}\n--- ${logFile} (last lines)\n${tail}\n--- Electron's output\n${output.join('').slice(-4000)}\n(data folder kept: ${userData})`,
    );
  } finally {
    await app?.close().catch(() => undefined);
    await printer.close();
  }
}

async function main(argv, env) {
  const required = argv.includes('--require-electron') || env.DUKKAN_SMOKE_REQUIRE_ELECTRON === '1';
  const { binary, lookedAt } = findElectronBinary(env);
  if (binary === null) {
    const why = `Electron's binary is not installed (looked at ${lookedAt}). Fetch it with \`npx install-electron\` on a machine with internet access, or name one with DUKKAN_ELECTRON_BINARY.`;
    if (required) {
      console.error(`smoke:electron failed: ${why}`);
      return 1;
    }
    console.log(`smoke:electron skipped: ${why} Set DUKKAN_SMOKE_REQUIRE_ELECTRON=1 (or pass --require-electron) where it must run.`);
    return 0;
  }
  const session = linuxSessionWrapper(env);
  if (session) {
    const [command, ...args] = session.command;
    const run = spawnSync(command, [...args, process.execPath, import.meta.filename, ...argv], {
      stdio: 'inherit',
      env: { ...env, DUKKAN_SMOKE_SESSION: '1' },
    });
    if (session.keyring) rmSync(session.keyring, { recursive: true, force: true });
    return run.status ?? 1;
  }
  await smoke(binary);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (e) => {
      console.error(`smoke:electron failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
