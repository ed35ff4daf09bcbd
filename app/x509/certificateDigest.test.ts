import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { openssl } from '../../test/support/opensslOracle';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { p256 } from '@noble/curves/nist.js';
import { SDK_CERT_PEM, VECTORS_DIR, listSampleXml } from '../../test/vectors';
import { bytesToHex } from '../bytes/index';
import { publicKeyFromPrivate, randomPrivateKey } from '../crypto/ecdsa';
import { certificateDigest, verifyCertificateSignature } from './certificateDigest';
import { parseCertificate, type Certificate } from './parseCertificate';
// OpenSSL as an independent oracle (node:crypto's secp256k1 is refused under the BoringSSL profile)
const { X509Certificate, createPublicKey } = openssl;

const sdkCert = parseCertificate(readFileSync(SDK_CERT_PEM, 'utf8'));
const sampleCertText = (rel: string) => /<ds:X509Certificate>([\s\S]*?)<\/ds:X509Certificate>/.exec(readFileSync(path.join(VECTORS_DIR, rel), 'utf8'))?.[1];
const certDigestOf = (rel: string) =>
  /<xades:CertDigest>[\s\S]*?<ds:DigestValue>([^<]*)<\/ds:DigestValue>/.exec(readFileSync(path.join(VECTORS_DIR, rel), 'utf8'))?.[1]?.trim();

describe('certificateDigest (reference §3)', () => {
  it('gives the reference value for the SDK cert.pem, which is base64 of its own sha256 hex', () => {
    expect(certificateDigest(sdkCert)).toBe('Y2U5MzY5MTFiOTA4NTc0YmI2NjExNDFlMzBkNmM2YTljZWMxYjRlZDFmYWE3NjE1NjVlNDQzNjA3ODdkYzZjZQ==');
    const independent = Buffer.from(createHash('sha256').update(readFileSync(SDK_CERT_PEM)).digest('hex')).toString('base64');
    expect(certificateDigest(sdkCert)).toBe(independent);
  });

  const samples = listSampleXml().filter((rel) => sampleCertText(rel) && certDigestOf(rel));
  it('has samples from both SDK releases to check', () => expect(samples.length).toBeGreaterThan(20));

  // two stale R3.2.7 samples carry a placeholder hex CertDigest of some other certificate (see parseCertificate.test)
  const STALE = ['Exempt_Standard_Invoice.xml', 'Zero_Rate_Standard_Invoice.xml'];

  it.each(samples)('%s: CertDigest equals certificateDigest of its ds:X509Certificate', (rel) => {
    const text = sampleCertText(rel)!;
    if (STALE.some((name) => rel.endsWith(name))) {
      expect(certDigestOf(rel)).toMatch(/^[0-9a-f]{64}$/);
      expect(certificateDigest(text)).not.toBe(certDigestOf(rel));
      return;
    }
    expect(certificateDigest(text)).toBe(certDigestOf(rel));
    expect(certificateDigest(parseCertificate(text))).toBe(certDigestOf(rel));
  });

  it('does not depend on the input form (PEM, token) since it hashes the canonical one-line text', () => {
    const token = readFileSync(path.join(VECTORS_DIR, 'sdk-238-R3.4.x-keys-from-fatoora-rs', 'zatca_cert_b64.txt'), 'utf8');
    expect(certificateDigest(token)).toBe('ZDMwMmI0MTE1NzVjOTU2NTk4YzVlODhhYmI0ODU2NDUyNTU2YTVhYjhhMDFmN2FjYjk1YTA2OWQ0NjY2MjQ4NQ==');
    expect(certificateDigest(new X509Certificate(Buffer.from(sdkCert.der)).toString())).toBe(certificateDigest(sdkCert));
  });
});

/**
 * ZATCA's sandbox issuing CA (CN=TSZEINVOICE-SubCA-1) is not among the vectors, but its public key follows from
 * two certificates it signed: ECDSA public-key recovery gives at most four candidates per signature, and the SDK
 * cert.pem and the certificate inside the R3.2.7 simplified samples share exactly one. It is a P-256 key.
 */
