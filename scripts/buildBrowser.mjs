// SPDX-License-Identifier: UNLICENSED
// Builds what browser mode starts from, once at install time (`npm run build:browser`, run by `npm run setup` and
// npm's `prepare`) instead of at every start: dist/browser/start.mjs (main/browser/startBrowserMode.ts bundled, see
// scripts/nodeBundle.mjs) with its worker thread's dukkan-worker.mjs and dist/browser/renderer/ (index.html, app.js, app.css — the renderer bundle
// main/browser/rendererAssets.ts makes). scripts/startBrowser.mjs runs them while they are newer than their sources
// (BENCHMARKS.md, "Startup").
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { register } from 'tsx/esm/api';
import { bundleNode, REPO_ROOT, writeInputs } from './nodeBundle.mjs';

export const BROWSER_BUNDLE = path.join(REPO_ROOT, 'dist', 'browser', 'start.mjs');
export const BROWSER_RENDERER_DIR = path.join(REPO_ROOT, 'dist', 'browser', 'renderer');
/** The app's worker thread (main/workers/dukkanWorker.ts), beside start.mjs where runtime/workers/workerEntry.ts finds it. */
export const BROWSER_WORKER = path.join(REPO_ROOT, 'dist', 'browser', 'dukkan-worker.mjs');
export const WORKER_ENTRY = path.join(REPO_ROOT, 'main', 'workers', 'dukkanWorker.ts');

export async function buildBrowser() {
  await bundleNode(path.join(REPO_ROOT, 'main', 'browser', 'startBrowserMode.ts'), BROWSER_BUNDLE, { 'dukkan-worker': WORKER_ENTRY });
  register();
  const { buildRendererWithInputs } = await import('../main/browser/rendererAssets.ts');
  // minified, as the desktop app's renderer is (scripts/buildElectron.mjs): a third fewer bytes for Chromium to parse
  // before the sign-in screen of a warm start (BENCHMARKS.md, "Startup")
  const { assets, inputs } = await buildRendererWithInputs({ minify: true });
  mkdirSync(BROWSER_RENDERER_DIR, { recursive: true });
  // app.js last but one, its inputs list last: the freshness check reads app.js's time against its sources
  for (const [name, asset] of assets) writeFileSync(path.join(BROWSER_RENDERER_DIR, name.slice(1)), asset.body);
  writeInputs(path.join(BROWSER_RENDERER_DIR, 'app.js'), inputs);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildBrowser();
