// SPDX-License-Identifier: UNLICENSED
// PEM (RFC 7468) and the other text wrappings ZATCA material arrives in. The SDK writes keys and certificates as
// headerless base64 (reference §8, §13); the Fatoora API returns certificates as base64 of that base64 text
// (binarySecurityToken, reference §3) and takes CSRs as base64 of the PEM text (reference §8). `derFromInput`
// peels these layers until it reaches DER.
import { base64ToBytes, bytesToBase64 } from '../bytes/base64';
import { bytesToUtf8 } from '../bytes/utf8';

export interface PemBlock {
  label: string;
  der: Uint8Array;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;

/** Every PEM block in `text`, in order. Encapsulated headers (legacy encrypted PEM) are refused. */
export function decodePem(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  for (const m of text.matchAll(BLOCK)) {
    const [, label, body, endLabel] = m as unknown as [string, string, string, string];
    if (label !== endLabel) throw new Error(`PEM: BEGIN ${label} is closed by END ${endLabel}`);
    if (body.includes(':')) throw new Error(`PEM ${label}: encapsulated headers (encrypted PEM) are not supported`);
    let der: Uint8Array;
    try {
      der = base64ToBytes(body);
    } catch {
      throw new Error(`PEM ${label}: body is not valid base64`);
    }
    out.push({ label, der });
  }
  return out;
}

/** PEM text with 64-character lines and LF line ends, as openssl writes it. */
export function encodePem(label: string, der: Uint8Array): string {
  const b64 = bytesToBase64(der);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export interface DerInputOptions {
  /** PEM labels accepted, e.g. ['CERTIFICATE']; the first matching block is used. */
  labels: string[];
  /** Used in error messages, e.g. 'certificate'. */
  what: string;
}

const BASE64_TEXT = /^[A-Za-z0-9+/=\s]+$/;

/**
 * DER bytes from: DER bytes; PEM text (as a string or as file bytes); base64 of DER; base64 of base64 of DER;
 * base64 of PEM text. Errors name `what` and the form problem, never the input.
 */
export function derFromInput(input: string | Uint8Array, options: DerInputOptions): Uint8Array {
  let current: string | Uint8Array = input;
  for (let layer = 0; layer < 4; layer++) {
    if (current instanceof Uint8Array) {
      if (current[0] === 0x30) return current;
      current = bytesAsText(current, options.what);
      continue;
    }
    const text: string = current;
    if (text.includes('-----BEGIN ')) {
      const blocks = decodePem(text);
      const block = blocks.find((b) => options.labels.includes(b.label));
      if (!block) {
        const found = blocks.map((b) => b.label).join(', ') || 'none';
        throw new Error(`${options.what}: expected a PEM block labelled ${options.labels.join(' or ')}, found ${found}`);
      }
      return block.der;
    }
    const trimmed = text.trim();
    if (trimmed === '' || !BASE64_TEXT.test(trimmed)) throw new Error(`${options.what}: input is neither DER, PEM nor base64`);
    try {
      current = base64ToBytes(trimmed);
    } catch {
      throw new Error(`${options.what}: input is not valid base64`);
    }
  }
  throw new Error(`${options.what}: too many layers of encoding`);
}

function bytesAsText(bytes: Uint8Array, what: string): string {
  try {
    return bytesToUtf8(bytes);
  } catch {
    throw new Error(`${what}: input is neither DER (starting 0x30) nor text`);
  }
}
