// SPDX-License-Identifier: UNLICENSED
// Running from the TypeScript sources (tests, benchmarks, development), a worker's .ts entry is bundled here by
// esbuild into one self-contained .mjs, as scripts/buildElectron.mjs bundles it for the app. Node 20 cannot start a
// worker from .ts through tsx: a loader given in the worker's execArgv (--import tsx) or registered inside it
// (tsx/esm/api) does not reach the worker's own imports, and tsx's require hook leaves dynamic import() to Node.
// Loaded only through a computed URL (workerEntry.ts), so no bundle of the app contains it or esbuild. What it costs,
// measured at load average 9–10 on the 2-core machine: a worker's first start from the sources 2.3 s, of which the
// build ~0.6 s (once per process; a second worker starts in 1.6 s), against 1.0 s from a bundle.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const compiled = new Map<string, Promise<string>>();

/** The bundled .mjs of `tsFile`, built once per process (in this process's folder under the temporary directory). */
export function compiledWorkerEntry(tsFile: string): Promise<string> {
  let out = compiled.get(tsFile);
  if (!out) {
    out = compile(tsFile);
    compiled.set(tsFile, out);
    out.catch(() => compiled.delete(tsFile)); // a failed build is tried again by the next worker
  }
  return out;
}

async function compile(tsFile: string): Promise<string> {
  const dir = path.join(tmpdir(), `dukkan-workers-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, `${path.basename(tsFile, '.ts')}-${createHash('sha256').update(tsFile).digest('hex').slice(0, 8)}.mjs`);
  await build({
    entryPoints: [tsFile],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    // bundled CommonJS packages (pngjs, qrcode) call require() for Node's built-ins
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  });
  return outfile;
}
