// SPDX-License-Identifier: UNLICENSED
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { p256 } from '@noble/curves/nist.js';
import { afterAll, describe, expect, it } from 'vitest';
import { openssl as oracle } from '../../test/support/opensslOracle';
import { certificateFingerprint, createTlsIdentity } from './tlsCertificate';

// OpenSSL (the command and node:crypto's X509Certificate) as the independent reader of what was built
const tmp = mkdtempSync(path.join(tmpdir(), 'dukkan-tls-cert-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const identity = createTlsIdentity({
  privateKey: p256.utils.randomSecretKey(),
  commonName: 'Dukkan store server',
  notBefore: new Date('2026-01-01T00:00:00Z'),
  notAfter: new Date('2056-01-01T00:00:00Z'),
  serial: 0x1234567890abcdefn,
});

describe('the store server TLS certificate', () => {
  it('is a P-256 certificate OpenSSL reads, with the fingerprint node:tls reports and the key that signed it', () => {
    const cert = new oracle.X509Certificate(identity.certificatePem);
    expect(cert.subject).toBe('CN=Dukkan store server');
    expect(cert.fingerprint256).toBe(identity.fingerprint);
    expect(certificateFingerprint(new Uint8Array(cert.raw))).toBe(identity.fingerprint);
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(cert.checkPrivateKey(oracle.createPrivateKey(identity.privateKeyPem))).toBe(true);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.validTo).toMatch(/2056/);
  });

  it('verifies as its own trust anchor with openssl verify, and another key does not', () => {
    const file = path.join(tmp, 'server.pem');
    writeFileSync(file, identity.certificatePem);
    const at = String(Date.UTC(2027, 0, 1) / 1000);
    const ok = spawnSync('openssl', ['verify', '-attime', at, '-purpose', 'sslserver', '-CAfile', file, file], { encoding: 'utf8' });
    expect(`${ok.stdout}${ok.stderr}`).toMatch(/: OK/);
    const other = createTlsIdentity({ ...OPTIONS, privateKey: p256.utils.randomSecretKey() });
    const otherFile = path.join(tmp, 'other.pem');
    writeFileSync(otherFile, other.certificatePem);
    const refused = spawnSync('openssl', ['verify', '-attime', at, '-CAfile', file, otherFile], { encoding: 'utf8' });
    expect(refused.status).not.toBe(0);
    expect(other.fingerprint).not.toBe(identity.fingerprint);
  });

  it('refuses a serial or a validity that RFC 5280 does not allow', () => {
    expect(() => createTlsIdentity({ ...OPTIONS, serial: 0n })).toThrow(/serial/);
    expect(() => createTlsIdentity({ ...OPTIONS, notAfter: OPTIONS.notBefore })).toThrow(/notAfter/);
  });
});

const OPTIONS = {
  privateKey: p256.utils.randomSecretKey(),
  commonName: 'Dukkan store server',
  notBefore: new Date('2026-01-01T00:00:00Z'),
  notAfter: new Date('2056-01-01T00:00:00Z'),
  serial: 7n,
};
