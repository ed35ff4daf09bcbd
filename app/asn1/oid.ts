// SPDX-License-Identifier: UNLICENSED
// OBJECT IDENTIFIER encoding (X.690 §8.19) and the OIDs this engine meets in keys, certificates and CSRs.
import type { DerNode } from './derReader';
import { DerTag, isUniversal } from './derReader';
import { derTlv } from './derWriter';

export const OID = {
  // keys and signatures (RFC 5480, SEC 2, RFC 5758)
  ecPublicKey: '1.2.840.10045.2.1',
  secp256k1: '1.3.132.0.10',
  prime256v1: '1.2.840.10045.3.1.7',
  secp384r1: '1.3.132.0.34',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  rsaEncryption: '1.2.840.113549.1.1.1',
  // PKCS#9
  extensionRequest: '1.2.840.113549.1.9.14',
  emailAddress: '1.2.840.113549.1.9.1',
  // X.509 extensions (RFC 5280 §4.2)
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  kpClientAuth: '1.3.6.1.5.5.7.3.2',
  kpCodeSigning: '1.3.6.1.5.5.7.3.3',
  /** Microsoft certificate template name; ZATCA's CSR environment switch (reference §8). */
  certificateTemplateName: '1.3.6.1.4.1.311.20.2',
  // attribute types (X.520, RFC 4519)
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  countryName: '2.5.4.6',
  localityName: '2.5.4.7',
  stateOrProvinceName: '2.5.4.8',
  streetAddress: '2.5.4.9',
  organizationName: '2.5.4.10',
  organizationalUnitName: '2.5.4.11',
  title: '2.5.4.12',
  businessCategory: '2.5.4.15',
  registeredAddress: '2.5.4.26',
  organizationIdentifier: '2.5.4.97',
  userId: '0.9.2342.19200300.100.1.1',
  domainComponent: '0.9.2342.19200300.100.1.25',
} as const;

const OID_TEXT = /^[0-2](\.(0|[1-9][0-9]*))+$/;

/** Encodes a dotted OID as a complete DER OBJECT IDENTIFIER (tag 06). */
export function derOid(dotted: string): Uint8Array {
  return derTlv(0x06, encodeOidContent(dotted));
}

export function encodeOidContent(dotted: string): Uint8Array {
  if (!OID_TEXT.test(dotted)) throw new Error(`OID '${dotted}': expected dotted decimal arcs like 1.2.840.10045.2.1`);
  const arcs = dotted.split('.').map((a) => BigInt(a));
  const [a0, a1] = [arcs[0]!, arcs[1]!];
  if (a0 < 2n && a1 > 39n) throw new Error(`OID '${dotted}': second arc must be below 40 when the first is 0 or 1 (X.690 §8.19.4)`);
  const out: number[] = [];
  for (const arc of [a0 * 40n + a1, ...arcs.slice(2)]) {
    const group: number[] = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) group.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...group);
  }
  return Uint8Array.from(out);
}

/** Decodes OID content bytes, or a parsed OBJECT IDENTIFIER node, to dotted form. */
export function decodeOid(input: Uint8Array | DerNode): string {
  let bytes: Uint8Array;
  if (input instanceof Uint8Array) {
    bytes = input;
  } else {
    if (!isUniversal(input, DerTag.OID)) throw new Error('decodeOid: node is not an OBJECT IDENTIFIER');
    bytes = input.content;
  }
  if (bytes.length === 0 || bytes[bytes.length - 1]! & 0x80) throw new Error('decodeOid: malformed OBJECT IDENTIFIER content');
  const values: bigint[] = [];
  let v = 0n;
  let fresh = true;
  for (const b of bytes) {
    if (fresh && b === 0x80) throw new Error('decodeOid: arc is not minimally encoded');
    v = (v << 7n) | BigInt(b & 0x7f);
    fresh = (b & 0x80) === 0;
    if (fresh) {
      values.push(v);
      v = 0n;
    }
  }
  const first = values[0]!;
  const head = first < 80n ? [first / 40n, first % 40n] : [2n, first - 80n];
  return [...head, ...values.slice(1)].map(String).join('.');
}
