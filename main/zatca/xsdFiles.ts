// SPDX-License-Identifier: UNLICENSED
// Loads the bundled UBL 2.1 XSDs (main/resources/ubl-xsd) into the path → bytes map the pure validator takes.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** main/resources/ubl-xsd, found from the source tree, a bundle in dist/, or DUKKAN_RESOURCES. */
export const XSD_ROOT =
  [
    process.env.DUKKAN_RESOURCES ? path.join(process.env.DUKKAN_RESOURCES, 'ubl-xsd') : '',
    path.resolve(import.meta.dirname, '..', 'resources', 'ubl-xsd'),
    path.resolve(import.meta.dirname, '..', 'main', 'resources', 'ubl-xsd'),
  ].find((p) => p !== '' && existsSync(p)) ?? path.resolve(import.meta.dirname, '..', 'resources', 'ubl-xsd');
export const INVOICE_XSD_ENTRY = 'maindoc/UBL-Invoice-2.1.xsd';

export function loadXsdFiles(root = XSD_ROOT): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.xsd')) files.set(path.relative(root, full).split(path.sep).join('/'), readFileSync(full));
    }
  };
  walk(root);
  return files;
}
