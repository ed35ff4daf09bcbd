// SPDX-License-Identifier: UNLICENSED
// `npm run start:browser`: starts browser mode (main/browser/startBrowserMode.ts) from what `npm run build:browser`
// built at install time — the main-process bundle and the renderer's three files — so a start neither compiles
// TypeScript nor bundles the renderer (BENCHMARKS.md, "Startup"). Either one that is missing or older than its
// sources is replaced by the TypeScript path (tsx; the renderer bundled at start), with a line on stderr saying so.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleIsCurrent, STALE_HINT } from './bundleFreshness.mjs';

const root = path.resolve(import.meta.dirname, '..');
const bundle = path.join(root, 'dist', 'browser', 'start.mjs');
// built with it, and needed by it for printing (runtime/workers/workerEntry.ts)
const worker = path.join(root, 'dist', 'browser', 'dukkan-worker.mjs');
const rendererDir = path.join(root, 'dist', 'browser', 'renderer');
const hint = (what) => process.stderr.write(`Dukkan: ${what} ${STALE_HINT} \`npm run build:browser\` makes it.\n`);

// the start-up bench builds the bundles and then times starts from them while other sources may be edited meanwhile
// (bench/startup.ts): it asks for the bundles as built, skipping the freshness check
const asBuilt = process.env.DUKKAN_BUNDLES_AS_BUILT === '1';
const current = (bundlePath, companions = []) => asBuilt || bundleIsCurrent(root, bundlePath, companions);

if (current(path.join(rendererDir, 'app.js'))) process.env.DUKKAN_RENDERER_DIR = rendererDir;
else hint('the renderer bundle');
process.env.DUKKAN_BROWSER_MAIN = '1';
// the bundle lives in dist/browser/, where the resources' paths relative to the sources do not hold
process.env.DUKKAN_RESOURCES ??= path.join(root, 'main', 'resources');
if (current(bundle, [worker])) {
  await import(pathToFileURL(bundle).href);
} else {
  hint('the browser-mode bundle');
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(root, 'main', 'browser', 'startBrowserMode.ts')).href);
}
