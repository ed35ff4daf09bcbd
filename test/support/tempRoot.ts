// SPDX-License-Identifier: UNLICENSED
// Vitest global setup: the whole run gets one fresh temporary folder as TMPDIR, removed when the run ends, pass or
// fail. Every folder a test makes with mkdtemp under os.tmpdir() — and every folder a process it starts makes
// (children inherit TMPDIR) — lands inside it, so no test run leaves SQLite files, keychain copies or Chromium
// profiles behind, even a test that forgets its own cleanup or is killed by a timeout. Tests that can also clean
// up early (large files) use test/support/tempDirs.ts.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  // Vitest runs a root-level global setup once per project, in one process: without this guard each project
  // would nest its root inside the previous one, and Chromium refuses a profile whose socket path passes the
  // 107-byte limit of a Unix socket name. A run (or a vitest started by a test) inside a root reuses it.
  const inherited = process.env.DUKKAN_TEST_TMP_ROOT;
  if (inherited !== undefined && process.env.TMPDIR === inherited && existsSync(inherited)) return () => {};
  const root = mkdtempSync(path.join(tmpdir(), 'dukkan-test-run-'));
  process.env.TMPDIR = root;
  process.env.DUKKAN_TEST_TMP_ROOT = root;
  return () => rmSync(root, { recursive: true, force: true });
}
