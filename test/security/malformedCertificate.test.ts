// SPDX-License-Identifier: UNLICENSED
// A CSID whose certificate cannot be read — from a broken gateway, a proxy rewriting bodies, or an impostor — is a
// classified failure of Fatoora's answer that says what was wrong, in both languages, and stores nothing; before, it
// surfaced as "onboarding stopped on an unexpected error". The real `dukkan onboard` against a scripted Fatoora on
// 127.0.0.1, with the OS keychain (run under the private keyring, scripts/test.sh).
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFatooraClient } from '../../main/fatoora/index';
import { Secret } from '../../main/log/secret';
import { SHOP } from '../onboarding/support';
import { useLocalServer } from '../support/localServer';
import { onboardCommandLine } from '../support/onboardCli';
import { createTestEgs } from '../support/testCertificate';

const work = mkdtempSync(path.join(tmpdir(), 'dukkan-bad-cert-'));
const shopFile = path.join(work, 'shop.json');
writeFileSync(shopFile, JSON.stringify(SHOP));

/** The token the scripted /compliance issues next. */
let token = '';
const fatoora = useLocalServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({ requestID: 1234567890123, dispositionMessage: 'ISSUED', binarySecurityToken: token, secret: 'c2VjcmV0LXNlY3JldA==', errors: null }),
    );
  });
});

const GOOD = Buffer.from(createTestEgs().certificate.base64Der).toString('base64');
const TOKENS: readonly (readonly [string, string])[] = [
  ['base64 of text that is no certificate', Buffer.from('TUlJQ0hvbGEgdGhpcyBpcyBub3QgYSBjZXJ0aWZpY2F0ZQ==').toString('base64')],
  ['a certificate cut in half', GOOD.slice(0, Math.floor(GOOD.length / 8) * 4)],
];

describe('a malformed certificate from Fatoora', () => {
  it.each(TOKENS)('the client classifies %s as a failed answer that says why', async (_what, bad) => {
    token = bad;
    const client = createFatooraClient({ environment: 'local-simulator', baseUrl: `${fatoora.url}/e-invoicing/developer-portal` });
    const pem = '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----';
    const outcome = await client.requestComplianceCsid({ csr: pem, otp: new Secret('123456') });
    expect(outcome).toMatchObject({
      kind: 'failed',
      httpStatus: 200,
      detail: expect.stringMatching(/binarySecurityToken is not a readable X\.509 certificate/),
    });
  });

  it.each(TOKENS)('dukkan onboard refuses %s with a classified, bilingual message, not "unexpected error"', async (_what, bad) => {
    token = bad;
    const dataDir = mkdtempSync(path.join(work, 'data-'));
    // asynchronously: the scripted Fatoora answers from this process
    const run = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const [node, ...args] = onboardCommandLine({ dataDir, fatooraUrl: `${fatoora.url}/e-invoicing/developer-portal`, shopFile }, '--otp', '123456');
      const child = execFile(node!, args, { encoding: 'utf8', timeout: 60_000 }, (_error, _stdout, stderr) => resolve({ status: child.exitCode, stderr }));
    });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/\[onboarding\.fatoora-error\] Fatoora gave an unexpected answer \(HTTP 200\)/);
    expect(run.stderr).toMatch(/the issued binarySecurityToken is not a readable X\.509 certificate/);
    expect(run.stderr).toMatch(/[\u0600-\u06FF]/);
    expect(run.stderr).not.toMatch(/onboarding\.unexpected|unexpected error/);
  });
});
