// SPDX-License-Identifier: UNLICENSED
// The Phase 2 QR payload (reference §6): TLV records, tag and length one byte each (length in UTF-8 bytes, so a
// value cannot exceed 255 bytes), tags 1..9 in order, base64 of the whole byte string.
import { base64ToBytes, bytesToBase64 } from '../bytes/base64';
import { concatBytes } from '../bytes/hex';
import { bytesToUtf8, utf8ToBytes } from '../bytes/utf8';
import { DukkanError, type ErrorCode, type ErrorParams } from '../errors';

export interface QrFields {
  /** 1: seller registration name (BT-27), UTF-8. */
  readonly sellerName: string;
  /** 2: seller VAT number (BT-31). */
  readonly vatNumber: string;
  /** 3: IssueDate + 'T' + IssueTime, character for character as in the XML. */
  readonly timestamp: string;
  /** 4: TaxInclusiveAmount as written. */
  readonly totalWithVat: string;
  /** 5: VAT total (BT-110) as written. */
  readonly vatTotal: string;
  /** 6: the invoice hash, base64 text. */
  readonly invoiceHash: string;
  /** 7: ds:SignatureValue, base64 text. */
  readonly signature: string;
  /** 8: the signing certificate's public key as DER SubjectPublicKeyInfo. */
  readonly publicKey: Uint8Array;
  /** 9: the certificate's own signature (by the ZATCA CA); simplified documents only. */
  readonly certificateSignature?: Uint8Array;
}

/** A QR payload that is not the TLV records of reference §6, or a value those records cannot hold. */
export class QrEncodingError extends DukkanError {
  override readonly name = 'QrEncodingError';
  constructor(code: Extract<ErrorCode, `qr.${string}`>, params: ErrorParams, cause?: unknown) {
    super(code, params, { cause });
  }
}

function record(tag: number, value: Uint8Array): Uint8Array {
  if (value.length > 255) throw new QrEncodingError('qr.value-too-long', { tag, bytes: value.length });
  if (value.length === 0) throw new QrEncodingError('qr.value-empty', { tag });
  return concatBytes(Uint8Array.of(tag, value.length), value);
}

export function encodeQrTlv(fields: QrFields): Uint8Array {
  const parts = [
    record(1, utf8ToBytes(fields.sellerName)),
    record(2, utf8ToBytes(fields.vatNumber)),
    record(3, utf8ToBytes(fields.timestamp)),
    record(4, utf8ToBytes(fields.totalWithVat)),
    record(5, utf8ToBytes(fields.vatTotal)),
    record(6, utf8ToBytes(fields.invoiceHash)),
    record(7, utf8ToBytes(fields.signature)),
    record(8, fields.publicKey),
  ];
  if (fields.certificateSignature) parts.push(record(9, fields.certificateSignature));
  return concatBytes(...parts);
}

export function encodeQr(fields: QrFields): string {
  return bytesToBase64(encodeQrTlv(fields));
}

export interface DecodedQr {
  /** Raw values by tag number, in order of appearance. */
  readonly tags: ReadonlyMap<number, Uint8Array>;
  readonly fields: Partial<QrFields>;
}

/** Decodes a base64 QR payload; throws QrEncodingError with the offset of the first malformed record. */
export function decodeQr(base64Text: string): DecodedQr {
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(base64Text.trim());
  } catch (err) {
    throw new QrEncodingError('qr.not-base64', { detail: (err as Error).message }, err);
  }
  const tags = new Map<number, Uint8Array>();
  let i = 0;
  while (i < bytes.length) {
    if (i + 2 > bytes.length) throw new QrEncodingError('qr.truncated', { offset: i });
    const tag = bytes[i]!;
    const len = bytes[i + 1]!;
    if (i + 2 + len > bytes.length) throw new QrEncodingError('qr.length-overrun', { tag, offset: i, length: len, remaining: bytes.length - i - 2 });
    if (tags.has(tag)) throw new QrEncodingError('qr.duplicate-tag', { tag });
    tags.set(tag, bytes.slice(i + 2, i + 2 + len));
    i += 2 + len;
  }
  const text = (t: number) => {
    const v = tags.get(t);
    if (v === undefined) return undefined;
    try {
      return bytesToUtf8(v);
    } catch {
      throw new QrEncodingError('qr.not-utf8', { tag: t });
    }
  };
  const fields: { -readonly [K in keyof QrFields]?: QrFields[K] } = {};
  const set = <K extends keyof QrFields>(k: K, v: QrFields[K] | undefined) => {
    if (v !== undefined) fields[k] = v;
  };
  set('sellerName', text(1));
  set('vatNumber', text(2));
  set('timestamp', text(3));
  set('totalWithVat', text(4));
  set('vatTotal', text(5));
  set('invoiceHash', text(6));
  set('signature', text(7));
  set('publicKey', tags.get(8));
  set('certificateSignature', tags.get(9));
  return { tags, fields };
}
