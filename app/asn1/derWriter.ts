// SPDX-License-Identifier: UNLICENSED
// DER encoders (X.690 §10): definite minimal lengths, minimal INTEGERs, sorted SET OF, primitive strings.
// Every function returns a complete TLV, so structures read as nested calls:
//   derSequence(derInteger(1n), derOctetString(key), derContext(0, derOid(OID.secp256k1)))
import { concatBytes } from '../bytes/hex';
import { utf8ToBytes } from '../bytes/utf8';

/** DER length octets for `length` (short form below 128, else minimal long form). */
export function derLength(length: number): Uint8Array {
  if (!Number.isSafeInteger(length) || length < 0) throw new Error(`DER length ${length}: must be a non-negative integer`);
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let v = length; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Uint8Array.from([0x80 | bytes.length, ...bytes]);
}

/** A TLV with a one-byte identifier (tag numbers below 31, which covers everything in X.509). */
export function derTlv(identifier: number, content: Uint8Array): Uint8Array {
  if (!Number.isInteger(identifier) || identifier < 0 || identifier > 0xff || (identifier & 0x1f) === 0x1f) {
    throw new Error(`DER identifier ${identifier}: must be a single octet with a tag number below 31`);
  }
  return concatBytes(Uint8Array.of(identifier), derLength(content.length), content);
}

export function derSequence(...parts: Uint8Array[]): Uint8Array {
  return derTlv(0x30, concatBytes(...parts));
}

