// SPDX-License-Identifier: UNLICENSED
// What ships, checked with electron-builder's own code wherever it has the answer: electron-builder.yml against its
// schema and its deb defaults; the app folder scripts/buildElectron.mjs writes (package.json, bundles, resources,
// node_modules); where @electron/rebuild would rebuild native modules; the userData folder name Electron derives;
// and an actual electron-builder deb build of the app folder — with stand-ins for Electron's distribution (so no
// fuses) and for fpm, neither of which can be fetched here — read back from the app.asar it writes and from how it
// calls fpm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../e2e/browserModeProcess';
import { cspMeta } from '../../main/window/csp';
import { planQr } from '../../app/receipt/qrPlan';
import { encodePng } from '../../main/printing/png';
import { qrImage } from '../workers/qrImage';
import type { DukkanTasks } from '../../main/workers/dukkanTasks';
import { WorkerPool } from '../../runtime/workers/workerPool';
import { unpackedFromAsar } from '../../runtime/workers/workerEntry';
import { openDeviceDatabase } from '../../main/db/openDeviceDatabase';

const require = createRequire(import.meta.url);
/** Modules as electron-builder resolves them: app-builder-lib (its engine) and that one's own dependencies. */
const builderRequire = createRequire(createRequire(require.resolve('electron-builder/package.json')).resolve('app-builder-lib/package.json'));
const NODE = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Packages that must never reach the packaged app: the repository's build and test tooling. */
const DEV_TOOLING = ['tsx', 'esbuild', 'vitest', 'electron-builder', 'app-builder-lib', 'playwright-core', 'typescript', 'eslint', 'electron'];

type Json = Record<string, unknown>;
interface PackageJson {
  name: string;
  productName?: string;
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
interface Lock {
  packages: Record<string, { version: string }>;
}
interface Scripts {
  APP_DIR: string;
  ELECTRON_EXTERNALS: string[];
  APP_DEPENDENCIES: string[];
  buildElectron(o: { outDir: string; minify: boolean; nodeModules?: boolean }): Promise<string>;
  runtimeClosure(lock: Lock, names: string[]): string[];
  nativeCompatProblem(electron: string, betterSqlite3: string): string | null;
  rebuildOptions(o: { appDir: string; electronVersion: string }): Json;
  rebuildTarget(context: unknown): { appDir: string; electronVersion: string; platform: string; arch: string };
  beforePack(context: unknown): Promise<void>;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const rootPackage = readJson<PackageJson>(path.join(ROOT, 'package.json'));
const lock = readJson<Lock>(path.join(ROOT, 'package-lock.json'));
const installedElectron = readJson<{ version: string }>(path.join(ROOT, 'node_modules', 'electron', 'package.json')).version;

async function scripts(): Promise<Scripts> {
  const build = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'buildElectron.mjs')).href)) as Partial<Scripts>;
  const native = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'electronNative.mjs')).href)) as Partial<Scripts>;
  return { ...build, ...native } as Scripts;
}

function loadYaml(file: string): Json {
  const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
  return yaml.load(readFileSync(file, 'utf8')) as Json;
}

/** Module specifiers a bundle loads at run time: require("x"), import "x", from "x", import("x"). */
function loadedModules(code: string): Set<string> {
  const found = new Set<string>();
  const spec = '"((?:@[\\w.-]+/)?[\\w.:/-]+)"';
  const pattern = new RegExp(`\\brequire\\(${spec}\\)|\\bfrom\\s*${spec}|\\bimport\\s*${spec}|\\bimport\\(${spec}\\)`, 'g');
  for (const m of code.matchAll(pattern)) found.add(m[1] ?? m[2] ?? m[3] ?? m[4]!);
  return found;
}

