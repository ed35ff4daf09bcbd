// SPDX-License-Identifier: UNLICENSED
// xades:CertDigest and the issuer signature check.
import { bytesToBase64 } from '../bytes/base64';
import { utf8ToBytes } from '../bytes/utf8';
import { sha256Hex } from '../crypto/sha256';
import { OID } from '../asn1/oid';
import type { EcCurveName } from '../keys/spki';
import { curveFromOid, curveOfPoint, parseSpki, verifyEcdsaSha256 } from '../keys/spki';
import type { Certificate } from './parseCertificate';
import { parseCertificate } from './parseCertificate';

/**
 * xades:CertDigest DigestValue (reference §3) = base64( lowercase hex( SHA-256( ASCII of the one-line base64 DER
 * text ) ) ): 88 characters. Not SHA-256 over the DER, not base64 of the raw digest. A string argument is parsed
 * first (any form parseCertificate accepts), so the digest is always over the canonical one-line text, which is
 * what goes into ds:X509Certificate.
 */
export function certificateDigest(cert: Certificate | string): string {
  if (typeof cert === 'string') return digestOfBase64Der(parseCertificate(cert).base64Der);
  // the same CSID signs every document for a year: compute its digest once per parsed certificate
  let digest = DIGESTS.get(cert);
  if (digest === undefined) DIGESTS.set(cert, (digest = digestOfBase64Der(cert.base64Der)));
  return digest;
}

const DIGESTS = new WeakMap<Certificate, string>();

function digestOfBase64Der(base64Der: string): string {
  return bytesToBase64(utf8ToBytes(sha256Hex(base64Der)));
}

/**
 * Checks the issuer's ecdsa-with-SHA256 signature over the TBS bytes. `issuerPublicKey` is the issuer's
 * certificate, its DER SubjectPublicKeyInfo, or a raw EC point (65/33 bytes) on secp256k1 or P-256 — ZATCA's
 * issuing CAs sign with P-256 keys while EGS keys are secp256k1. Returns false (never throws) for any other
 * algorithm, an unusable key or a bad signature.
 */
export function verifyCertificateSignature(cert: Certificate, issuerPublicKey: Uint8Array | Certificate): boolean {
  if (cert.signatureAlgorithm !== OID.ecdsaWithSha256) return false;
  const key = issuerKey(issuerPublicKey);
  if (!key) return false;
  return verifyEcdsaSha256(key.curve, cert.signatureValue, cert.tbs, key.point);
}

function issuerKey(input: Uint8Array | Certificate): { curve: EcCurveName; point: Uint8Array } | undefined {
  if (!(input instanceof Uint8Array)) {
    const curve = curveFromOid(input.publicKeyCurve);
    return curve ? { curve, point: input.publicKey } : undefined;
  }
  if (input[0] === 0x30) {
    try {
      const spki = parseSpki(input);
      const curve = curveFromOid(spki.curveOid);
      return curve && spki.algorithm === OID.ecPublicKey ? { curve, point: spki.publicKey } : undefined;
    } catch {
      return undefined;
    }
  }
  const curve = curveOfPoint(input);
  return curve ? { curve, point: input } : undefined;
}
