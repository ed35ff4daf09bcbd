// SPDX-License-Identifier: UNLICENSED
// The till's window: the secure webPreferences, locked-down contents, registered with the validated IPC so that it
// (and only it) may call the API, and the app loaded from app://dukkan. Kiosk mode for dedicated terminals: full
// screen, no menu, no way to leave the app by keyboard short of signing out of the OS.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { ValidatedIpc } from '../ipc/validatedIpc';
import { APP_ORIGIN } from '../ipc/validatedIpc';
import { lockDownContents } from './lockDown';
import { secureWebPreferences } from './webPreferences';

/** The page the till's window shows (and reloads after a renderer crash). */
export const MAIN_WINDOW_URL = `${APP_ORIGIN}/index.html`;

export interface WindowFactory {
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
}

export interface MainWindowOptions {
  readonly preload: string;
  readonly kiosk: boolean;
  readonly devTools?: boolean;
  readonly ipc: ValidatedIpc;
  readonly log: (what: string, url: string) => void;
}

export function mainWindowOptions(options: Pick<MainWindowOptions, 'preload' | 'kiosk' | 'devTools'>): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#f4f5f7',
    autoHideMenuBar: true,
    kiosk: options.kiosk,
    fullscreen: options.kiosk,
    title: 'Dukkan',
    webPreferences: secureWebPreferences(options.preload, options.devTools !== undefined ? { devTools: options.devTools } : {}),
  };
}

export function createMainWindow(electron: WindowFactory, options: MainWindowOptions): BrowserWindow {
  const win = new electron.BrowserWindow(mainWindowOptions(options));
  const contents = win.webContents;
  lockDownContents(contents, options.log);
  const id = contents.id;
  options.ipc.trustWindow(contents);
  win.on('closed', () => options.ipc.forgetWindow(id));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(MAIN_WINDOW_URL);
  return win;
}
