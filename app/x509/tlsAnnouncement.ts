// SPDX-License-Identifier: UNLICENSED
// The store server's announcement of its next TLS certificate (docs/store-server.md, "Replacing the certificate"):
// "next fingerprint F2, from time T", signed with the key of the certificate the tills pinned (ECDSA P-256 with
// SHA-256, via @noble/curves like every EC signature here: eslint.config.js keeps node:crypto's EC functions out).
// The statement carries that current certificate, so a till that pinned only its fingerprint checks the certificate
// against the pin, then the signature against the certificate's public key: a statement signed by any other key —
// someone between the till and the server, or a second server — is refused and changes nothing.
import { p256 } from '@noble/curves/nist.js';
import { childrenOf, DerTag, expectUniversal, isContext, parseDer, type DerNode } from '../asn1/derReader';
import { OID, decodeOid } from '../asn1/oid';
import { decodePem } from '../asn1/pem';
import { base64ToBytes, bytesToBase64 } from '../bytes/base64';
import { parseCertificate } from './parseCertificate';
import { certificateFingerprint } from './tlsCertificate';

export interface TlsAnnouncement {
  /** Base64 DER of the certificate the server serves now (the one the till pinned). */
  readonly certificate: string;
  /** SHA-256 fingerprint of the certificate the server will serve from `from` on. */
  readonly next: string;
  /** ISO 8601 time from which the server serves `next`. */
  readonly from: string;
  /** Base64 DER ECDSA signature, by the current certificate's key, of tlsAnnouncementMessage(). */
  readonly signature: string;
}

const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

/** The exact bytes signed: a domain tag, the current and the next fingerprint, and the switch time. */
export function tlsAnnouncementMessage(current: string, next: string, from: string): Uint8Array {
  return new TextEncoder().encode(`dukkan-store-tls-next-v1\n${current}\n${next}\n${from}`);
}

export function signTlsAnnouncement(o: { certificateDer: Uint8Array; privateKey: Uint8Array; next: string; from: Date }): TlsAnnouncement {
  const from = o.from.toISOString();
  const message = tlsAnnouncementMessage(certificateFingerprint(o.certificateDer), o.next, from);
  const signature = p256.sign(message, o.privateKey, { prehash: true, format: 'der' });
  return { certificate: bytesToBase64(o.certificateDer), next: o.next, from, signature: bytesToBase64(signature) };
}

/**
 * The next fingerprint and its time when `a` is signed by the key of the certificate pinned as `pinned`; undefined
 * for anything else (a forgery: the caller refuses it and changes nothing). Nothing in `a` is trusted before that.
 */
export function verifyTlsAnnouncement(a: TlsAnnouncement, pinned: string): { next: string; from: Date } | undefined {
  try {
    if (typeof a?.certificate !== 'string' || typeof a.signature !== 'string' || typeof a.from !== 'string') return undefined;
    if (typeof a.next !== 'string' || !FINGERPRINT.test(a.next) || a.next === pinned) return undefined;
    const from = new Date(a.from);
    if (Number.isNaN(from.getTime()) || from.toISOString() !== a.from) return undefined;
    const der = base64ToBytes(a.certificate);
    if (certificateFingerprint(der) !== pinned) return undefined;
    const certificate = parseCertificate(der);
    if (certificate.publicKeyAlgorithm !== OID.ecPublicKey || certificate.publicKeyCurve !== OID.prime256v1) return undefined;
    const message = tlsAnnouncementMessage(pinned, a.next, a.from);
    const ok = p256.verify(base64ToBytes(a.signature), message, certificate.publicKey, { prehash: true, format: 'der' });
    return ok ? { next: a.next, from } : undefined;
  } catch {
    return undefined; // not base64, not a certificate, not a DER signature: not a statement of the pinned key
  }
}

/**
 * The P-256 private scalar of a PEM key — SEC1 "EC PRIVATE KEY" (RFC 5915) or PKCS#8 "PRIVATE KEY" (RFC 5208) —
 * or undefined for any other key (RSA, another curve): only a P-256 key can sign an announcement.
 */
export function p256PrivateScalar(pem: string): Uint8Array | undefined {
  const block = decodePem(pem).find((b) => b.label === 'EC PRIVATE KEY' || b.label === 'PRIVATE KEY');
  if (!block) return undefined;
  try {
    let sec1: DerNode = parseDer(block.der);
    if (block.label === 'PRIVATE KEY') {
      const [, algorithm, octets] = childrenOf(expectUniversal(sec1, DerTag.SEQUENCE, 'PKCS#8'));
      const [oid, curve] = childrenOf(expectUniversal(algorithm, DerTag.SEQUENCE, 'PKCS#8 algorithm'));
      if (oidText(oid) !== OID.ecPublicKey || oidText(curve) !== OID.prime256v1) return undefined;
      sec1 = parseDer(expectUniversal(octets, DerTag.OCTET_STRING, 'PKCS#8 key').content);
    }
    const [, scalar, params] = childrenOf(expectUniversal(sec1, DerTag.SEQUENCE, 'SEC1'));
    if (isContext(params, 0) && oidText(childrenOf(params)[0]) !== OID.prime256v1) return undefined;
    const key = expectUniversal(scalar, DerTag.OCTET_STRING, 'SEC1 key').content;
    return key.length === 32 ? key.slice() : undefined;
  } catch {
    return undefined;
  }
}

function oidText(node: DerNode | undefined): string | undefined {
  return node && node.cls === 0 && node.tag === DerTag.OID ? decodeOid(node) : undefined;
}
