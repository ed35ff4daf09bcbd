import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { openssl as opensslOracle } from '../../test/support/opensslOracle';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodePem } from '../asn1/pem';
import { randomPrivateKey } from '../crypto/ecdsa';
import { buildCsr } from '../csr/buildCsr';
import { parseCsr } from '../csr/parseCsr';
import { certificateDigest, verifyCertificateSignature } from './certificateDigest';
import { createCertificateAuthority, isCertificateAuthority, issueCertificate } from './issueCertificate';
import { parseCertificate, type Certificate } from './parseCertificate';
// OpenSSL as an independent oracle (node:crypto's secp256k1 is refused under the BoringSSL profile)
const { X509Certificate } = opensslOracle;

const tmp = mkdtempSync(path.join(tmpdir(), 'dukkan-ca-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function writePem(name: string, cert: Certificate): string {
  const file = path.join(tmp, name);
  writeFileSync(file, encodePem('CERTIFICATE', cert.der));
  return file;
}

/** openssl verify checks validity against the clock; pin it so these tests do not expire. */
const AT = String(Date.UTC(2026, 0, 1) / 1000);

function openssl(args: string[]): { out: string; status: number | null } {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  return { out: `${r.stdout}${r.stderr}`, status: r.status };
}

const caKey = randomPrivateKey();
const egsKey = randomPrivateKey();
const ca = createCertificateAuthority({
  commonName: 'DUKKAN-SIM-CA',
  privateKey: caKey,
  notBefore: new Date('2025-01-01T00:00:00Z'),
  notAfter: new Date('2035-01-01T00:00:00Z'),
});
const csr = parseCsr(
  buildCsr(
    {
      commonName: 'TST-886431145-399999999900003',
      serialNumber: '1-Dukkan|2-POS|3-ed22f1d8-e6a2-1118-9b58-d9a8f11e445f',
      organizationIdentifier: '399999999900003',
      organizationUnitName: 'Riyadh Branch',
      organizationName: 'Maximum Speed Tech Supply LTD',
      countryName: 'SA',
      invoiceType: '0100',
      locationAddress: 'RRRD2929',
      industryBusinessCategory: 'Supply activities',
      environment: 'local-simulator',
    },
    egsKey,
  ).pem,
);
const issue = (overrides: Partial<Parameters<typeof issueCertificate>[0]> = {}) =>
  issueCertificate({
    csr,
    issuer: ca,
    issuerKey: caKey,
    serialNumber: 379112742831380471835263969587287663520528387n,
    notBefore: new Date('2025-06-01T00:00:00Z'),
    notAfter: new Date('2030-05-31T00:00:00Z'),
    ...overrides,
  });

describe('createCertificateAuthority', () => {
  it('makes a self-signed CA named like ZATCA issuers, which node and openssl accept', () => {
    expect(ca.subjectName).toBe('CN=DUKKAN-SIM-CA, DC=extgazt, DC=gov, DC=local');
    expect(ca.issuerName).toBe(ca.subjectName);
    expect(isCertificateAuthority(ca)).toBe(true);
    expect(verifyCertificateSignature(ca, ca)).toBe(true);
    const x = new X509Certificate(Buffer.from(ca.der));
    expect(x.ca).toBe(true);
    expect(x.verify(x.publicKey)).toBe(true);
    const file = writePem('ca.pem', ca);
    const r = openssl(['verify', '-attime', AT, '-CAfile', file, file]);
    expect(r.out).toContain(': OK');
    expect(r.status).toBe(0);
  });
});

describe('issueCertificate', () => {
  const leaf = issue();

  it('issues a certificate that openssl verify -CAfile and node:crypto accept', () => {
    const r = openssl(['verify', '-attime', AT, '-CAfile', writePem('ca.pem', ca), writePem('leaf.pem', leaf)]);
    expect(r.out).toContain('leaf.pem: OK');
    expect(r.status).toBe(0);
    const x = new X509Certificate(Buffer.from(leaf.der));
    expect(x.verify(new X509Certificate(Buffer.from(ca.der)).publicKey)).toBe(true);
    expect(x.checkIssued(new X509Certificate(Buffer.from(ca.der)))).toBe(true);
    expect(x.ca).toBe(false);
    expect(verifyCertificateSignature(leaf, ca)).toBe(true);
    expect(verifyCertificateSignature(leaf, ca.publicKey)).toBe(true);
  });

  it('carries the CSR subject, key, SAN and template, with the ZATCA key usages', () => {
    expect(leaf.subjectName).toBe(csr.subjectName);
    expect(leaf.subjectDer).toEqual(csr.subjectDer);
    expect(leaf.issuerName).toBe('CN=DUKKAN-SIM-CA, DC=extgazt, DC=gov, DC=local');
    expect(leaf.publicKey).toEqual(csr.publicKey);
    expect(leaf.spki).toEqual(csr.spki);
    expect(leaf.zatca).toEqual(csr.zatca);
    expect(leaf.zatca.templateName).toBe('TSTZATCA-Code-Signing');
    expect(leaf.serialDecimal).toBe('379112742831380471835263969587287663520528387');
    expect(leaf.notAfter.toISOString()).toBe('2030-05-31T00:00:00.000Z');
    const text = openssl(['x509', '-in', writePem('leaf-text.pem', leaf), '-noout', '-text']).out;
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature\n/);
    expect(text).toMatch(/X509v3 Extended Key Usage:\s+TLS Web Client Authentication, Code Signing/);
    expect(text).toContain(
      'DirName:/SN=1-Dukkan|2-POS|3-ed22f1d8-e6a2-1118-9b58-d9a8f11e445f/UID=399999999900003/title=0100/registeredAddress=RRRD2929/businessCategory=Supply activities',
    );
    expect(text).toMatch(/X509v3 Authority Key Identifier:/);
    expect(new X509Certificate(Buffer.from(leaf.der)).keyUsage).toEqual(['1.3.6.1.5.5.7.3.2', '1.3.6.1.5.5.7.3.3']);
  });

  it('gives the values a stamp needs, consistent with the parsed form', () => {
    const again = parseCertificate(leaf.base64Der);
    expect(again.der).toEqual(leaf.der);
    expect(certificateDigest(leaf)).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(Buffer.from(certificateDigest(leaf), 'base64').toString()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes GeneralizedTime after 2049 and openssl still verifies', () => {
    const late = issue({ notAfter: new Date('2051-01-01T00:00:00Z') });
    expect(late.notAfter.toISOString()).toBe('2051-01-01T00:00:00.000Z');
    expect(openssl(['verify', '-attime', AT, '-CAfile', writePem('ca.pem', ca), writePem('late.pem', late)]).out).toContain(': OK');
  });

  it('is detected as tampered when a TBS byte changes', () => {
    const der = Uint8Array.from(leaf.der);
    const at = Buffer.from(der).indexOf(Buffer.from('RRRD2929'));
    der[at] = 'X'.charCodeAt(0);
    const tampered = parseCertificate(der);
    expect(tampered.zatca.location).toBe('XRRD2929');
    expect(verifyCertificateSignature(tampered, ca)).toBe(false);
    expect(new X509Certificate(Buffer.from(der)).verify(new X509Certificate(Buffer.from(ca.der)).publicKey)).toBe(false);
    expect(openssl(['verify', '-attime', AT, '-CAfile', writePem('ca.pem', ca), writePem('tampered.pem', tampered)]).status).not.toBe(0);
  });

  it('refuses a CSR whose signature does not verify, a wrong issuer key, bad serials and bad validity', () => {
    expect(() => issue({ csr: { ...csr, signatureValid: false } })).toThrow(/CSR signature does not verify/);
    expect(() => issue({ issuerKey: randomPrivateKey() })).toThrow(/issuerKey does not match/);
    expect(() => issue({ serialNumber: 0n })).toThrow(/serialNumber must be positive/);
    expect(() => issue({ serialNumber: 1n << 160n })).toThrow(/fit in 20 bytes/);
    expect(() => issue({ notAfter: new Date('2025-01-01T00:00:00Z') })).toThrow(/notAfter must be later/);
  });
});
