// SPDX-License-Identifier: UNLICENSED
// `npm run smoke:electron` where Electron's binary is not there (as on this machine): it says so and passes, unless
// the machine is one that must have it. The smoke run itself needs the binary (docs/packaging.md).
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../e2e/browserModeProcess';

const SCRIPT = path.join(ROOT, 'scripts', 'smokeElectron.mjs');

function run(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [SCRIPT, ...args],
      { cwd: ROOT, env: { ...process.env, DUKKAN_SMOKE_REQUIRE_ELECTRON: '', ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('npm run smoke:electron without Electron’s binary', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-smoke-test-'));
  const missing = path.join(dir, 'electron');
  // present but not executable: no binary either
  const notExecutable = path.join(dir, 'electron-file');
  writeFileSync(notExecutable, '', { mode: 0o644 });

  it('is the npm script', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['smoke:electron']).toBe('node scripts/smokeElectron.mjs');
  });

  it('skips with a message that says why and what to do, and exits 0', async () => {
    for (const binary of [missing, notExecutable]) {
      const { code, stdout, stderr } = await run([], { DUKKAN_ELECTRON_BINARY: binary });
      expect(code).toBe(0);
      expect(stdout).toBe(
        `smoke:electron skipped: Electron's binary is not installed (looked at ${binary}). Fetch it with \`npx install-electron\` on a machine with internet access, or name one with DUKKAN_ELECTRON_BINARY. Set DUKKAN_SMOKE_REQUIRE_ELECTRON=1 (or pass --require-electron) where it must run.\n`,
      );
      expect(stderr).toBe('');
    }
  });

  it('fails where the binary is required, by environment or flag', async () => {
    for (const [args, env] of [
      [[], { DUKKAN_SMOKE_REQUIRE_ELECTRON: '1' }],
      [['--require-electron'], {}],
    ] as const) {
      const { code, stdout, stderr } = await run([...args], { DUKKAN_ELECTRON_BINARY: missing, ...env });
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^smoke:electron failed: Electron's binary is not installed \(looked at .*electron\)/);
    }
  });
});
