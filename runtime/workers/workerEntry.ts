// SPDX-License-Identifier: UNLICENSED
// Where a worker thread's module is, and how a thread starts from it, in each of the ways a process runs
// (docs/ARCHITECTURE.md, "Move CPU work to a worker"):
//   from the TypeScript sources (tests, benchmarks, `npm run start:browser` on stale bundles, the CLI through tsx):
//     the .ts entry, started through workerBoot.mjs, which registers tsx's loader inside the thread;
//   a bundle (browser mode's dist/browser/, the CLI's dist/cli/): the entry's own bundle beside the chunk that
//     starts it (scripts/nodeBundle.mjs puts every chunk of a bundle in one folder);
//   the Electron app (scripts/buildElectron.mjs): beside app.mjs in electron/, unpacked from app.asar
//     (electron-builder.yml asarUnpack), where Node's loader reads it as a plain file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WorkerEntry {
  /** The worker's module: its TypeScript source, or the bundle built from it. */
  readonly file: URL;
}

/**
 * The entry called `name` for a module at `moduleUrl`: `<name>.ts` next to it when it runs from the sources, else
 * `<bundleName>.mjs` in the bundle's folder.
 */
export function entryBeside(moduleUrl: string, name: string, bundleName: string): WorkerEntry {
  return { file: moduleUrl.endsWith('.ts') ? new URL(`./${name}.ts`, moduleUrl) : new URL(`./${bundleName}.mjs`, moduleUrl) };
}

/** What `new Worker(file, { workerData })` is given for `entry`. */
export interface WorkerStart {
  readonly file: string;
  readonly workerData: { readonly sourceEntry: string } | undefined;
}

/** The one way a worker starts: a compiled entry as it is, a .ts entry through the tsx boot. */
export function workerStart(entry: WorkerEntry): WorkerStart {
  const file = unpackedFromAsar(fileURLToPath(entry.file));
  if (!file.endsWith('.ts')) return { file, workerData: undefined };
  // esbuild leaves `new URL(…, import.meta.url)` alone, so neither the boot nor tsx enters a bundle
  // (test/app/packaging.test.ts reads the app's bundles for packages)
  return { file: fileURLToPath(new URL('./workerBoot.mjs', import.meta.url)), workerData: { sourceEntry: entry.file.href } };
}

/** A file inside app.asar, as electron-builder unpacks it beside the archive. */
export function unpackedFromAsar(file: string): string {
  const packed = `${path.sep}app.asar${path.sep}`;
  return file.includes(packed) ? file.replace(packed, `${path.sep}app.asar.unpacked${path.sep}`) : file;
}
