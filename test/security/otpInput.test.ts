// SPDX-License-Identifier: UNLICENSED
// The OTP need not be on the command line, where every account sees it in the process list (docs/security.md
// "Secrets"; main/cli/readOtp.ts): `dukkan onboard --otp -` reads it from standard input, and on a terminal without
// --otp it is asked for, hidden. The real CLI against the in-process simulator, with the OS keychain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import { SHOP } from '../onboarding/support';
import { onboardCommandLine } from '../support/onboardCli';

const work = mkdtempSync(path.join(tmpdir(), 'dukkan-otp-'));
const shopFile = path.join(work, 'shop.json');
writeFileSync(shopFile, JSON.stringify(SHOP));
let sim: FatooraSimulator;
let nextOtp = 731_000;
beforeAll(async () => {
  sim = await startFatooraSimulator();
});
afterAll(() => sim.close());

const newOtp = (): string => {
  const code = String(nextOtp++);
  sim.otps.add(code);
  return code;
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The command line of the running process, as any account reads it from /proc. */
  cmdline: string;
}

/** `command` run as a process; `feed` writes its standard input once it has started (or once `waitFor` appears). */
function run(command: string[], feed: string, waitFor?: RegExp): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let cmdline = '';
    let fed = false;
    const give = (): void => {
      if (fed) return;
      fed = true;
      cmdline = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      child.stdin.end(feed);
    };
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (waitFor?.test(stdout)) give();
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    if (!waitFor) setTimeout(give, 200);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, cmdline }));
  });
}

const onboard = (dataDir: string, ...otp: string[]): string[] => onboardCommandLine({ dataDir, fatooraUrl: sim.urls['developer-portal'], shopFile }, ...otp);

describe('the OTP without the command line', () => {
  it('--otp - reads it from standard input; it never appears in the process list', async () => {
    const otp = newOtp();
    const r = await run(onboard(path.join(work, 'stdin'), '--otp', '-'), `${otp}\n`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/certificate serial/);
    expect(r.cmdline).toContain('--otp -');
    expect(r.cmdline).not.toContain(otp);
  });

  it('--otp - with nothing on standard input is refused in both languages, before the data folder is made', async () => {
    const dataDir = path.join(work, 'empty-stdin');
    const r = await run(onboard(dataDir, '--otp', '-'), '');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\[security\.otp-stdin-empty\] No OTP was read from standard input/);
    expect(r.stderr).toMatch(/لم يُقرأ أي رمز OTP/);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('on a terminal without --otp it is asked for, and the typing is not echoed', async () => {
    const otp = newOtp();
    // a pseudo-terminal around the CLI, so that its standard input is a terminal (python's pty module)
    const pty = ['python3', '-c', 'import pty, sys; sys.exit(pty.spawn(sys.argv[1:]) >> 8)'];
    const r = await run([...pty, ...onboard(path.join(work, 'prompt'))], `${otp}\r`, /One-time password from the Fatoora portal/);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/certificate serial/);
    expect(r.stdout).not.toContain(otp);
    expect(r.cmdline).not.toContain(otp);
  });
});
