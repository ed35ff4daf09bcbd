// SPDX-License-Identifier: UNLICENSED
// Test-side loader for the vendored UBL 2.1 XSDs (SDK-3.2.7 Data/Schemas/xsds/UBL2.1/xsd): reads the folder into
// the path → bytes map that app/xsd/validateXsd.ts takes, so the pure core never touches the file system.
import path from 'node:path';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { XSD_DIR } from './vectors';

export const UBL_INVOICE_XSD = 'maindoc/UBL-Invoice-2.1.xsd';

/** Every .xsd under `root`, keyed by its path relative to `root` with forward slashes. */
export function loadXsdFiles(root: string = XSD_DIR): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.xsd')) files.set(path.relative(root, full).split(path.sep).join('/'), new Uint8Array(readFileSync(full)));
    }
  };
  walk(root);
  return files;
}
