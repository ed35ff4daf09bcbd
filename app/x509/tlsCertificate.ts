// SPDX-License-Identifier: UNLICENSED
// The store server's own TLS certificate (docs/store-server.md, "TLS and the pinned certificate"): self-signed,
// ECDSA P-256 with SHA-256 — what Node's OpenSSL and Electron's BoringSSL both speak in TLS 1.2 and 1.3 — built
// with @noble/curves rather than node:crypto's EC functions, which the lint rules keep out of every zone
// (eslint.config.js). Nobody verifies it through a CA: the tills pin its SHA-256 fingerprint at enrolment. The
// profile is the one `openssl req -x509` writes (basicConstraints CA, key identifiers), which OpenSSL and BoringSSL
// accept as their own trust anchor when a till hands it over as the only CA.
import { p256 } from '@noble/curves/nist.js';
import { derBitString, derBoolean, derContext, derInteger, derOctetString, derSequence, derTlv, derX509Time } from '../asn1/derWriter';
import { OID, derOid } from '../asn1/oid';
import { encodePem } from '../asn1/pem';
import { bytesToHex } from '../bytes/hex';
import { sha256 } from '../crypto/sha256';
import { encodeExtension } from './extensions';
import { encodeName } from './name';

export interface TlsIdentity {
  /** PEM "CERTIFICATE". */
  readonly certificatePem: string;
  /** PEM "EC PRIVATE KEY" (SEC1, RFC 5915) as node:tls takes it. */
  readonly privateKeyPem: string;
  /** SHA-256 of the certificate's DER, upper-case hex pairs joined by colons (as node:tls's fingerprint256). */
  readonly fingerprint: string;
}

export interface TlsIdentityOptions {
  /** A P-256 scalar (32 bytes) from a secure random source. */
  readonly privateKey: Uint8Array;
  readonly commonName: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Positive, under 2^159 (RFC 5280 §4.1.2.2). */
  readonly serial: bigint;
}

/** SHA-256 of a certificate's DER in the form node:tls reports it (`fingerprint256`). */
export function certificateFingerprint(der: Uint8Array): string {
  return bytesToHex(sha256(der))
    .toUpperCase()
    .replace(/(..)(?!$)/g, '$1:');
}

export function createTlsIdentity(o: TlsIdentityOptions): TlsIdentity {
  if (o.serial <= 0n || o.serial >= 1n << 159n) throw new Error('createTlsIdentity: serial must be positive and fit in 20 bytes');
  if (!(o.notAfter.getTime() > o.notBefore.getTime())) throw new Error('createTlsIdentity: notAfter must be later than notBefore');
  const publicKey = p256.getPublicKey(o.privateKey, false);
  const name = encodeName([{ oid: OID.commonName, value: o.commonName }]);
  const keyId = sha256(publicKey).slice(0, 20); // RFC 7093 §2 method 1
  const signatureAlgorithm = derSequence(derOid(OID.ecdsaWithSha256));
  const tbs = derSequence(
    derContext(0, derInteger(2n)), // v3
    derInteger(o.serial),
    signatureAlgorithm,
    name,
    derSequence(derX509Time(o.notBefore), derX509Time(o.notAfter)),
    name,
    derSequence(derSequence(derOid(OID.ecPublicKey), derOid(OID.prime256v1)), derBitString(publicKey)),
    derContext(
      3,
      derSequence(
        encodeExtension(OID.subjectKeyIdentifier, false, derOctetString(keyId)),
        encodeExtension(OID.authorityKeyIdentifier, false, derSequence(derTlv(0x80, keyId))),
        encodeExtension(OID.basicConstraints, true, derSequence(derBoolean(true))),
      ),
    ),
  );
  const signature = p256.sign(tbs, o.privateKey, { prehash: true, format: 'der' });
  const certificate = derSequence(tbs, signatureAlgorithm, derBitString(signature));
  const sec1 = derSequence(derInteger(1n), derOctetString(o.privateKey), derContext(0, derOid(OID.prime256v1)), derContext(1, derBitString(publicKey)));
  return {
    certificatePem: encodePem('CERTIFICATE', certificate),
    privateKeyPem: encodePem('EC PRIVATE KEY', sec1),
    fingerprint: certificateFingerprint(certificate),
  };
}
