// SPDX-License-Identifier: UNLICENSED
// `dukkan store-server` with the shop's own certificate and `rotate-certificate`, as real processes on embedded
// PGlite in a folder (docs/store-server.md, "TLS and the pinned certificate", "Replacing the certificate"): the
// options and their environment variables, a refusal naming the option, and the announcement a till then pulls.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PullAnswer } from '../../app/contract/storeSync';
import { decodePem } from '../../app/asn1/pem';
import { certificateFingerprint } from '../../app/x509/tlsCertificate';
import { signedRequest } from '../../main/storeSync/storeClient';
import { enrolledTerminal } from './storeFixtures';
import { startStoreServerProcess } from './storeServerProcess';

const REPO_ROOT = path.join(import.meta.dirname, '..', '..');
const dukkan = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'dukkan.mjs'), 'store-server', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
  });

describe('dukkan store-server TLS options', () => {
  it('serves the certificate given by DUKKAN_STORE_TLS_CERT/KEY, and refuses a key of another one naming --tls-key', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-tls-cli-'));
    const f = (name: string) => path.join(dir, name);
    for (const name of ['a', 'b']) {
      const selfSigned = 'req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 -subj /CN=127.0.0.1'.split(' ');
      execFileSync('openssl', [...selfSigned, '-keyout', f(`${name}.key`), '-out', f(`${name}.pem`)], { stdio: 'pipe' });
    }
    const fingerprint = certificateFingerprint(decodePem(readFileSync(f('a.pem'), 'utf8'))[0]!.der);
    const running = await startStoreServerProcess(['--quiet'], {
      DUKKAN_STORE_TLS_CERT: f('a.pem'),
      DUKKAN_STORE_TLS_KEY: f('a.key'),
      DUKKAN_STORE_MANAGER_TOKEN: 'cli-tls',
    });
    try {
      expect(running.fingerprint).toBe(fingerprint);
      const t = await enrolledTerminal(running.url, running.token, 'Olaya', 'Till cli');
      expect(t.fingerprint).toBe(fingerprint);
    } finally {
      expect(await running.stop()).toBe(0);
    }
    const refused = dukkan('--tls-cert', f('a.pem'), '--tls-key', f('b.key'));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('store.tls-key-mismatch');
    expect(refused.stderr).toContain('--tls-key');
    expect(refused.stderr).not.toContain(readFileSync(f('b.key'), 'utf8').split('\n')[1]!);
  }, 120_000);

  it('rotate-certificate stores the next certificate, which the server then announces in every pull', async () => {
    const data = path.join(mkdtempSync(path.join(tmpdir(), 'dukkan-tls-rotate-')), 'db');
    const first = await startStoreServerProcess(['--data', data, '--quiet'], { DUKKAN_STORE_MANAGER_TOKEN: 'cli-rotate' });
    let terminal;
    try {
      terminal = await enrolledTerminal(first.url, first.token, 'Olaya', 'Till rotate');
    } finally {
      expect(await first.stop()).toBe(0);
    }
    const at = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
    const rotated = dukkan('rotate-certificate', '--data', data, '--at', at);
    expect(rotated.status, rotated.stderr).toBe(0);
    const next = /Next TLS certificate SHA-256: (\S+)/.exec(rotated.stdout)![1]!;
    expect(rotated.stdout).toContain(`replaces ${first.fingerprint} at ${at}`);
    expect(dukkan('rotate-certificate', '--data', data, '--at', 'next week').stderr).toContain('store.tls-switch-time');
    const second = await startStoreServerProcess(['--data', data, '--quiet']);
    try {
      expect(second.fingerprint).toBe(first.fingerprint);
      const answer = (await signedRequest({ ...terminal, url: second.url }, 'GET', '/api/pull?after=0')) as PullAnswer;
      expect(answer.tlsNext).toMatchObject({ next, from: at });
    } finally {
      expect(await second.stop()).toBe(0);
    }
  }, 180_000);
});
