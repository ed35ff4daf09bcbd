// SPDX-License-Identifier: UNLICENSED
// Kiosk mode's keyboard filter: the key combinations that would close, hide, reload or leave the till's window, or
// open developer tools, are swallowed in the main window's `before-input-event` (before the page and before menu
// accelerators see them). Everything the cashier screen uses stays: F2–F10, Alt+letter and Alt+digit shortcuts,
// Ctrl+C/V/X/A/Z, Tab, Escape, Enter.
//
// What an application cannot block: the OS handles Alt+Tab and the Windows key on Windows, Ctrl+Alt+Del, and the
// window manager's own bindings on Linux before any app sees them; they are listed here only for where they do reach
// the page. On macOS, Electron's kiosk mode itself disables process switching (Cmd+Tab) and hides the Dock. A
// dedicated terminal is locked down for real by the OS (Windows Assigned Access / Shell Launcher, a kiosk session
// on Linux); this filter only keeps a cashier from leaving the app by accident.

/** The fields of Electron's Input used here. */
export interface KeyInput {
  readonly type: string;
  readonly key: string;
  readonly code: string;
  readonly alt: boolean;
  readonly control: boolean;
  readonly meta: boolean;
  readonly shift: boolean;
  readonly isAutoRepeat?: boolean;
}

/**
 * The names a key answers to: its physical letter (`code`, so Ctrl+W is Ctrl+W on an Arabic layout too, where `key`
 * is 'ص') and its layout's `key`, lower-cased.
 */
function namesOf(input: KeyInput): Set<string> {
  const names = new Set<string>([input.key.toLowerCase()]);
  const letter = /^Key([A-Z])$/.exec(input.code);
  if (letter) names.add(letter[1]!.toLowerCase());
  if (input.code === 'Space') names.add('space');
  return names;
}

/** The combination's name when kiosk mode swallows it, else null. */
export function kioskBlockedCombo(input: KeyInput): string | null {
  const k = namesOf(input);
  const ctrlOrCmd = input.control || input.meta;
  if (input.alt && k.has('f4')) return 'Alt+F4'; // close the window (Windows, most Linux window managers)
  if (input.control && k.has('f4')) return 'Ctrl+F4'; // close the window (Windows)
  if (ctrlOrCmd && k.has('w')) return 'Ctrl+W'; // close the window
  if (ctrlOrCmd && k.has('q')) return 'Ctrl+Q'; // quit
  if (input.meta && (k.has('h') || k.has('m'))) return 'Cmd+H/M'; // hide, minimise (macOS)
  if (k.has('f11') || (input.control && input.meta && k.has('f'))) return 'full screen'; // leave full screen
  if (k.has('f5') || (ctrlOrCmd && k.has('r'))) return 'reload'; // would drop the sale on screen
  if (k.has('f12') || (ctrlOrCmd && (input.shift || input.alt) && k.has('i'))) return 'developer tools';
  if ((input.alt || input.meta) && k.has('tab')) return 'Alt+Tab'; // switch apps, where the OS lets it reach us
  if (input.alt && (k.has('escape') || k.has('space'))) return 'Alt+Esc/Space'; // next window, window menu (Windows)
  return null;
}

/** The parts of Electron's WebContents used here. */
export interface InputEventSource {
  on(event: 'before-input-event', listener: (event: { preventDefault(): void }, input: KeyInput) => void): unknown;
}

/** Installs the filter; `log` hears each swallowed combination once per key press (not its repeats or key-up). */
export function blockKioskKeys(contents: InputEventSource, log: (combo: string) => void): void {
  contents.on('before-input-event', (event, input) => {
    const combo = kioskBlockedCombo(input);
    if (!combo) return;
    event.preventDefault();
    if (input.type === 'keyDown' && !input.isAutoRepeat) log(combo);
  });
}
