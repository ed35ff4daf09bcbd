// SPDX-License-Identifier: UNLICENSED
// Runs the built Electron entry (argv[2]: dist/electron/main.cjs) against the fake electron module, plays the part
// of Electron and of the renderer, and prints what happened as one JSON line.
import { createRequire } from 'node:module';
import path from 'node:path';

const entry = path.resolve(process.argv[2]);
const require = createRequire(entry);
require(entry);
const electron = require('electron');
const { state, appEvents, ready } = electron.__fake;
ready();

const until = async (what, check, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}; errors: ${state.errors.join(' | ')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

const out = {};
try {
  await until('the window', () => state.windows.length > 0 && state.windows[0].record.urls.length > 0);
  const win = state.windows[0];
  const wc = win.webContents;
  out.schemes = state.schemes;
  out.windowOptions = win.record.options;
  out.urls = win.record.urls;
  out.channels = [...state.ipcHandlers.keys()].length;
  const invoke = (channel, arg, event = {}) => state.ipcHandlers.get(channel)({ sender: { id: wc.id, mainFrame: wc.mainFrame }, senderFrame: wc.mainFrame, ...event }, arg);
  const session = await invoke('pos:session.get', {});
  out.session = { ok: session.ok, mode: session.value?.mode, users: session.value?.users.map((u) => u.name) };
  const cashier = session.value.users.find((u) => u.role === 'cashier');
  out.login = (await invoke('pos:session.login', { userId: cashier.id, pin: '0000' })).ok;
  const milk = (await invoke('pos:catalog.search', { query: 'milk' })).value;
  out.quote = milk?.map((p) => p.name);
  const sale = await invoke('pos:sale.complete', { lines: [{ productId: milk[0].id, quantity: '1' }], payments: [{ method: 'card', amount: '6.50' }], saleId: '0b8f5a3e-2c1d-4e6f-9a7b-3c2d1e0f9a8b' });
  out.sale = sale.ok ? sale.value.document.number : sale.error;
  // the reporting worker's status changes reach the window as events
  await until('an event sent to the window', () => win.record.sent.length > 0, 20_000);
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
  const blocked = [];
  win.record.contentsEvents.emit('will-navigate', { preventDefault: () => blocked.push('navigate') }, 'https://evil.example/');
  out.navigationBlocked = blocked;
  out.windowOpen = win.record.openHandler({ url: 'https://evil.example/' });
  out.eventsSentToWindow = win.record.sent.length > 0 ? win.record.sent[0][0] : null;
  // quit: the shell closes the services before the process ends
  let prevented = false;
  appEvents.emit('before-quit', { preventDefault: () => (prevented = true) });
  out.quitDeferred = prevented;
  await new Promise((r) => appEvents.once('quit', r));
  out.errors = state.errors;
} catch (e) {
  out.failure = e instanceof Error ? e.stack : String(e);
}
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);