/** Packages an unminified esbuild bundle contains: it heads each bundled file with a `// node_modules/…` comment. */
function bundledPackages(code: string): Set<string> {
  const found = new Set<string>();
  for (const m of code.matchAll(/^\/\/ (?:.*\/)?node_modules\/((?:@[\w.-]+\/)?[\w.-]+)\//gm)) found.add(m[1]!);
  return found;
}

/** The package name of a lockfile path (`node_modules/a/node_modules/@s/b` → `@s/b`). */
const packageName = (at: string) => at.slice(at.lastIndexOf('node_modules/') + 'node_modules/'.length);

/** The package a file inside node_modules belongs to (`/node_modules/@s/b/lib/x.js` → `@s/b`). */
function moduleOf(file: string): string {
  const parts = file.slice(file.lastIndexOf('node_modules/') + 'node_modules/'.length).split('/');
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(dir, path.join(prefix, e.name)) : [path.join(prefix, e.name)],
  );
}

/** Package folders under `dir`/node_modules at any depth, as lockfile paths. */
function packagesUnder(dir: string, prefix = ''): string[] {
  const modules = path.join(dir, prefix, 'node_modules');
  if (!existsSync(modules)) return [];
  return readdirSync(modules)
    .filter((e) => !e.startsWith('.'))
    .flatMap((e) => (e.startsWith('@') ? readdirSync(path.join(modules, e)).map((n) => `${e}/${n}`) : [e]))
    .flatMap((name) => {
      const at = `${prefix}node_modules/${name}`;
      return [at, ...packagesUnder(dir, `${at}/`)];
    });
}

/** The name Electron gives the app, and so its userData folder: package.json productName, else name. */
const electronAppName = (pkg: { productName?: string; name?: string }) => String(pkg.productName ?? pkg.name).trim();

describe('better-sqlite3 for Electron', () => {
  it('the pinned Electron and better-sqlite3 are a pair the compatibility table allows', async () => {
    const { nativeCompatProblem } = await scripts();
    expect(nativeCompatProblem(rootPackage.devDependencies.electron!, rootPackage.dependencies['better-sqlite3']!)).toBeNull();
    expect(lock.packages['node_modules/better-sqlite3']!.version).toBe(rootPackage.dependencies['better-sqlite3']);
    expect(lock.packages['node_modules/electron']!.version).toBe(rootPackage.devDependencies.electron);
  });

  it('refuses better-sqlite3 before 12.10.1 from Electron 42 on, and an Electron the table does not cover', async () => {
    const { nativeCompatProblem } = await scripts();
    expect(nativeCompatProblem('45.4.1', '12.9.0')).toBe(
      'better-sqlite3 12.9.0 cannot be built for Electron 45: Electron 42–45 needs better-sqlite3 12.10.1 or newer',
    );
    expect(nativeCompatProblem('42.0.0', '12.10.0')).toMatch(/needs better-sqlite3 12\.10\.1 or newer/);
    expect(nativeCompatProblem('42.0.0', '12.10.1')).toBeNull();
    expect(nativeCompatProblem('^45.0.0', '12.11.1')).toBeNull();
    expect(nativeCompatProblem('46.0.0', '12.11.1')).toMatch(/^Electron 46 is outside the better-sqlite3 compatibility table \(Electron 42–45, .*add a row/);
    expect(nativeCompatProblem('41.2.0', '12.11.1')).toMatch(/^Electron 41 is outside/);
  });
});

describe('electron-builder.yml', () => {
  const config = loadYaml(path.join(ROOT, 'electron-builder.yml'));
  const section = (name: string) => config[name] as Json;

  it('is valid for electron-builder (its own schema)', async () => {
    const { validateConfiguration } = builderRequire('app-builder-lib/out/util/config/config') as {
      validateConfiguration(c: unknown, log: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nodeIntegration: true }, { isEnabled: false, add: () => undefined })).rejects.toThrow(
      /unknown property 'nodeIntegration'/,
    );
  });

  it('packages the app folder of build:electron and leaves native rebuilds to its own hook', async () => {
    const { APP_DIR, beforePack } = await scripts();
    expect(section('directories').app).toBe(path.relative(ROOT, APP_DIR));
    // electron-builder's own rebuild would reach the repository's node_modules (see "the app folder" below)
    expect(config.npmRebuild).toBe(false);
    const { resolveFunction } = builderRequire('app-builder-lib/out/util/resolve') as {
      resolveFunction(type: string, executor: unknown, name: string, root: string): Promise<unknown>;
    };
    // loaded by electron-builder's own loader: another instance of the same module
    const hook = await resolveFunction('module', config.beforePack, 'beforePack', ROOT);
    expect(typeof hook === 'function' && hook.toString()).toBe(beforePack.toString());
    expect(config.asarUnpack).toEqual(['**/*.node', 'electron/dukkan-worker.mjs', 'electron/zxing_reader.wasm']);
  });

  it('targets deb (not AppImage), NSIS, dmg', () => {
    expect(section('linux').target).toEqual(['deb']);
    expect(section('win').target).toEqual(['nsis']);
    expect(section('mac').target).toEqual(['dmg']);
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

  it('makes the deb depend on everything electron-builder would by default, plus the Secret Service', () => {
    // electron-builder uses its defaults only when `depends` is not set
    const { default: FpmTarget } = builderRequire('app-builder-lib/out/targets/FpmTarget') as {
      default: { prototype: { getDefaultDepends(target: string): string[] } };
    };
    const defaults = FpmTarget.prototype.getDefaultDepends.call(null, 'deb');
    expect(defaults).toContain('libgtk-3-0');
    const depends = section('deb').depends as string[];
    expect(depends).toEqual(expect.arrayContaining([...defaults, 'libsecret-1-0', 'gnome-keyring']));
  });

  it('signs macOS builds ad hoc unless a certificate is named, with the entitlement that needs under hardened runtime', () => {
    const mac = section('mac');
    expect(mac.identity).toBe('-');
    expect(mac.hardenedRuntime).toBe(true);
    // no entitlements of our own, so electron-builder's template applies
    expect(mac.entitlements).toBeUndefined();
    expect(existsSync(path.join(ROOT, String(section('directories').buildResources), 'entitlements.mac.plist'))).toBe(false);
    const template = readFileSync(builderRequire.resolve('app-builder-lib/templates/entitlements.mac.plist'), 'utf8');
    expect(template).toMatch(/<key>com\.apple\.security\.cs\.disable-library-validation<\/key>\s*<true\/>/);
  });
});

describe('the app folder (npm run build:electron)', { timeout: 180_000 }, () => {
  let s: Scripts;
  let out: string;
  const read = (f: string) => readFileSync(path.join(out, f), 'utf8');
  const config = loadYaml(path.join(ROOT, 'electron-builder.yml'));

  beforeAll(async () => {
    s = await scripts();
    // inside the repository, as dist/app is: where @electron/rebuild searches for modules depends on it
    mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
    out = mkdtempSync(path.join(ROOT, 'dist', '.packaging-test-'));
    await s.buildElectron({ outDir: out, minify: false, nodeModules: true });
  });
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('has a package.json with the app’s entry and only the modules the bundles leave external, at the locked versions', () => {
    const pkg = readJson<PackageJson>(path.join(out, 'package.json'));
    expect(pkg.main).toBe('electron/main.cjs');
    expect(existsSync(path.join(out, pkg.main))).toBe(true);
    expect(pkg.dependencies).toEqual({
      'better-sqlite3': lock.packages['node_modules/better-sqlite3']!.version,
      '@napi-rs/keyring': lock.packages['node_modules/@napi-rs/keyring']!.version,
      koffi: lock.packages['node_modules/koffi']!.version,
    });
    expect(pkg.devDependencies).toBeUndefined();
    // tsx runs the CLI from the repository; the app has no use for it
    expect(rootPackage.dependencies.tsx).toBeDefined();
  });

  it('gives Electron one userData folder name, "Dukkan", for dev runs and the packaged app', async () => {
    const app = readJson<PackageJson>(path.join(out, 'package.json'));
    // the package.json electron-builder writes into app.asar, by its own transformer
    const { createTransformer } = builderRequire('app-builder-lib/out/fileTransformer') as {
      createTransformer(src: string, c: unknown, extra: unknown, x: null): (file: string) => unknown;
    };
    const transformed = await createTransformer(out, config, config.extraMetadata ?? null, null)(path.join(out, 'package.json'));
    const packaged = typeof transformed === 'string' ? (JSON.parse(transformed) as PackageJson) : app;
    const names = {
      'electron dist/app': electronAppName(app),
      'electron . (repository root)': electronAppName(rootPackage),
      packaged: electronAppName(packaged),
      // installers and the install folder: electron-builder's productName
      installers: String(config.productName ?? app.productName ?? app.name),
    };
    expect(names).toEqual({ 'electron dist/app': 'Dukkan', 'electron . (repository root)': 'Dukkan', packaged: 'Dukkan', installers: 'Dukkan' });
    // `electron .` loads the same entry
    expect(path.resolve(ROOT, rootPackage.main)).toBe(path.join(s.APP_DIR, app.main));
  });

  it('has bundles that load only Electron, the native modules and Node built-ins; the preload only Electron', () => {
    const allowed = (m: string) => NODE.has(m) || s.ELECTRON_EXTERNALS.includes(m);
    const entry = loadedModules(read('electron/main.cjs'));
    expect([...entry].filter((m) => !allowed(m) && !m.startsWith('file:'))).toEqual([]);
    expect(entry).toContain('electron');
    const app = loadedModules(read('electron/app.mjs'));
    expect([...app].filter((m) => !allowed(m))).toEqual([]);
    expect(app).toContain('better-sqlite3');
    expect([...loadedModules(read('electron/preload.cjs'))]).toEqual(['electron']);
    // the worker thread's bundle is self-contained: it runs from app.asar.unpacked, beside no node_modules
    expect([...loadedModules(read('electron/dukkan-worker.mjs'))].filter((m) => !NODE.has(m))).toEqual([]);
    // CommonJS has no import.meta; the entry must not depend on it
    expect(read('electron/main.cjs')).not.toContain('import.meta');
    // the packaged renderer is the same page, CSP included
    expect(read('renderer/index.html')).toContain(`content="${cspMeta()}"`);
    expect(read('renderer/app.js').length).toBeGreaterThan(10_000);
  });

  it('bundles no dev tooling: every package inside the bundles is a runtime dependency of the app', () => {
    const runtime = new Set(
      s
        .runtimeClosure(
          lock,
          Object.keys(rootPackage.dependencies).filter((d) => d !== 'tsx'),
        )
        .map(packageName),
    );
    const bundled = new Set(
      ['electron/main.cjs', 'electron/app.mjs', 'electron/preload.cjs', 'electron/dukkan-worker.mjs'].flatMap((f) => [...bundledPackages(read(f))]),
    );
    expect(bundled).toContain('libxml2-wasm');
    expect([...bundled].filter((p) => !runtime.has(p))).toEqual([]);
    expect([...bundled].filter((p) => DEV_TOOLING.includes(p))).toEqual([]);
  });

  it('carries the whole main/resources folder', () => {
    expect(filesUnder(path.join(out, 'resources')).sort()).toEqual(filesUnder(path.join(ROOT, 'main', 'resources')).sort());
  });

  it('holds in node_modules exactly the external modules and what they need, from the repository’s install', () => {
    const installed = packagesUnder(out).sort();
    expect(installed).toEqual(s.runtimeClosure(lock, s.APP_DEPENDENCIES));
    expect(installed).toEqual(
      expect.arrayContaining([
        'node_modules/better-sqlite3',
        'node_modules/@napi-rs/keyring',
        'node_modules/bindings',
        'node_modules/koffi',
        `node_modules/@koromix/koffi-${process.platform}-${process.arch}`,
      ]),
    );
    expect(installed.map(packageName).filter((p) => DEV_TOOLING.includes(p))).toEqual([]);
    for (const at of installed) expect(readJson<{ version: string }>(path.join(out, at, 'package.json')).version, at).toBe(lock.packages[at]!.version);
  });

  it('is where the native rebuild for Electron happens, and only there (electron-builder’s own would reach the repository’s)', async () => {
    const { Rebuilder } = (await import(pathToFileURL(path.join(path.dirname(builderRequire.resolve('@electron/rebuild')), 'rebuild.js')).href)) as {
      Rebuilder: new (o: Json) => { modulesToRebuild(): Promise<string[]> };
    };
    // the native modules a rebuild with these options would build: what Rebuilder.rebuild() filters on binding.gyp
    const nativeModules = async (options: Json) =>
      (await new Rebuilder({ ...options, lifecycle: new EventEmitter() }).modulesToRebuild()).filter((p) => existsSync(path.join(p, 'binding.gyp')));
    const ours = await nativeModules(s.rebuildOptions({ appDir: out, electronVersion: installedElectron }));
    expect(ours).toEqual([path.join(out, 'node_modules', 'better-sqlite3')]);
    // electron-builder's npmRebuild passes the project directory as the project root
    const builders = await nativeModules({ ...s.rebuildOptions({ appDir: out, electronVersion: installedElectron }), projectRootPath: ROOT });
    expect(builders).toContain(path.join(ROOT, 'node_modules', 'better-sqlite3'));
  });

  describe('packaged by electron-builder (deb, with stand-ins for Electron’s distribution and for fpm)', () => {
    let work: string;
    let resources: string;
    let hookedFor: ReturnType<Scripts['rebuildTarget']> | null = null;
    let fpm: { args: string[]; afterInstall: string; desktop: string };
    const asar = () => builderRequire('@electron/asar') as { listPackage(file: string): string[]; extractFile(file: string, inner: string): Buffer };

    beforeAll(async () => {
      work = mkdtempSync(path.join(tmpdir(), 'dukkan-builder-'));
      // Electron's distribution cannot be fetched here: an empty stand-in, so no fuses to flip in it
      const electronDist = path.join(work, 'electron-dist');
      mkdirSync(electronDist);
      for (const f of ['electron', 'chrome-sandbox', 'LICENSE', 'LICENSES.chromium.html']) writeFileSync(path.join(electronDist, f), '');
      writeFileSync(path.join(electronDist, 'version'), installedElectron);
      // nor can fpm, which turns the unpacked app into a .deb: a stand-in records how electron-builder calls it
      const record = path.join(work, 'fpm');
      mkdirSync(record);
      const fakeFpm = path.join(work, 'fpm.sh');
      writeFileSync(
        fakeFpm,
        [
          '#!/bin/sh',
          `printf '%s\\0' "$@" > '${record}/args'`,
          'prev=""',
          'for a in "$@"; do',
          `  case "$prev" in --after-install) cp "$a" '${record}/after-install' ;; --package) : > "$a" ;; esac`,
          `  case "$a" in *=/usr/share/applications/*) cp "\${a%%=*}" '${record}/desktop' ;; esac`,
          '  prev="$a"',
          'done',
          '',
        ].join('\n'),
        { mode: 0o755 },
      );
      const { build, Platform } = require('electron-builder') as {
        build(o: Json): Promise<string[]>;
        Platform: { LINUX: { createTarget(t: string): unknown } };
      };
      const previousFpm = process.env.CUSTOM_FPM_PATH;
      process.env.CUSTOM_FPM_PATH = fakeFpm;
      try {
        await build({
          projectDir: ROOT,
          targets: Platform.LINUX.createTarget('deb'),
          config: {
            ...config,
            directories: { ...(config.directories as Json), app: out, output: path.join(work, 'out') },
            electronDist,
            electronFuses: null,
            beforePack: (context: unknown) => void (hookedFor = s.rebuildTarget(context)),
          },
        });
      } finally {
        if (previousFpm === undefined) delete process.env.CUSTOM_FPM_PATH;
        else process.env.CUSTOM_FPM_PATH = previousFpm;
      }
      resources = path.join(work, 'out', `linux${process.arch === 'x64' ? '' : `-${process.arch}`}-unpacked`, 'resources');
      const args = readFileSync(path.join(record, 'args'), 'utf8').split('\0').slice(0, -1);
      fpm = { args, afterInstall: readFileSync(path.join(record, 'after-install'), 'utf8'), desktop: readFileSync(path.join(record, 'desktop'), 'utf8') };
    });
    afterAll(() => {
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it('calls the rebuild hook for this app folder, the installed Electron and this machine', () => {
      expect(hookedFor).toEqual({ appDir: out, electronVersion: installedElectron, platform: 'linux', arch: process.arch });
    });

    it('puts the app folder’s files and modules in app.asar, and no dev tooling', () => {
      const files = asar()
        .listPackage(path.join(resources, 'app.asar'))
        .map((f) => f.replaceAll('\\', '/'));
      expect(files).toEqual(
        expect.arrayContaining([
          '/package.json',
          '/electron/main.cjs',
          '/electron/app.mjs',
          '/electron/preload.cjs',
          '/renderer/index.html',
          '/resources/ubl-xsd',
          '/node_modules/better-sqlite3/lib/index.js',
          '/node_modules/bindings/bindings.js',
        ]),
      );
      const modules = new Set(files.filter((f) => f.includes('/node_modules/')).map(moduleOf));
      expect(modules).toContain('@napi-rs/keyring');
      expect([...modules].filter((m) => DEV_TOOLING.includes(m))).toEqual([]);
      expect(JSON.parse(asar().extractFile(path.join(resources, 'app.asar'), 'package.json').toString()).productName).toBe('Dukkan');
    });

    it('unpacks the native addons, where the OS can load them, and leaves better-sqlite3’s sources out', () => {
      const files = asar()
        .listPackage(path.join(resources, 'app.asar'))
        .map((f) => f.replaceAll('\\', '/'));
      const unpacked = filesUnder(path.join(resources, 'app.asar.unpacked')).map((f) => f.replaceAll('\\', '/'));
      expect(unpacked).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/build/Release/better_sqlite3.node']));
      expect(unpacked.some((f) => f.endsWith('.node') && f.startsWith('node_modules/@napi-rs/keyring-'))).toBe(true);
      expect(unpacked.some((f) => f.endsWith('/koffi.node') && f.startsWith(`node_modules/@koromix/koffi-${process.platform}-${process.arch}/`))).toBe(true);
      expect([...files, ...unpacked].filter((f) => /better-sqlite3\/(deps|src)\/|test_extension|koffi\/(src|vendor)\//.test(f))).toEqual([]);
    });

    it('unpacks the worker thread’s bundle, and the app’s pool runs it from there by its path inside app.asar', async () => {
      const unpacked = filesUnder(path.join(resources, 'app.asar.unpacked')).map((f) => f.replaceAll('\\', '/'));
      expect(unpacked).toContain('electron/dukkan-worker.mjs');
      // the QR self-check's decoder, which the worker reads beside itself (main/printing/qrSelfCheck.ts)
      expect(unpacked).toContain('electron/zxing_reader.wasm');
      // as electron/app.mjs finds it: beside itself, inside app.asar (runtime/workers/workerEntry.ts)
      const pool = new WorkerPool<DukkanTasks>({ entry: { file: pathToFileURL(path.join(resources, 'app.asar', 'electron', 'dukkan-worker.mjs')) }, size: 1 });
      try {
        const text = 'AQ1E2YrZg9in2YYgfCBEdWtrYW4=';
        const plan = await pool.run('receipt.qr-plan', { text, paperDots: 384 });
        expect(plan).toEqual(planQr(text, 384));
        // a receipt's QR decoded back in the unpacked worker, with no zxing-wasm package beside it
        const png = new Uint8Array(encodePng(qrImage(plan)));
        const out = await pool.run('receipt.raster', { png, qr: { expected: text, box: null }, escpos: {} });
        expect(out.qr).toEqual({ ok: true, decoded: text });
        expect(out.bytes?.length).toBeGreaterThan(0);
      } finally {
        await pool.close();
      }
    });

    it('exports from the unpacked worker with the better-sqlite3 it carries and the addon unpacked beside app.asar', async () => {
      const pool = new WorkerPool<DukkanTasks>({ entry: { file: pathToFileURL(path.join(resources, 'app.asar', 'electron', 'dukkan-worker.mjs')) }, size: 1 });
      const ledger = path.join(work, 'export-ledger', 'dukkan.sqlite');
      openDeviceDatabase(ledger).close();
      const dir = path.join(work, 'exports');
      mkdirSync(dir);
      try {
        // the addon's path as the main thread finds it inside app.asar, then unpacked (main/export/documentExporter.ts)
        const sqliteAddon = unpackedFromAsar(path.join(resources, 'app.asar', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
        const plan = { fileName: 'x.zip', file: path.join(dir, 'x.zip'), from: '2026-01-01', to: '2026-12-31', now: new Date(), lastId: 0 };
        const r = await pool.run('export.documents', { dbFile: ledger, sqliteAddon, plan });
        expect(r).toMatchObject({ fileName: 'x.zip', documents: 0 });
        expect(execFileSync('unzip', ['-Z1', r.path]).toString().trim().split('\n')).toEqual(['manifest.csv', 'audit-trail.csv']);
      } finally {
        await pool.close();
      }
    });

    it('makes a deb that depends on the list in electron-builder.yml and installs to /opt/Dukkan', () => {
      const depends = fpm.args.flatMap((a, i) => (fpm.args[i - 1] === '-d' ? [a] : []));
      expect(depends).toEqual((config.deb as Json).depends);
      const option = (name: string) => fpm.args[fpm.args.indexOf(name) + 1];
      expect(option('--name')).toBe('dukkan');
      expect(option('--maintainer')).toBe((config.deb as Json).maintainer);
      expect(option('--url')).toBe(readJson<{ homepage: string }>(path.join(ROOT, 'package.json')).homepage);
      expect(fpm.args).toContain(`${path.dirname(resources)}/=/opt/Dukkan`);
    });

    it('installs the AppArmor profile that lets Chromium’s sandbox create user namespaces', () => {
      expect(fpm.afterInstall).toContain("APPARMOR_PROFILE_SOURCE='/opt/Dukkan/resources/apparmor-profile'");
      expect(fpm.afterInstall).toContain('apparmor_parser --replace');
      const profile = readFileSync(path.join(resources, 'apparmor-profile'), 'utf8');
      expect(profile).toContain('profile "dukkan" "/opt/Dukkan/dukkan"');
      expect(profile).toMatch(/^\s*userns,$/m);
    });

    it('names the launcher after the desktopName Electron gives the window', () => {
      const packaged = JSON.parse(asar().extractFile(path.join(resources, 'app.asar'), 'package.json').toString()) as {
        desktopName?: string;
        productName?: string;
        name: string;
      };
      // Electron: package.json desktopName, else "<app name>.desktop"
      const electronDesktopName = packaged.desktopName ?? `${electronAppName(packaged)}.desktop`;
      const launcher = fpm.args.find((a) => a.includes('=/usr/share/applications/'))!;
      expect(launcher.slice(launcher.indexOf('=') + 1)).toBe(`/usr/share/applications/${electronDesktopName}`);
      expect(fpm.desktop).toContain(`StartupWMClass=${electronDesktopName.replace(/\.desktop$/, '')}\n`);
      expect(fpm.desktop).toContain('Exec=/opt/Dukkan/dukkan %U\n');
    });
  });
});
