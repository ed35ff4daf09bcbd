// SPDX-License-Identifier: UNLICENSED
// A worker stopped while it uses zlib, as an export (main/export/zipWriter.ts) or a receipt's PNG decode
// (main/printing/png.ts) does when the app closes or a job runs past its time: the pool asks the thread to end itself
// between two steps rather than terminating it anywhere, which in Node 20 can abort the whole process from the
// thread's teardown (runtime/workers/workerProtocol.ts, STOP). Run in a process of its own, bundled as the app's
// workers are, so the abort it guards against would fail this test rather than the test runner.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../vectors';
// @ts-expect-error -- plain ESM build script without type declarations
import { bundleNode } from '../../scripts/nodeBundle.mjs';

const root = mkdtempSync(path.join(tmpdir(), 'dukkan-zlib-stop-'));
const probe = path.join(root, 'dist', 'probe.mjs');
const CYCLES = 60;

beforeAll(async () => {
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'));
  mkdirSync(path.dirname(probe));
  await bundleNode(path.join(REPO_ROOT, 'test', 'workers', 'zlibStopProbe.ts'), probe, {
    'test-worker': path.join(REPO_ROOT, 'test', 'workers', 'testWorker.ts'),
  });
}, 120_000);

it('stops a worker busy with zlib streams by asking it: each thread ends itself and the process lives', () => {
  const run = spawnSync(process.execPath, [probe, String(CYCLES)], { encoding: 'utf8', cwd: root, timeout: 120_000 });
  expect(run.stderr).toBe('');
  expect(run.signal).toBeNull();
  expect(run.status).toBe(0);
  const { exitCodes } = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { exitCodes: number[] };
  // 0: the thread ended itself at the pool's request; worker.terminate() would have made it 1
  expect(exitCodes).toEqual(Array.from({ length: CYCLES }, () => 0));
}, 180_000);
