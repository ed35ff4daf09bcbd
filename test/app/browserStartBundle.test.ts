// SPDX-License-Identifier: UNLICENSED
// Browser mode's bundle starts its server before it loads the app (BENCHMARKS.md, "Startup"): what start.mjs imports
// before it runs — the entry and the chunks it names statically — holds the server, the log and the renderer's
// files, and none of the composition root's packages (SQLite, the keychain, libxml2, the curves, zod). Those come in
// the chunk the entry imports once the server listens. Built by scripts/nodeBundle.mjs as `npm run build:browser`
// builds it; the static graph is read from the built files, so a new top-level import that drags the app in fails.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../vectors';
// @ts-expect-error -- plain ESM build script without type declarations
import { bundleNode } from '../../scripts/nodeBundle.mjs';
// @ts-expect-error -- plain ESM build script without type declarations
import { WORKER_ENTRY } from '../../scripts/buildBrowser.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-start-bundle-'));
const entry = path.join(dir, 'start.mjs');

/** `import … from "x"` / `import "x"` at the top of an esbuild module (static), and `import("x")` anywhere (dynamic). */
function importsOf(file: string): { staticSpecifiers: string[]; dynamicSpecifiers: string[] } {
  const text = readFileSync(file, 'utf8');
  const staticSpecifiers = [...text.matchAll(/^import\s+(?:[^'";]*?\s+from\s+)?["']([^"']+)["'];?$/gm)].map((m) => m[1]!);
  const dynamicSpecifiers = [...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
  return { staticSpecifiers, dynamicSpecifiers };
}

/** Every file and package reached from `file` through static imports alone: what loads before its first line runs. */
function staticGraph(file: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (f: string): void => {
    if (files.has(f)) return;
    files.add(f);
    for (const spec of importsOf(f).staticSpecifiers) {
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(f), spec));
      else packages.add(spec);
    }
  };
  visit(file);
  return { files, packages };
}

beforeAll(async () => {
  await bundleNode(path.join(REPO_ROOT, 'main', 'browser', 'startBrowserMode.ts'), entry, { 'dukkan-worker': WORKER_ENTRY });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('browser mode’s start bundle', () => {
  it('loads no package of the composition root before the server listens', () => {
    const { packages } = staticGraph(entry);
    // node built-ins only: the server, the log file, the renderer's three files
    expect([...packages].filter((p) => !p.startsWith('node:'))).toEqual([]);
  });

  it('loads the app in a chunk of its own, which does carry SQLite, the keychain and libxml2', () => {
    const chunks = importsOf(entry).dynamicSpecifiers.filter((s) => /openApp/.test(s));
    expect(chunks).toHaveLength(1);
    const { packages } = staticGraph(path.resolve(dir, chunks[0]!));
    expect([...packages]).toEqual(expect.arrayContaining(['better-sqlite3', '@napi-rs/keyring', 'libxml2-wasm']));
    // and the entry's own static graph is a small part of what the app brings
    const before = [...staticGraph(entry).files].reduce((n, f) => n + readFileSync(f).length, 0);
    const app = [...staticGraph(path.resolve(dir, chunks[0]!)).files].reduce((n, f) => n + readFileSync(f).length, 0);
    expect(before).toBeLessThan(app / 2);
  });
});
