// SPDX-License-Identifier: UNLICENSED
// Runs the built Electron entry (argv[2]: dist/app/electron/main.cjs; later arguments are the app's command line) against
// the fake electron module, plays the part of Electron, of the OS and of the renderer in one scenario
// (FAKE_ELECTRON_SCENARIO), and prints what happened as one JSON line. Nothing here asserts: the test does.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const entry = path.resolve(process.argv[2]);
const require = createRequire(entry);
const electron = require('electron');
const { state, appEvents, hooks, ready } = electron.__fake;
const scenario = process.env.FAKE_ELECTRON_SCENARIO ?? 'till';
const logFile = path.join(process.env.FAKE_ELECTRON_USER_DATA, 'logs', 'dukkan.log');

// quit during start-up: as the shell makes the Fatoora session, just before it opens the services, so start-up is
// certainly still under way. Quit while training mode's onboarding hangs on the network: from inside its first
// Fatoora request (a first start onboards it in the background once the app is open, main/app/modeController.ts)
if (scenario === 'quit-during-start') {
  hooks.onPartition = () => {
    hooks.onPartition = null;
    electron.app.quit();
  };
}
if (scenario === 'hung-start') {
  hooks.onNetRequest = () => {
    hooks.onNetRequest = null;
    electron.app.quit();
  };
}
require(entry);
ready();