function recoverSubCaKey(certs: Certificate[]): Uint8Array[] {
  const candidates = certs.map((c) => {
    const hash = createHash('sha256').update(c.tbs).digest();
    const sig = p256.Signature.fromBytes(c.signatureValue, 'der');
    const keys = new Set<string>();
    for (let bit = 0; bit < 4; bit++) {
      try {
        keys.add(bytesToHex(sig.addRecoveryBit(bit).recoverPublicKey(hash).toBytes(false)));
      } catch {
        // no point for this recovery id
      }
    }
    return keys;
  });
  return [...candidates[0]!].filter((k) => candidates.every((set) => set.has(k))).map((k) => Uint8Array.from(Buffer.from(k, 'hex')));
}

describe('verifyCertificateSignature', () => {
  const sampleCert = parseCertificate(sampleCertText('sdk-238-R3.2.7/Data/Samples/Simplified/Invoice/Simplified_Invoice.xml')!);
  const shared = recoverSubCaKey([sdkCert, sampleCert]);

  it('verifies two ZATCA-issued certificates with the TSZEINVOICE-SubCA-1 key they have in common', () => {
    expect(sampleCert.serialDecimal).toBe('2475382886904809774818644480820936050208702411');
    expect(shared).toHaveLength(1);
    const caKey = shared[0]!;
    expect(bytesToHex(caKey)).toBe(
      '0483b35c691d019be9395f98766c19eae95d27cfb3e3bdb4b5fe1bb20acb518c7be44b26dfa1810910dd398deb712b2809eac53f69c4559876d511f598edc72159',
    );
    for (const cert of [sdkCert, sampleCert]) {
      expect(verifyCertificateSignature(cert, caKey)).toBe(true);
      // node:crypto agrees, given the key as a P-256 SPKI
      const jwk = {
        kty: 'EC',
        crv: 'P-256',
        x: Buffer.from(caKey.subarray(1, 33)).toString('base64url'),
        y: Buffer.from(caKey.subarray(33)).toString('base64url'),
      };
      const nodeKey = createPublicKey({ key: jwk, format: 'jwk' });
      expect(new X509Certificate(Buffer.from(cert.der)).verify(nodeKey)).toBe(true);
      expect(verifyCertificateSignature(cert, new Uint8Array(nodeKey.export({ format: 'der', type: 'spki' })))).toBe(true);
    }
  });

  it('fails for a tampered TBS, a different key, a non-EC key and another algorithm', () => {
    const caKey = shared[0]!;
    const tbs = Uint8Array.from(sdkCert.tbs);
    tbs[tbs.length - 40]! ^= 1;
    expect(verifyCertificateSignature({ ...sdkCert, tbs }, caKey)).toBe(false);
    expect(verifyCertificateSignature(sdkCert, publicKeyFromPrivate(randomPrivateKey()))).toBe(false);
    expect(verifyCertificateSignature(sdkCert, sdkCert.publicKey)).toBe(false); // its own key did not sign it
    expect(verifyCertificateSignature(sdkCert, new Uint8Array(65))).toBe(false);
    expect(verifyCertificateSignature(sdkCert, Uint8Array.of(0x30, 0x00))).toBe(false);
    expect(verifyCertificateSignature({ ...sdkCert, signatureAlgorithm: '1.2.840.10045.4.3.3' }, caKey)).toBe(false);
  });

  it('catches every single-bit change anywhere in a ZATCA certificate: either it no longer parses or it no longer verifies', () => {
    const caKey = shared[0]!;
    let parsed = 0;
    for (let i = 0; i < sdkCert.der.length; i++) {
      const der = Uint8Array.from(sdkCert.der);
      der[i]! ^= 0x01;
      let cert: Certificate;
      try {
        cert = parseCertificate(der);
      } catch (e) {
        expect(e).toBeInstanceOf(Error);
        continue;
      }
      parsed++;
      expect(verifyCertificateSignature(cert, caKey)).toBe(false);
    }
    expect(parsed).toBeGreaterThan(sdkCert.der.length / 2); // most flips land in values, not structure
  });
});
