// SPDX-License-Identifier: UNLICENSED
// Debugging switches a packaged till refuses. The fuses (electron-builder.yml) already make the binary ignore Node's
// --inspect family, but --remote-debugging-port and --remote-debugging-pipe are Chromium switches no fuse covers:
// they open the DevTools protocol to every page, and with it the IPC bridge that issues signed invoices. A shop's
// shortcut or a local user could add them; the packaged app exits instead, before any window or service opens.
// Development builds keep them (that is how the renderer is debugged).

/** Switch names (without dashes, lower case) refused in packaged builds; `inspect` covers every --inspect* form. */
const REFUSED_EXACT = new Set(['remote-debugging-port', 'remote-debugging-pipe']);
const REFUSED_PREFIX = 'inspect';

/**
 * The name of a switch in one argument, as Chromium and Node read it: `--name`, `--name=value`, also `-name` (Chromium
 * accepts one dash) and, on Windows, `/name`; Chromium lower-cases switch names on Windows, so case is ignored.
 */
export function switchName(arg: string, windows: boolean): string | null {
  const m = (windows ? /^(?:--?|\/)([A-Za-z][\w-]*)(?:=|$)/ : /^--?([A-Za-z][\w-]*)(?:=|$)/).exec(arg);
  return m ? m[1]!.toLowerCase() : null;
}

export function isRefusedSwitch(name: string): boolean {
  return REFUSED_EXACT.has(name) || name.startsWith(REFUSED_PREFIX);
}

/**
 * The refused switches present, in the order found. Every argument is looked at, even after a lone `--` (which ends
 * Chromium's switches but costs nothing to distrust), and `hasSwitch` (app.commandLine) catches switches that reached
 * Chromium's command line by another way than argv.
 */
export function refusedDebugSwitches(
  argv: readonly string[],
  options: { readonly windows: boolean; readonly hasSwitch?: (name: string) => boolean },
): string[] {
  const found = new Set<string>();
  for (const arg of argv.slice(1)) {
    const name = switchName(arg, options.windows);
    if (name && isRefusedSwitch(name)) found.add(name);
  }
  for (const name of REFUSED_EXACT) if (options.hasSwitch?.(name)) found.add(name);
  return [...found];
}
