// SPDX-License-Identifier: UNLICENSED
// The customer display in the installed app (docs/renderer.md, "customer display"): a second window on the screen
// turned to the customer, showing the cart, the change and the receipt's QR. Browser mode opens it as a second tab;
// here main opens it with the till when asked (`--customer-display`, or DUKKAN_CUSTOMER_DISPLAY=1), full screen on
// a second screen if there is one. It gets the same locked-down webPreferences as the till's window, and the app's
// events, but may call nothing: a screen facing the customer has no business with the API.
import type { BrowserWindow, BrowserWindowConstructorOptions, Display } from 'electron';
import type { ValidatedIpc } from '../ipc/validatedIpc';
import { MAIN_WINDOW_URL, type WindowFactory } from './createMainWindow';
import { lockDownContents } from './lockDown';
import { secureWebPreferences } from './webPreferences';

/** The page the display shows: the app, told by its fragment to be the display (renderer/app/api.ts openedAsDisplay). */
export const DISPLAY_URL = `${MAIN_WINDOW_URL}#display=1`;

/** Whether the command line or the environment asks for the customer display. */
export function wantsCustomerDisplay(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return argv.includes('--customer-display') || env.DUKKAN_CUSTOMER_DISPLAY === '1';
}

export interface CustomerDisplayOptions {
  readonly preload: string;
  readonly ipc: Pick<ValidatedIpc, 'listenOnly' | 'forgetWindow'>;
  readonly log: (what: string, url: string) => void;
  /** The screens attached (Electron's `screen.getAllDisplays()` and the primary one). */
  readonly screens: { readonly all: readonly Pick<Display, 'id' | 'bounds'>[]; readonly primaryId: number };
}

/** On the first screen that is not the till's, full screen; with one screen, a window the cashier can move. */
export function displayWindowOptions(preload: string, screens: CustomerDisplayOptions['screens']): BrowserWindowConstructorOptions {
  const other = screens.all.find((s) => s.id !== screens.primaryId);
  return {
    ...(other ? { ...other.bounds, fullscreen: true } : { width: 1024, height: 768 }),
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    title: 'Dukkan — customer display',
    webPreferences: secureWebPreferences(preload),
  };
}

export function createCustomerDisplayWindow(electron: WindowFactory, options: CustomerDisplayOptions): BrowserWindow {
  const win = new electron.BrowserWindow(displayWindowOptions(options.preload, options.screens));
  const contents = win.webContents;
  lockDownContents(contents, options.log);
  const id = contents.id;
  options.ipc.listenOnly(contents);
  win.on('closed', () => options.ipc.forgetWindow(id));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(DISPLAY_URL);
  return win;
}
