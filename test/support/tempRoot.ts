// SPDX-License-Identifier: UNLICENSED
// Vitest global setup: the whole run gets one fresh temporary folder as TMPDIR, removed when the run ends, pass or
// fail. Every folder a test makes with mkdtemp under os.tmpdir() — and every folder a process it starts makes
// (children inherit TMPDIR) — lands inside it, so no test run leaves SQLite files, keychain copies or Chromium
// profiles behind, even a test that forgets its own cleanup or is killed by a timeout. Tests that can also clean
// up early (large files) use test/support/tempDirs.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'dukkan-test-run-'));
  process.env.TMPDIR = root;
  process.env.DUKKAN_TEST_TMP_ROOT = root;
  return () => rmSync(root, { recursive: true, force: true });
}
