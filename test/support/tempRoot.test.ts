// SPDX-License-Identifier: UNLICENSED
// The run's temporary root (test/support/tempRoot.ts) reaches test workers and the processes they start.
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the test run temporary root', () => {
  const root = process.env.DUKKAN_TEST_TMP_ROOT;

  it('is this worker’s os.tmpdir(), a fresh folder of its own', () => {
    expect(root).toMatch(/dukkan-test-run-/);
    expect(tmpdir()).toBe(root);
  });

  it('is one folder, not a chain of them: every project of the run shares it', () => {
    // Chromium's profile socket must fit a Unix socket name (107 bytes); nested roots broke every printer test.
    expect(root!.match(/dukkan-test-run-/g)).toHaveLength(1);
  });

  it('is inherited by a child process', () => {
    const childTmp = execFileSync(process.execPath, ['-e', 'process.stdout.write(require("node:os").tmpdir())'], { encoding: 'utf8' });
    expect(path.resolve(childTmp)).toBe(path.resolve(root!));
  });
});