/** SET / SET OF: DER orders the elements by their encodings (X.690 §11.6), which we do here. */
export function derSet(...parts: Uint8Array[]): Uint8Array {
  return derTlv(0x31, concatBytes(...[...parts].sort(compareBytes)));
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * INTEGER. A bigint/number is encoded in two's complement; a Uint8Array is read as an unsigned big-endian magnitude
 * (leading zeros dropped, a 00 prepended when the high bit is set), which is what ECDSA r/s and serials need.
 */
export function derInteger(value: bigint | number | Uint8Array): Uint8Array {
  if (value instanceof Uint8Array) {
    let i = 0;
    while (i < value.length - 1 && value[i] === 0) i++;
    const mag = value.length === 0 ? Uint8Array.of(0) : value.subarray(i);
    return derTlv(0x02, mag[0]! & 0x80 ? concatBytes(Uint8Array.of(0), mag) : mag);
  }
  if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new Error(`derInteger: ${value} is not a safe integer`);
  return derTlv(0x02, twosComplement(BigInt(value)));
}

function twosComplement(v: bigint): Uint8Array {
  const bytes: number[] = [];
  let x = v;
  for (;;) {
    const b = Number(x & 0xffn);
    bytes.unshift(b);
    x >>= 8n; // arithmetic shift: -1 stays -1
    if ((x === 0n && (b & 0x80) === 0) || (x === -1n && (b & 0x80) !== 0)) break;
  }
  return Uint8Array.from(bytes);
}

export function derBoolean(value: boolean): Uint8Array {
  return Uint8Array.of(0x01, 0x01, value ? 0xff : 0x00);
}

export function derNull(): Uint8Array {
  return Uint8Array.of(0x05, 0x00);
}

export function derOctetString(bytes: Uint8Array): Uint8Array {
  return derTlv(0x04, bytes);
}

/** BIT STRING with `unused` trailing bits in the last byte, which DER requires to be zero. */
export function derBitString(bytes: Uint8Array, unused = 0): Uint8Array {
  if (!Number.isInteger(unused) || unused < 0 || unused > 7 || (bytes.length === 0 && unused !== 0)) {
    throw new Error(`derBitString: unused bit count ${unused} is invalid for ${bytes.length} byte(s)`);
  }
  if (unused > 0 && (bytes[bytes.length - 1]! & ((1 << unused) - 1)) !== 0) throw new Error('derBitString: unused bits must be zero');
  return derTlv(0x03, concatBytes(Uint8Array.of(unused), bytes));
}

/**
 * A named-bit BIT STRING (KeyUsage and friends): `bits` are bit numbers, 0 = most significant bit of the first
 * byte. DER drops trailing zero bits (X.690 §11.2.2).
 */
export function derNamedBits(bits: number[]): Uint8Array {
  if (bits.length === 0) return derBitString(new Uint8Array(0));
  const highest = Math.max(...bits);
  const bytes = new Uint8Array((highest >> 3) + 1);
  for (const bit of bits) {
    if (!Number.isInteger(bit) || bit < 0) throw new Error(`derNamedBits: bit ${bit} is invalid`);
    bytes[bit >> 3]! |= 0x80 >> (bit & 7);
  }
  return derBitString(bytes, 7 - (highest & 7));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function derUtf8String(text: string): Uint8Array {
  if (LONE_SURROGATE.test(text)) throw new Error('derUtf8String: text contains an unpaired surrogate');
  return derTlv(0x0c, utf8ToBytes(text));
}

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/** True when `text` fits PrintableString (X.680 §41.4). */
export function isPrintableString(text: string): boolean {
  return PRINTABLE.test(text);
}

export function derPrintableString(text: string): Uint8Array {
  if (!PRINTABLE.test(text)) throw new Error('derPrintableString: text has characters outside the PrintableString set');
  return derTlv(0x13, asciiBytes(text));
}

export function derIa5String(text: string): Uint8Array {
  if (Array.from(text).some((c) => c.charCodeAt(0) > 0x7f)) throw new Error('derIa5String: text has non-ASCII characters');
  return derTlv(0x16, asciiBytes(text));
}

function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/**
 * UTCTime YYMMDDHHMMSSZ (years 1950–2049 only, RFC 5280 §4.1.2.5.1). Milliseconds are dropped: the DER form
 * carries whole seconds.
 */
export function derUtcTime(date: Date): Uint8Array {
  const year = checkedDate(date, 'derUtcTime').getUTCFullYear();
  if (year < 1950 || year > 2049) throw new Error(`derUtcTime: year ${year} is outside 1950–2049; use derGeneralizedTime`);
  return derTlv(0x17, asciiBytes(timeDigits(date).slice(2) + 'Z'));
}

/** GeneralizedTime YYYYMMDDHHMMSSZ without fractional seconds (RFC 5280 §4.1.2.5.2). */
export function derGeneralizedTime(date: Date): Uint8Array {
  const year = checkedDate(date, 'derGeneralizedTime').getUTCFullYear();
  if (year < 0 || year > 9999) throw new Error(`derGeneralizedTime: year ${year} is outside 0000–9999`);
  return derTlv(0x18, asciiBytes(timeDigits(date) + 'Z'));
}

/** The X.509 Time choice: UTCTime through 2049, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5). */
export function derX509Time(date: Date): Uint8Array {
  const year = checkedDate(date, 'derX509Time').getUTCFullYear();
  return year >= 1950 && year <= 2049 ? derUtcTime(date) : derGeneralizedTime(date);
}

function checkedDate(date: Date, fn: string): Date {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new Error(`${fn}: not a valid Date`);
  return date;
}

function timeDigits(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/**
 * Context-specific `[tagNo]`. Constructed (the default) is EXPLICIT tagging when `content` is a complete TLV, or
 * IMPLICIT tagging of a constructed type when it is the inner content; primitive is IMPLICIT tagging of a primitive.
 * An array is concatenated first.
 */
export function derContext(tagNo: number, content: Uint8Array | Uint8Array[], constructed = true): Uint8Array {
  if (!Number.isInteger(tagNo) || tagNo < 0 || tagNo > 30) throw new Error(`derContext: tag number ${tagNo} must be 0–30`);
  const body = Array.isArray(content) ? concatBytes(...content) : content;
  return derTlv(0x80 | (constructed ? 0x20 : 0) | tagNo, body);
}
