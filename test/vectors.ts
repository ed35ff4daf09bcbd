// SPDX-License-Identifier: UNLICENSED
// Paths of the vendored ZATCA SDK vectors (see test/vectors/README.md).
import path from 'node:path';
import { readFileSync, readdirSync, statSync } from 'node:fs';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..');
export const VECTORS_DIR = path.join(REPO_ROOT, 'test', 'vectors');
export const SDK327 = path.join(VECTORS_DIR, 'sdk-238-R3.2.7');
export const SDK346 = path.join(VECTORS_DIR, 'sdk-238-R3.4.6-from-phive');
export const XSD_DIR = path.join(SDK327, 'Data', 'Schemas', 'xsds', 'UBL2.1', 'xsd');
export const SDK_CERT_PEM = path.join(SDK327, 'Data', 'Certificates', 'cert.pem');
export const SDK_KEY_PEM = path.join(SDK327, 'Data', 'Certificates', 'ec-secp256k1-priv-key.pem');
export const SDK_PIH = path.join(SDK327, 'Data', 'PIH', 'pih.txt');

export function readVector(rel: string): Buffer {
  return readFileSync(path.join(VECTORS_DIR, rel));
}

/** Every sample XML under the vectors folder, as repository-relative paths. */
export function listSampleXml(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.xml') && full.includes(`${path.sep}Samples${path.sep}`)) out.push(path.relative(VECTORS_DIR, full));
    }
  };
  walk(VECTORS_DIR);
  return out.sort();
}
