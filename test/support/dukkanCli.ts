// SPDX-License-Identifier: UNLICENSED
// The `dukkan` command as a real process, run exactly as an integrator runs it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../vectors';

export const DUKKAN_BIN = path.join(REPO_ROOT, 'bin', 'dukkan.mjs');

/** `node bin/dukkan.mjs …args` in `cwd`: its exit code and both outputs. */
export function runDukkan(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [DUKKAN_BIN, ...args], { encoding: 'utf8', cwd: options.cwd, ...(options.env ? { env: options.env } : {}) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