const until = async (what, check, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}; dialogs: ${JSON.stringify(state.dialogs)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};
const logLines = () => {
  try {
    return readFileSync(logFile, 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
};
const logRecords = () => logLines().map((l) => JSON.parse(l));
const ended = () => state.quitted || state.exitCode !== null;
const key = (k, code, mods = {}) => ({ type: 'keyDown', key: k, code, alt: false, control: false, meta: false, shift: false, ...mods });

const out = { scenario };
async function mainWindow() {
  await until('the window', () => state.windows.length > 0 && state.windows[0].record.urls.length > 0);
  return state.windows[0];
}

async function till() {
  const win = await mainWindow();
  const wc = win.webContents;
  out.schemes = state.schemes;
  out.windowOptions = win.record.options;
  out.urls = [...win.record.urls];
  out.channels = [...state.ipcHandlers.keys()].length;
  const invoke = (channel, arg, event = {}) =>
    state.ipcHandlers.get(channel)({ sender: { id: wc.id, mainFrame: wc.mainFrame }, senderFrame: wc.mainFrame, ...event }, arg);
  const session = await invoke('pos:session.get', {});
  out.session = { ok: session.ok, mode: session.value?.mode, users: session.value?.users.map((u) => u.name) };
  const cashier = session.value.users.find((u) => u.role === 'cashier');
  out.login = (await invoke('pos:session.login', { userId: cashier.id, pin: '0000' })).ok;
  // a first start prepares training mode in the background: the sale below needs it ready, as the till's banner says
  const preparing = async () => (await invoke('pos:status.get', {})).value?.preparingTraining !== undefined;
  for (const end = Date.now() + 120_000; (await preparing()) && Date.now() < end;) await new Promise((r) => setTimeout(r, 50));
  const milk = (await invoke('pos:catalog.search', { query: 'milk' })).value;
  out.quote = milk?.map((p) => p.name);
  const sale = await invoke('pos:sale.complete', {
    lines: [{ productId: milk[0].id, quantity: '1' }],
    payments: [{ method: 'card', amount: '6.50' }],
    saleId: '0b8f5a3e-2c1d-4e6f-9a7b-3c2d1e0f9a8b',
  });
  out.sale = sale.ok ? sale.value.document.number : sale.error;
  // the reporting worker's status changes reach the window as events
  await until('an event sent to the window', () => win.record.sent.length > 0, 20_000);
  // the sale is reported to the embedded simulator (through the shell's Chromium transport, the test checks)
  await until('the sale reported', () => state.netRequests.some((r) => r.url.endsWith('/invoices/reporting/single')), 20_000).catch(() => undefined);
  out.foreignFrame = await invoke('pos:status.get', {}, { senderFrame: { url: 'https://evil.example/' } });
  out.subFrame = await invoke('pos:status.get', {}, { senderFrame: { url: 'app://dukkan/index.html' } });
  out.badArgs = await invoke('pos:sale.quote', { lines: 'all of them' });
  const page = await state.protocolHandlers.app(new Request('app://dukkan/index.html'));
  out.page = { status: page.status, csp: page.headers.get('content-security-policy'), hasScript: (await page.text()).includes('<script src="app.js"') };
  out.traversal = (await state.protocolHandlers.app(new Request('app://dukkan/..%2f..%2fpackage.json'))).status;
  out.post = (await state.protocolHandlers.app(new Request('app://dukkan/index.html', { method: 'POST' }))).status;
  let granted;
  state.permission.request(null, 'media', (g) => (granted = g));
  out.permission = granted;
  out.blocksNetwork = state.beforeRequest.filter.urls;
  out.navigationBlocked = win.fireContents('will-navigate', 'https://evil.example/');
  out.windowOpen = win.record.openHandler({ url: 'https://evil.example/' });
  out.eventsSentToWindow = win.record.sent.length > 0 ? win.record.sent[0][0] : null;

  // the page painted: the till is usable
  win.emit('ready-to-show');
  // kiosk keys (this scenario runs with --kiosk); Ctrl+W is typed on an Arabic layout
  out.keys = Object.fromEntries(
    Object.entries({
      'Alt+F4': key('F4', 'F4', { alt: true }),
      'Ctrl+W (Arabic layout)': key('ص', 'KeyW', { control: true }),
      'Ctrl+Q': key('q', 'KeyQ', { control: true }),
      F11: key('F11', 'F11'),
      F5: key('F5', 'F5'),
      'Ctrl+Shift+I': key('I', 'KeyI', { control: true, shift: true }),
      'Alt+Tab': key('Tab', 'Tab', { alt: true }),
      F4: key('F4', 'F4'),
      F10: key('F10', 'F10'),
      'Alt+L': key('l', 'KeyL', { alt: true }),
      'Ctrl+C': key('c', 'KeyC', { control: true }),
      Tab: key('Tab', 'Tab'),
    }).map(([name, input]) => [name, win.fireContents('before-input-event', input)]),
  );
  // the page going wrong
  win.fireContents('did-fail-load', -6, 'ERR_FILE_NOT_FOUND', 'app://dukkan/index.html', true);
  win.fireContents('preload-error', '/opt/dukkan/preload.cjs', new Error('preload exploded'));
  win.emit('unresponsive');
  win.emit('responsive');
  // a renderer crash reloads the page; a crash loop gives up, tells the user and quits
  win.fireContents('render-process-gone', { reason: 'crashed', exitCode: 11 });
  out.urlsAfterCrash = [...win.record.urls];
  win.fireContents('render-process-gone', { reason: 'oom', exitCode: 1 });
  win.fireContents('render-process-gone', { reason: 'crashed', exitCode: 11 });
  out.dialogsBeforeLoop = state.dialogs.length;
  win.fireContents('render-process-gone', { reason: 'crashed', exitCode: 11 });
  out.urlsAfterLoop = [...win.record.urls];
  await until('the quit after the crash loop', ended);
}

/** A first start onboards training mode in the background once the app is open (main/app/modeController.ts). */
const trainingReady = () => until('training mode ready', () => logRecords().some((r) => r.event === 'mode.training-ready'), 120_000);

async function windowClosed() {
  const win = await mainWindow();
  win.emit('ready-to-show');
  await trainingReady(); // its reporting worker running, so that closing the services shows in the log
  // as the receipt rasterizer's: hidden, offscreen, alive for the whole session
  const hidden = new electron.BrowserWindow({ show: false, webPreferences: { offscreen: true } });
  out.altF4 = win.fireContents('before-input-event', key('F4', 'F4', { alt: true }));
  out.windowAllClosedFired = false;
  appEvents.once('window-all-closed', () => (out.windowAllClosedFired = true));
  // the user closes the till's window
  win.close();
  await until('the quit after the window closed', ended, 30_000);
  out.hiddenDestroyed = hidden.isDestroyed();
}

async function sessionEnd() {
  const win = await mainWindow();
  win.emit('ready-to-show');
  win.emit('session-end', { reasons: ['logoff'], preventDefault: () => undefined });
  // Windows ends the process soon after the event returns: what is done by then is what counts
  out.atReturn = { channels: state.ipcHandlers.size, logged: logRecords().some((r) => r.event === 'app.session-end') };
  await until('the quit after the session end', ended, 30_000);
}

/** The till with the customer display (`--customer-display`): a second window that hears the till and calls nothing. */
async function customerDisplay() {
  const win = await mainWindow();
  await until('the display window', () => state.windows.length > 1 && state.windows[1].record.urls.length > 0);
  const display = state.windows[1];
  const { x, y, width, height, fullscreen, webPreferences } = display.record.options;
  out.display = { urls: [...display.record.urls], bounds: { x, y, width, height, fullscreen }, sandbox: webPreferences.sandbox };
  const invoke = (w, channel, arg) =>
    state.ipcHandlers.get(channel)({ sender: { id: w.webContents.id, mainFrame: w.webContents.mainFrame }, senderFrame: w.webContents.mainFrame }, arg);
  out.displayCall = await invoke(display, 'pos:session.get', {});
  const session = await invoke(win, 'pos:session.get', {});
  const cashier = session.value.users.find((u) => u.role === 'cashier');
  await invoke(win, 'pos:session.login', { userId: cashier.id, pin: '0000' });
  const shown = { lines: [{ name: 'Fresh milk', quantity: '2', lineTotal: '13.00' }], total: '13.00', paid: '20.00', change: '7.00', number: null };
  out.show = (await invoke(win, 'pos:display.show', shown)).ok;
  await until('the display told', () => display.record.sent.some(([, e]) => e.type === 'display'), 10_000);
  out.displayEvents = display.record.sent.filter(([, e]) => e.type === 'display').map(([, e]) => e.display);
  win.emit('ready-to-show');
  display.emit('ready-to-show');
  out.displayVisible = display.isVisible();
  // the till's window closes: the display goes with it and the app ends
  win.close();
  await until('the quit after the till closed', ended, 30_000);
  out.displayDestroyed = display.isDestroyed();
}

async function ends() {
  await until('the end', ended, 60_000);
}

try {
  if (scenario === 'till') await till();
  else if (scenario === 'window-closed') await windowClosed();
  else if (scenario === 'session-end') await sessionEnd();
  else if (scenario === 'customer-display') await customerDisplay();
  else await ends();
} catch (e) {
  out.failure = e instanceof Error ? e.stack : String(e);
}
Object.assign(out, {
  quitted: state.quitted,
  exitCode: state.exitCode,
  dialogs: state.dialogs,
  windowsCreated: state.windowsCreated,
  lockRequested: state.lockRequested,
  menu: state.menu,
  menuTemplates: state.menuTemplates,
  partitions: state.partitions,
  netRequests: state.netRequests,
  logLines: logLines(),
});
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);
