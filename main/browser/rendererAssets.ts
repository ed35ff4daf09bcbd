// SPDX-License-Identifier: UNLICENSED
// The renderer as three files — index.html, app.js (one esbuild bundle of renderer/app: TypeScript and Preact
// components, JSX compiled here), app.css — served from memory by browser mode and written to dist/renderer by
// scripts/buildElectron.mjs for the app:// protocol. A fixed map of names: no file system path from a request ever
// reaches the disk.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RendererAsset {
  readonly contentType: string;
  readonly body: Buffer;
}

/** Keyed by URL path: "/index.html", "/app.js", "/app.css". */
export type RendererAssets = ReadonlyMap<string, RendererAsset>;

export const RENDERER_SOURCE_DIR = fileURLToPath(new URL('../../renderer/app/', import.meta.url));

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** The esbuild options of the renderer bundle: one IIFE for Chromium, no Node, nothing loaded at run time. */
export const RENDERER_BUILD = {
  entryPoints: [path.join(RENDERER_SOURCE_DIR, 'main.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'chrome120',
  legalComments: 'none',
  charset: 'utf8',
  // JSX becomes calls of Preact's jsx(), which builds elements with DOM calls: no HTML string, nothing for the
  // CSP's Trusted Types to refuse (docs/renderer.md)
  jsx: 'automatic',
  jsxImportSource: 'preact',
} as const;

export async function buildRendererAssets(options: { readonly minify?: boolean } = {}): Promise<RendererAssets> {
  return (await buildRendererWithInputs(options)).assets;
}

/** The assets and every source file they were made from (for the start-up bundle's freshness check). */
export async function buildRendererWithInputs(options: { readonly minify?: boolean } = {}): Promise<{ assets: RendererAssets; inputs: string[] }> {
  const htmlFile = path.join(RENDERER_SOURCE_DIR, 'index.html');
  const cssFile = path.join(RENDERER_SOURCE_DIR, 'styles.css');
  // esbuild is loaded here, not at the top: a start from the bundles built at install time never bundles, and
  // importing esbuild's JavaScript API alone took ~0.2 s on the 2-core machine, on the warm start's path (BENCHMARKS.md, "Startup")
  const { build } = await import('esbuild');
  const [bundle, html, css] = await Promise.all([
    build({
      ...RENDERER_BUILD,
      entryPoints: [...RENDERER_BUILD.entryPoints],
      write: false,
      minify: options.minify ?? false,
      outfile: 'app.js',
      metafile: true,
      logLevel: 'silent',
    }),
    readFile(htmlFile),
    readFile(cssFile),
  ]);
  const js = bundle.outputFiles.find((f) => f.path.endsWith('app.js'));
  if (!js) throw new Error('renderer build produced no app.js');
  const assets = new Map([
    ['/index.html', { contentType: CONTENT_TYPES['.html']!, body: html }],
    ['/app.js', { contentType: CONTENT_TYPES['.js']!, body: Buffer.from(js.contents) }],
    ['/app.css', { contentType: CONTENT_TYPES['.css']!, body: css }],
  ]);
  return { assets, inputs: [...Object.keys(bundle.metafile.inputs), htmlFile, cssFile] };
}

/** The same three files from a built folder (dist/renderer for the packaged app, dist/browser/renderer for browser
 * mode: scripts/buildBrowser.mjs). */
export function loadRendererAssets(dir: string): RendererAssets {
  return new Map(
    (['index.html', 'app.js', 'app.css'] as const).map((name) => [
      `/${name}`,
      { contentType: CONTENT_TYPES[path.extname(name)]!, body: readFileSync(path.join(dir, name)) },
    ]),
  );
}
