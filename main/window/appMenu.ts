// SPDX-License-Identifier: UNLICENSED
// The application menu. Kiosk and packaged builds show none on Windows and Linux (nothing to leave the till by, no
// View → Reload or Toggle Developer Tools). macOS is different: copy, paste, cut and select-all reach a text field
// only through the Edit menu's roles, so without a menu Cmd+C/V/X/A do nothing — there the menu keeps the Edit role
// (and, outside kiosk mode, the standard app menu with Quit). Development builds keep Electron's default menu.
import type { MenuItemConstructorOptions } from 'electron';

export type MenuChoice =
  { readonly kind: 'default' } | { readonly kind: 'none' } | { readonly kind: 'template'; readonly template: MenuItemConstructorOptions[] };

export function applicationMenu(
  platform: NodeJS.Platform,
  options: { readonly kiosk: boolean; readonly packaged: boolean; readonly appName: string },
): MenuChoice {
  if (!options.kiosk && !options.packaged) return { kind: 'default' };
  if (platform !== 'darwin') return { kind: 'none' };
  // macOS shows the first item under the app's name; in kiosk mode it offers nothing that leaves the app
  const appMenu: MenuItemConstructorOptions = options.kiosk ? { label: options.appName, submenu: [{ role: 'about' }] } : { role: 'appMenu' };
  return { kind: 'template', template: [appMenu, { role: 'editMenu' }] };
}
