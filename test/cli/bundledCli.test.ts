// SPDX-License-Identifier: UNLICENSED
// The `dukkan` bin on its bundle (scripts/buildCli.mjs) as a real process: help, hash and verify of official SDK
// vectors give what the TypeScript path gives, and the launcher falls back to the TypeScript — saying so on stderr
// — when the bundle is missing or a source it was built from is newer. Each case runs in a private copy of the
// checkout's layout (bin/ copied, sources and node_modules linked) so the shared dist/cli is never touched.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM build script without type declarations
import { buildCli } from '../../scripts/buildCli.mjs';
import { listSampleXml, REPO_ROOT, VECTORS_DIR } from '../vectors';

const root = mkdtempSync(path.join(tmpdir(), 'dukkan-bundle-'));
const bundle = path.join(root, 'dist', 'cli', 'dukkan.mjs');
const inputsFile = path.join(root, 'dist', 'cli', 'dukkan.inputs.json');
const HINT = /bundle is missing or older than the sources; running the TypeScript/;

function dukkan(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'dukkan.mjs'), ...args], {
    encoding: 'utf8',
    cwd: root,
    env: { ...process.env, DUKKAN_CLI_HINT: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  mkdirSync(path.join(root, 'bin'));
  copyFileSync(path.join(REPO_ROOT, 'bin', 'dukkan.mjs'), path.join(root, 'bin', 'dukkan.mjs'));
  for (const name of readdirSync(REPO_ROOT)) {
    if (!['bin', 'dist', '.git'].includes(name)) symlinkSync(path.join(REPO_ROOT, name), path.join(root, name));
  }
  // built from the linked sources, as `npm run build:cli` builds in a checkout
  await buildCli(bundle);
}, 120_000);

// the SDK's simplified samples: the self-consistent ones of 3.4.6, and the *_Error ones whose hash was broken on purpose
const simplified = listSampleXml()
  .filter((p) => p.includes('/Simplified/'))
  .map((p) => path.join(VECTORS_DIR, p));
const good = simplified.filter((p) => p.includes('3.4.6') && !p.endsWith('_Error.xml'));
const bad = simplified.filter((p) => p.endsWith('_Error.xml'));

describe('the bundled dukkan', () => {
  it('lists every command with `help`, from the bundle (no fallback hint)', () => {
    const r = dukkan('help');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const name of ['sign', 'verify', 'hash', 'qr', 'issue', 'audit', 'onboard', 'fatoora-sim'])
      expect(r.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    const usage = dukkan('help', 'verify');
    expect(usage.stdout).toMatch(/^Usage: dukkan verify FILE/);
  });

  it('prints the official vectors’ invoice hashes and verifies them, with the XSD and libxml2-wasm working', () => {
    expect(good.length).toBeGreaterThan(2);
    expect(bad.length).toBeGreaterThan(0);
    for (const file of good) {
      // the signed document's own digest of itself (ds:Reference invoiceSignedData) is its invoice hash
      const digest = /URI="">[\s\S]*?<ds:DigestValue>([^<]+)</.exec(readFileSync(file, 'utf8'))?.[1];
      expect(digest).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      const h = dukkan('hash', file);
      expect(h.stderr).toBe('');
      expect(h.stdout).toBe(`${digest}\n`);
    }
    const ok = dukkan('verify', '--json', ...good);
    expect(ok.stderr).toBe('');
    const reports = JSON.parse(ok.stdout) as { file: string; valid: boolean; skipped: string[] }[];
    expect(reports.map((r) => [r.file, r.valid, r.skipped])).toEqual(good.map((f) => [f, true, []]));
    expect(ok.code).toBe(0);
    const ko = dukkan('verify', ...bad);
    expect(ko.code).toBe(1);
    for (const file of bad) expect(ko.stdout).toContain(`${file}: error invalid-invoice-hash invoice hash mismatch`);
  });

  it('falls back to the TypeScript with a one-line hint when a source is newer than the bundle, and when it is missing', () => {
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8')) as string[];
    expect(inputs).toContain('main/cli/index.ts');
    // a source edited after the build: a marker listed as an input, dated after the bundle
    const marker = path.join(root, 'edited-source.ts');
    writeFileSync(marker, '');
    const later = new Date(Date.now() + 60_000);
    utimesSync(marker, later, later);
    writeFileSync(inputsFile, JSON.stringify([...inputs, 'edited-source.ts']));
    const stale = dukkan('help');
    expect(stale.stderr).toMatch(HINT);
    expect(stale.stderr.trim().split('\n')).toHaveLength(1);
    expect(stale.stdout).toMatch(/^ {2}hash +\S/m);
    writeFileSync(inputsFile, JSON.stringify(inputs));
    expect(dukkan('help').stderr).toBe('');

    rmSync(bundle);
    const h = dukkan('hash', good[0]!);
    expect(h.stderr).toMatch(HINT);
    expect(h.code).toBe(0);
    expect(h.stdout.trim()).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });
});
