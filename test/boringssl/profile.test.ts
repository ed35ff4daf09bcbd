// SPDX-License-Identifier: UNLICENSED
// The suite runs as Electron would run the product: node:crypto without secp256k1 (test/support/boringsslProfile.mjs,
// applied by vitest.config.ts to every worker and, through NODE_OPTIONS, to every process a test starts). These
// tests prove the profile is really in force — here and in child processes — and run the command-line product
// paths (`dukkan csr`, `sign`, `verify`, `issue`, `audit`) under it. Onboarding, training start-up, the counter and
// the reporting worker are proven by their own suites, which run in the same profile.
import { describe, expect, it } from 'vitest';
import * as nodeCrypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll } from 'vitest';
import { boringsslProfileActive, openssl } from '../support/opensslOracle';
import { createTestEgs, writeTestEgsFiles } from '../support/testCertificate';
import { CSR_CONFIG, simplifiedInvoice } from '../fixtures/documents';
import { REPO_ROOT } from '../vectors';

const UNKNOWN_GROUP = { code: 'ERR_OSSL_UNKNOWN_GROUP', message: 'error:0f00007b:elliptic curve routines:OPENSSL_internal:UNKNOWN_GROUP' };
const work = mkdtempSync(path.join(tmpdir(), 'dukkan-boringssl-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return { code: (e as { code?: string }).code, message: (e as Error).message };
  }
  return 'no error';
}

describe('the BoringSSL profile', () => {
  const k1 = openssl.generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
  const k1Pem = k1.privateKey.export({ format: 'pem', type: 'sec1' }) as string;
  const k1Spki = k1.publicKey.export({ format: 'der', type: 'spki' });

  it('is active in this worker: only the NIST curves exist', () => {
    expect(boringsslProfileActive()).toBe(true);
    expect(nodeCrypto.getCurves()).toEqual(['prime256v1', 'secp224r1', 'secp384r1', 'secp521r1']);
    expect(openssl.getCurves()).toContain('secp256k1'); // the oracle still has OpenSSL's
  });

  it('refuses every secp256k1 operation with BoringSSL error, as Electron does', () => {
    const message = Buffer.from('invoice hash');
    expect(refusal(() => nodeCrypto.generateKeyPairSync('ec', { namedCurve: 'secp256k1' }))).toEqual(UNKNOWN_GROUP);
    expect(refusal(() => nodeCrypto.createPrivateKey(k1Pem))).toEqual(UNKNOWN_GROUP);
    expect(refusal(() => nodeCrypto.createPrivateKey({ key: k1.privateKey.export({ format: 'der', type: 'sec1' }), format: 'der', type: 'sec1' }))).toEqual(
      UNKNOWN_GROUP,
    );
    expect(refusal(() => nodeCrypto.createPrivateKey({ key: k1.privateKey.export({ format: 'jwk' }), format: 'jwk' }))).toEqual(UNKNOWN_GROUP);
    expect(refusal(() => nodeCrypto.createPublicKey({ key: k1Spki, format: 'der', type: 'spki' }))).toEqual(UNKNOWN_GROUP);
    expect(refusal(() => nodeCrypto.createPublicKey(k1.privateKey))).toEqual(UNKNOWN_GROUP);
    expect(refusal(() => nodeCrypto.sign('sha256', message, k1.privateKey))).toEqual(UNKNOWN_GROUP);
    expect(refusal(() => nodeCrypto.sign('sha256', message, { key: k1Pem, dsaEncoding: 'der' }))).toEqual(UNKNOWN_GROUP);
    expect(refusal(() => nodeCrypto.verify('sha256', message, { key: k1Spki, format: 'der', type: 'spki' }, Buffer.alloc(70)))).toEqual(UNKNOWN_GROUP);
    expect(refusal(() => nodeCrypto.createSign('sha256').update(message).sign(k1Pem))).toEqual(UNKNOWN_GROUP);
    expect(refusal(() => nodeCrypto.createVerify('sha256').update(message).verify(k1.publicKey, Buffer.alloc(70)))).toEqual(UNKNOWN_GROUP);
    expect(refusal(() => nodeCrypto.createECDH('secp256k1'))).toEqual(UNKNOWN_GROUP);
    expect(refusal(() => nodeCrypto.diffieHellman({ privateKey: k1.privateKey, publicKey: k1.publicKey }))).toEqual(UNKNOWN_GROUP);
  });

  it('refuses asynchronous key generation too, through the callback and through promisify', async () => {
    const viaCallback = await new Promise((resolve) =>
      nodeCrypto.generateKeyPair('ec', { namedCurve: 'secp256k1' }, (error) => resolve((error as { code?: string } | null)?.code)),
    );
    expect(viaCallback).toBe('ERR_OSSL_UNKNOWN_GROUP');
    await expect(promisify(nodeCrypto.generateKeyPair)('ec', { namedCurve: 'secp256k1' })).rejects.toMatchObject({ code: 'ERR_OSSL_UNKNOWN_GROUP' });
  });

  it('a secp256k1 certificate still parses, but its key does not load (a control: P-256 works throughout)', () => {
    const cert = new nodeCrypto.X509Certificate(Buffer.from(createTestEgs().certificate.base64Der, 'base64'));
    expect(cert.subject).toContain('CN=');
    expect(refusal(() => cert.publicKey)).toEqual(UNKNOWN_GROUP);
    const p256 = nodeCrypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const signature = nodeCrypto.sign('sha256', Buffer.from('x'), p256.privateKey);
    expect(nodeCrypto.verify('sha256', Buffer.from('x'), p256.publicKey, signature)).toBe(true);
    expect(nodeCrypto.createECDH('prime256v1').generateKeys()).toHaveLength(65);
  });

  it("has only BoringSSL's ciphers; the backup's AES-256-GCM and scrypt work (main/backup/backupCipher.ts)", () => {
    expect(refusal(() => nodeCrypto.createCipheriv('chacha20-poly1305', Buffer.alloc(32), Buffer.alloc(12), { authTagLength: 16 }))).toEqual({
      code: 'ERR_CRYPTO_UNKNOWN_CIPHER',
      message: 'Unknown cipher',
    });
    expect(refusal(() => nodeCrypto.createDecipheriv('aes-256-ccm', Buffer.alloc(32), Buffer.alloc(12), { authTagLength: 16 }))).toMatchObject({
      code: 'ERR_CRYPTO_UNKNOWN_CIPHER',
    });
    expect(nodeCrypto.getCiphers()).not.toContain('chacha20-poly1305');
    expect(openssl.getCiphers()).toContain('chacha20-poly1305'); // the oracle still has OpenSSL's
    const key = nodeCrypto.scryptSync('ABCD-EFGH', Buffer.alloc(16, 1), 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const iv = Buffer.alloc(12, 2);
    const cipher = nodeCrypto.createCipheriv('aes-256-gcm', key, iv);
    const sealed = Buffer.concat([cipher.update('ledger'), cipher.final()]);
    const decipher = nodeCrypto.createDecipheriv('aes-256-gcm', key, iv).setAuthTag(cipher.getAuthTag());
    expect(Buffer.concat([decipher.update(sealed), decipher.final()]).toString()).toBe('ledger');
  });

  it('is inherited by the processes tests start (NODE_OPTIONS)', () => {
    const script = `const c=require('node:crypto');let code='none';try{c.generateKeyPairSync('ec',{namedCurve:'secp256k1'})}catch(e){code=e.code}process.stdout.write(JSON.stringify({curves:c.getCurves(),code}))`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ curves: ['prime256v1', 'secp224r1', 'secp384r1', 'secp521r1'], code: 'ERR_OSSL_UNKNOWN_GROUP' });
  });
});

