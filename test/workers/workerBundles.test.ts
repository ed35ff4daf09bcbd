// SPDX-License-Identifier: UNLICENSED
// The app's worker thread in a bundle, as browser mode runs it: built by scripts/nodeBundle.mjs with the worker as a
// companion entry (scripts/buildBrowser.mjs), run by plain Node with no TypeScript loader, the pool finds
// dukkan-worker.mjs beside the chunk it lives in and the bytes are those the main thread computes. And the launcher's
// freshness check (scripts/bundleFreshness.mjs) refuses a bundle whose worker is missing. The store server's checking
// thread in the CLI's bundle (scripts/buildCli.mjs) is found and answers the same way; no bundle carries the boot
// that starts a worker from the sources, nor tsx. The Electron app's copy, unpacked from app.asar, is run by
// test/app/packaging.test.ts.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planQr } from '../../app/receipt/qrPlan';
import { decodePng, encodePng } from '../../main/printing/png';
import { finishRaster } from '../../main/printing/receiptRaster';
import { checkPushedXml, type CheckedFields } from '../../server/pushedXmlCheck';
import { REPO_ROOT } from '../vectors';
import { qrImage } from './qrImage';
// @ts-expect-error -- plain ESM build script without type declarations
import { bundleNode } from '../../scripts/nodeBundle.mjs';
// @ts-expect-error -- plain ESM build script without type declarations
import { bundleIsCurrent } from '../../scripts/bundleFreshness.mjs';
// @ts-expect-error -- plain ESM build script without type declarations
import { WORKER_ENTRY } from '../../scripts/buildBrowser.mjs';
// @ts-expect-error -- plain ESM build script without type declarations
import { CLI_WORKER_ENTRIES } from '../../scripts/buildCli.mjs';

const root = mkdtempSync(path.join(tmpdir(), 'dukkan-worker-bundle-'));
const probe = path.join(root, 'dist', 'probe.mjs');
const worker = path.join(root, 'dist', 'dukkan-worker.mjs');
const checkProbe = path.join(root, 'dist', 'cli', 'checkPoolProbe.mjs');
const TEXT = 'AQ1E2YrZg9in2YYgfCBEdWtrYW4CDzM5OTk5OTk5OTkwMDAwMw==';

beforeAll(async () => {
  // the bundle keeps packages external, so it sits where Node finds the repository's node_modules, as dist/ does
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'));
  mkdirSync(path.join(root, 'dist'));
  await bundleNode(path.join(REPO_ROOT, 'test', 'workers', 'bundleProbe.ts'), probe, { 'dukkan-worker': WORKER_ENTRY });
  mkdirSync(path.dirname(checkProbe));
  await bundleNode(path.join(REPO_ROOT, 'test', 'workers', 'checkPoolProbe.ts'), checkProbe, CLI_WORKER_ENTRIES);
}, 120_000);

describe('the worker in the browser-mode bundle', () => {
  it('is its own entry beside the bundle, and the inputs list names its sources', () => {
    expect(existsSync(worker)).toBe(true);
    const inputs = JSON.parse(readFileSync(probe.replace('.mjs', '.inputs.json'), 'utf8')) as string[];
    expect(inputs).toEqual(
      expect.arrayContaining([
        'main/workers/dukkanWorker.ts',
        'runtime/workers/serveTasks.ts',
        'main/printing/receiptRaster.ts',
        'test/workers/bundleProbe.ts',
      ]),
    );
  });

  it('carries neither the boot that starts a worker from the sources nor tsx', () => {
    for (const dir of [path.dirname(probe), path.dirname(checkProbe)]) {
      const inputs = readdirSync(dir)
        .filter((f) => f.endsWith('.inputs.json'))
        .flatMap((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as string[]);
      expect(inputs).toContain('runtime/workers/workerPool.ts');
      expect(inputs).not.toContain('runtime/workers/workerBoot.mjs');
      // packages stay external in these bundles: an import of tsx would stand in a chunk as a specifier
      for (const f of readdirSync(dir).filter((name) => name.endsWith('.mjs')))
        expect(readFileSync(path.join(dir, f), 'utf8')).not.toMatch(/["']tsx(\/[^"']*)?["']/);
    }
  });

  it('runs under plain Node: the pool finds it, and its bytes are the main thread’s', async () => {
    const run = spawnSync(process.execPath, [probe, TEXT], { encoding: 'utf8', cwd: root, timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { modules: number; decoded: string; bytes: number; sha: string; started: number };
    expect(out.decoded).toBe(TEXT);
    expect(out.started).toBe(1);
    // the same image through the same functions on this thread
    const plan = planQr(TEXT, 384);
    expect(out.modules).toBe(plan.modules);
    const here = await finishRaster(decodePng(encodePng(qrImage(plan))), { qr: { expected: TEXT, box: null }, escpos: { openDrawer: true } });
    expect(here.qr).toEqual({ ok: true, decoded: TEXT });
    expect(out.bytes).toBe(here.bytes!.length);
    expect(out.sha).toBe(createHash('sha256').update(here.bytes!).digest('hex'));
  }, 90_000);

  it('the store server’s checking thread in the CLI bundle: the pool finds it beside its chunk, and it answers as here', () => {
    expect(existsSync(path.join(path.dirname(checkProbe), 'dukkan-documentCheckWorker.mjs'))).toBe(true);
    const at = { chain: 'bundle', icv: 1, uuid: '3cf5ee18-ee25-44ea-a444-2c37ba7f28be', number: 'B-1', pih: 'x', hash: 'y' };
    const documents: CheckedFields[] = [
      { ...at, xml: '<not xml' },
      { ...at, icv: 2, xml: '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>' },
    ];
    const run = spawnSync(process.execPath, [checkProbe, JSON.stringify(documents)], { encoding: 'utf8', cwd: root, timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout.trim().split('\n').at(-1)!)).toEqual(documents.map(checkPushedXml));
  }, 90_000);

  it('the launcher takes the bundle only with its worker beside it', () => {
    const fresh = new Date(Date.now() + 60_000); // newer than every source
    utimesSync(probe, fresh, fresh);
    utimesSync(worker, fresh, fresh);
    expect(bundleIsCurrent(REPO_ROOT, probe, [worker])).toBe(true);
    rmSync(worker);
    expect(bundleIsCurrent(REPO_ROOT, probe, [worker])).toBe(false);
    expect(bundleIsCurrent(REPO_ROOT, probe)).toBe(true);
  });
});
