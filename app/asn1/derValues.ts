// SPDX-License-Identifier: UNLICENSED
// Reading primitive values out of parsed DER nodes. Each reader checks the node's type and throws an Error that
// names `what` (the field being read) and the rule; contents are never echoed.
import { bytesToHex } from '../bytes/hex';
import { bytesToUtf8 } from '../bytes/utf8';
import type { DerNode } from './derReader';
import { DerClass, DerTag, expectUniversal } from './derReader';

/** Signed (two's complement) INTEGER value. */
export function decodeInteger(node: DerNode | undefined, what = 'INTEGER'): bigint {
  const { content } = expectUniversal(node, DerTag.INTEGER, what);
  let v = 0n;
  for (const b of content) v = (v << 8n) | BigInt(b);
  if (content[0]! & 0x80) v -= 1n << BigInt(content.length * 8);
  return v;
}

export function decodeBoolean(node: DerNode | undefined, what = 'BOOLEAN'): boolean {
  return expectUniversal(node, DerTag.BOOLEAN, what).content[0] === 0xff;
}

/** BIT STRING as { unused, bytes } where `bytes` excludes the leading unused-bits count. */
export function decodeBitString(node: DerNode | undefined, what = 'BIT STRING'): { unused: number; bytes: Uint8Array } {
  const { content } = expectUniversal(node, DerTag.BIT_STRING, what);
  return { unused: content[0]!, bytes: content.subarray(1) };
}

/** BIT STRING that must hold whole octets (keys, signatures), returned without the unused-bits byte. */
export function decodeOctetAlignedBitString(node: DerNode | undefined, what = 'BIT STRING'): Uint8Array {
  const { unused, bytes } = decodeBitString(node, what);
  if (unused !== 0) throw new Error(`${what}: BIT STRING must hold whole bytes (unused bits ${unused})`);
  return bytes;
}

export function decodeOctetString(node: DerNode | undefined, what = 'OCTET STRING'): Uint8Array {
  return expectUniversal(node, DerTag.OCTET_STRING, what).content;
}

const STRING_TAGS = new Set<number>([
  DerTag.UTF8_STRING,
  DerTag.NUMERIC_STRING,
  DerTag.PRINTABLE_STRING,
  DerTag.T61_STRING,
  DerTag.IA5_STRING,
  DerTag.VISIBLE_STRING,
  DerTag.UNIVERSAL_STRING,
  DerTag.BMP_STRING,
]);

export function isStringNode(node: DerNode | undefined): node is DerNode {
  return node !== undefined && node.cls === DerClass.UNIVERSAL && STRING_TAGS.has(node.tag);
}

/** Any ASN.1 character string (DirectoryString and friends) as a JS string. */
export function decodeString(node: DerNode | undefined, what = 'string'): string {
  if (!isStringNode(node)) throw new Error(`${what}: expected a character string`);
  const c = node.content;
  switch (node.tag) {
    case DerTag.UTF8_STRING:
      try {
        return bytesToUtf8(c);
      } catch {
        throw new Error(`${what}: UTF8String is not valid UTF-8`);
      }
    case DerTag.T61_STRING:
      // Teletex in practice carries Latin-1 (RFC 5280 §4.1.2.4 discourages it; read it leniently)
      return String.fromCharCode(...c);
    case DerTag.BMP_STRING: {
      if (c.length % 2) throw new Error(`${what}: BMPString has an odd byte count`);
      let s = '';
      for (let i = 0; i < c.length; i += 2) s += String.fromCharCode((c[i]! << 8) | c[i + 1]!);
      return s;
    }
    case DerTag.UNIVERSAL_STRING: {
      if (c.length % 4) throw new Error(`${what}: UniversalString byte count is not a multiple of 4`);
      let s = '';
      for (let i = 0; i < c.length; i += 4) s += String.fromCodePoint(((c[i]! << 24) | (c[i + 1]! << 16) | (c[i + 2]! << 8) | c[i + 3]!) >>> 0);
      return s;
    }
    default:
      for (const b of c) if (b > 0x7f) throw new Error(`${what}: non-ASCII byte in an ASCII string type`);
      return String.fromCharCode(...c);
  }
}

const UTC_TIME = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/;
const GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d*[1-9]))?Z$/;

/** UTCTime or GeneralizedTime in the DER forms RFC 5280 §4.1.2.5 allows (seconds present, 'Z'). */
export function decodeTime(node: DerNode | undefined, what = 'time'): Date {
  if (node?.cls !== DerClass.UNIVERSAL || (node.tag !== DerTag.UTC_TIME && node.tag !== DerTag.GENERALIZED_TIME)) {
    throw new Error(`${what}: expected UTCTime or GeneralizedTime`);
  }
  const text = String.fromCharCode(...node.content);
  const m = (node.tag === DerTag.UTC_TIME ? UTC_TIME : GENERALIZED_TIME).exec(text);
  if (!m)
    throw new Error(`${what}: '${text}' is not a DER ${node.tag === DerTag.UTC_TIME ? 'UTCTime (YYMMDDHHMMSSZ)' : 'GeneralizedTime (YYYYMMDDHHMMSS[.f]Z)'}`);
  const n = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const year = node.tag === DerTag.UTC_TIME ? (n[0] < 50 ? 2000 + n[0] : 1900 + n[0]) : n[0];
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  const d = new Date(Date.UTC(year, n[1] - 1, n[2], n[3], n[4], n[5], ms));
  d.setUTCFullYear(year); // Date.UTC maps years 0–99 to 1900–1999
  if (d.getUTCMonth() !== n[1] - 1 || d.getUTCDate() !== n[2] || d.getUTCHours() !== n[3] || d.getUTCMinutes() !== n[4] || d.getUTCSeconds() !== n[5]) {
    throw new Error(`${what}: '${text}' is not a real calendar time`);
  }
  return d;
}

/** RFC 4514 §2.4 form for a value that is not a string: '#' + hex of its whole DER encoding. */
export function hexValue(node: DerNode): string {
  return `#${bytesToHex(node.raw)}`;
}
