// SPDX-License-Identifier: UNLICENSED
// What ships: electron-builder.yml checked against electron-builder's own schema (targets, fuses, native modules),
// and the bundles of scripts/buildElectron.mjs — which modules each may load at run time.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { ROOT } from '../e2e/browserModeProcess';
import { cspMeta } from '../../main/window/csp';

const require = createRequire(import.meta.url);
const NODE = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function loadYaml(file: string): Record<string, unknown> {
  const yaml = require('js-yaml') as { load(text: string): unknown };
  return yaml.load(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** Module specifiers a bundle loads at run time: require("x"), import "x", from "x", import("x"). */
function loadedModules(code: string): Set<string> {
  const found = new Set<string>();
  const spec = '"((?:@[\\w.-]+/)?[\\w.:/-]+)"';
  const pattern = new RegExp(`\\brequire\\(${spec}\\)|\\bfrom\\s*${spec}|\\bimport\\s*${spec}|\\bimport\\(${spec}\\)`, 'g');
  for (const m of code.matchAll(pattern)) found.add(m[1] ?? m[2] ?? m[3] ?? m[4]!);
  return found;
}

describe('electron-builder.yml', () => {
  const config = loadYaml(path.join(ROOT, 'electron-builder.yml'));

  it('is valid for electron-builder (its own schema)', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(c: unknown, log: { isEnabled: boolean; add(): void }): Promise<void> };
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nodeIntegration: true }, { isEnabled: false, add: () => undefined })).rejects.toThrow(/unknown property 'nodeIntegration'/);
  });

  it('targets AppImage and deb, NSIS, dmg', () => {
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((config.win as { target: string[] }).target).toEqual(['nsis']);
    expect((config.mac as { target: string[] }).target).toEqual(['dmg']);
  });

  it('flips the fuses: no run-as-node, NODE_OPTIONS or inspect; asar only, integrity checked', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('rebuilds native modules for Electron and keeps them out of the asar', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };
    expect(pkg.main).toBe('dist/electron/main.cjs');
    for (const native of ['better-sqlite3', '@napi-rs/keyring']) expect(pkg.dependencies[native], native).toBeDefined();
  });
});

describe('the Electron bundles', { timeout: 120_000 }, () => {
  it('load only Electron, the native modules and Node built-ins; the preload only Electron', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'dukkan-electron-'));
    const { buildElectron, ELECTRON_EXTERNALS } = (await import(path.join(ROOT, 'scripts', 'buildElectron.mjs'))) as { buildElectron(o: { outDir: string; minify: boolean }): Promise<string>; ELECTRON_EXTERNALS: string[] };
    await buildElectron({ outDir: out, minify: false });
    const read = (f: string) => readFileSync(path.join(out, f), 'utf8');

    const allowed = (m: string) => NODE.has(m) || ELECTRON_EXTERNALS.includes(m);
    const entry = loadedModules(read('electron/main.cjs'));
    expect([...entry].filter((m) => !allowed(m) && !m.startsWith('file:'))).toEqual([]);
    expect(entry).toContain('electron');
    const app = loadedModules(read('electron/app.mjs'));
    expect([...app].filter((m) => !allowed(m))).toEqual([]);
    expect(app).toContain('better-sqlite3');
    expect([...loadedModules(read('electron/preload.cjs'))]).toEqual(['electron']);
    // CommonJS has no import.meta; the entry must not depend on it
    expect(read('electron/main.cjs')).not.toContain('import.meta');
    // the packaged renderer is the same page, CSP included
    expect(read('renderer/index.html')).toContain(`content="${cspMeta()}"`);
    expect(read('renderer/app.js').length).toBeGreaterThan(10_000);
    expect(readFileSync(path.join(out, 'resources', 'ubl-xsd', 'maindoc', 'UBL-Invoice-2.1.xsd')).length).toBeGreaterThan(1000);
  });
});