describe('the command line under the profile', () => {
  const bin = path.join(REPO_ROOT, 'bin', 'dukkan.mjs');
  const dukkan = (...args: string[]) => {
    const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: work, timeout: 120_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('csr, sign, verify, issue and audit all work without OpenSSL secp256k1', () => {
    const config = path.join(work, 'csr.json');
    writeFileSync(config, JSON.stringify({ ...CSR_CONFIG, invoiceType: '1100' }));
    const csr = dukkan('csr', '--config', config, '--key-out', path.join(work, 'new.key'), '--csr-out', path.join(work, 'new.csr'));
    expect(csr.stderr).toBe('');
    expect(csr.code).toBe(0);
    // the key it wrote is a real secp256k1 key (checked by the oracle)
    expect(openssl.createPrivateKey(readFileSync(path.join(work, 'new.key'), 'utf8')).asymmetricKeyDetails?.namedCurve).toBe('secp256k1');

    const egs = writeTestEgsFiles(createTestEgs());
    const doc = path.join(work, 'invoice.json');
    writeFileSync(doc, JSON.stringify(simplifiedInvoice()));
    const signed = path.join(work, 'invoice.xml');
    const sign = dukkan('sign', '--in', doc, '--key', egs.key, '--cert', egs.cert, '--out', signed);
    expect(sign.stderr).toBe('');
    expect(sign.code).toBe(0);
    const verify = dukkan('verify', signed, '--at', '2026-11-23T12:00:00Z');
    expect(verify.stdout).toBe(`${signed}: valid\n`);

    const { number: _n, uuid: _u, issueDate: _d, issueTime: _t, ...sale } = simplifiedInvoice();
    const saleFile = path.join(work, 'sale.json');
    writeFileSync(saleFile, JSON.stringify(sale));
    const db = path.join(work, 'ledger.sqlite');
    const issue = dukkan('issue', '--db', db, '--key', egs.key, '--cert', egs.cert, '--in', saleFile, '--count', '3');
    expect(issue.stderr).toBe('');
    expect(
      issue.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(' ')[0]),
    ).toEqual(['1', '2', '3']);
    const audit = dukkan('audit', '--db', db, '--json');
    expect(audit.code).toBe(0);
    expect(JSON.parse(audit.stdout)).toMatchObject({ ok: true, documents: 3 });
    rmSync(egs.dir, { recursive: true, force: true });
  }, 180_000);
});
