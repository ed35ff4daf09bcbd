// SPDX-License-Identifier: UNLICENSED
// Where a worker thread's module is, in each of the three ways the main process runs (docs/ARCHITECTURE.md, "Move
// CPU work to a worker"):
//   from the TypeScript sources (tests, benchmarks, `npm run start:browser` on stale bundles): the .ts entry,
//     bundled at the first worker's start by compileWorkerEntry.ts;
//   browser mode's bundle (scripts/buildBrowser.mjs): the entry's own bundle beside start.mjs in dist/browser/;
//   the Electron app (scripts/buildElectron.mjs): beside app.mjs in electron/, unpacked from app.asar
//     (electron-builder.yml asarUnpack), where Node's loader reads it as a plain file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as CompileWorkerEntry from './compileWorkerEntry';

export interface WorkerEntry {
  /** The worker's module: its TypeScript source, or the bundle built from it. */
  readonly file: URL;
}

/**
 * The entry called `name` for a module at `moduleUrl`: `<name>.ts` next to it when it runs from the sources, else
 * `<bundleName>.mjs` in the bundle's folder (every chunk of a bundle sits in one folder).
 */
export function entryBeside(moduleUrl: string, name: string, bundleName: string): WorkerEntry {
  return { file: moduleUrl.endsWith('.ts') ? new URL(`./${name}.ts`, moduleUrl) : new URL(`./${bundleName}.mjs`, moduleUrl) };
}

/** The file a Worker starts from. */
export async function workerScript(entry: WorkerEntry): Promise<string> {
  const file = unpackedFromAsar(fileURLToPath(entry.file));
  if (!file.endsWith('.ts')) return file;
  // a computed specifier: bundlers leave it alone, so the compiler (and esbuild) never enters an app bundle
  const compiler = new URL('./compileWorkerEntry.ts', import.meta.url).href;
  const { compiledWorkerEntry } = (await import(compiler)) as typeof CompileWorkerEntry;
  return compiledWorkerEntry(file);
}

/** A file inside app.asar, as electron-builder unpacks it beside the archive. */
export function unpackedFromAsar(file: string): string {
  const packed = `${path.sep}app.asar${path.sep}`;
  return file.includes(packed) ? file.replace(packed, `${path.sep}app.asar.unpacked${path.sep}`) : file;
}
