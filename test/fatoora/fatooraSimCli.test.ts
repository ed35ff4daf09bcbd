// SPDX-License-Identifier: UNLICENSED
// `dukkan fatoora-sim` as a real process: prints its base URL when ready, serves the client, stops cleanly on
// SIGTERM, and with --state a restarted process still honours the CSIDs it issued.
import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../vectors';
import { createFatooraClient } from '../../main/fatoora/index';
import { Secret } from '../../main/log/secret';
import { fatooraSimCommand } from '../../main/cli/commands/fatooraSim';
import { UsageError } from '../../main/cli/command';
import { complianceDocuments, expectKind, newEgs, signWith, submissionOf } from './support';

interface Running {
  readonly child: ChildProcess;
  readonly url: string;
  stdout: () => string;
  stderr: () => string;
}

function startCli(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'dukkan.mjs'), 'fatoora-sim', ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed; stderr: ${err}`)), 20_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)[\s\S]*OTPs accepted: .*\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, stdout: () => out, stderr: () => err });
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}; stderr: ${err}`)));
  });
}

async function stop(r: Running): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => r.child.once('exit', (code) => resolve(code)));
  r.child.kill('SIGTERM');
  return exited;
}

describe('dukkan fatoora-sim', () => {
  it('serves, stops on SIGTERM, and remembers issued CSIDs across a restart with --state', async () => {
    const state = mkdtempSync(path.join(tmpdir(), 'dukkan-simcli-'));
    const first = await startCli(['--port', '0', '--state', state, '--otp', '135790,246801']);
    let egs;
    let csid;
    try {
      expect(first.stdout()).toContain(`${first.url}/e-invoicing/simulation`);
      expect(first.stdout()).toContain('OTPs accepted: 135790, 246801');
      const client = createFatooraClient({ environment: 'local-simulator', baseUrl: `${first.url}/e-invoicing/simulation` });
      egs = newEgs('simulation');
      csid = expectKind(await client.requestComplianceCsid({ csr: egs.csr.pem, otp: new Secret('135790') }), 'accepted').value;
      expect(first.stderr()).toContain('"event":"simulator.csid-issued"');
    } finally {
      expect(await stop(first)).toBe(0);
    }
    expect(first.stdout()).toContain('Fatoora simulator stopped');
    expect(first.stderr()).not.toContain(csid.credentials.secret.reveal());

    const second = await startCli(['--state', state, '--quiet']);
    try {
      expect(second.stdout()).toContain('OTPs accepted: 246801');
      const client = createFatooraClient({ environment: 'local-simulator', baseUrl: `${second.url}/e-invoicing/simulation` });
      const [invoice] = complianceDocuments(new Date());
      const doc = await signWith(csid.credentials, egs, invoice!);
      expectKind(await client.checkCompliance(csid.credentials, submissionOf(doc)), 'accepted');
      expect(second.stderr()).toBe('');
    } finally {
      expect(await stop(second)).toBe(0);
    }
  });

  it("--developer-portal: the portal's quirks (reference §9 Sandbox specifics): requestID 1234567890123", async () => {
    let printed = '';
    let stopNow = (): void => undefined;
    const io = { stdout: (t: string) => void (printed += t), stderr: () => undefined, stopSignal: new Promise<void>((r) => (stopNow = r)) };
    const running = fatooraSimCommand.run(['--developer-portal', '--quiet'], io);
    try {
      for (let i = 0; i < 100 && !/listening on/.test(printed); i++) await new Promise((r) => setTimeout(r, 50));
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(printed)![1]!;
      const client = createFatooraClient({ environment: 'local-simulator', baseUrl: `${url}/e-invoicing/developer-portal` });
      const csid = expectKind(await client.requestComplianceCsid({ csr: newEgs('developer-portal').csr.pem, otp: new Secret('123345') }), 'accepted').value;
      expect(csid.requestId).toBe('1234567890123');
      // no compliance checks were run, and the portal issues the production CSID all the same
      expectKind(await client.requestProductionCsid(csid.credentials), 'accepted');
    } finally {
      stopNow();
      await running;
    }
  });

  it('refuses bad options with a usage error', async () => {
    const io = { stdout: () => undefined, stderr: () => undefined, stopSignal: new Promise<void>(() => undefined) };
    await expect(fatooraSimCommand.run(['--otp', '12ab56'], io)).rejects.toThrow(UsageError);
    await expect(fatooraSimCommand.run(['--port', '70000'], io)).rejects.toThrow(/at most 65535/);
    await expect(fatooraSimCommand.run(['--seed', '-1'], io)).rejects.toThrow(UsageError);
    await expect(fatooraSimCommand.run(['--bogus'], io)).rejects.toThrow(/unknown option --bogus/);
    await expect(fatooraSimCommand.run(['extra'], io)).rejects.toThrow(/unexpected argument/);
  });
});
