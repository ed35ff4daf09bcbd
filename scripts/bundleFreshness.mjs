// SPDX-License-Identifier: UNLICENSED
// Whether a bundle made by scripts/nodeBundle.mjs may run: it exists and no source it was built from (listed in
// `<name>.inputs.json` beside it) has changed since. The launchers (bin/dukkan.mjs, scripts/startBrowser.mjs) run
// the TypeScript instead when it may not, so an edited source never runs stale code. Node built-ins only: this
// runs before anything else at every start.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** `companions`: files the same build wrote beside `bundle` (a worker thread's entry), which must be there too. */
export function bundleIsCurrent(root, bundle, companions = []) {
  try {
    const built = Math.min(...[bundle, ...companions].map((file) => statSync(file).mtimeMs));
    const inputs = JSON.parse(readFileSync(bundle.replace(/\.[a-z]+$/, '.inputs.json'), 'utf8'));
    return inputs.every((file) => statSync(path.join(root, file)).mtimeMs <= built);
  } catch {
    return false; // no bundle, no companion, no list, or a source it was built from is gone
  }
}

export const STALE_HINT = 'is missing or older than the sources; running the TypeScript (slower).';
