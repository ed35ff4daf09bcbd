// SPDX-License-Identifier: UNLICENSED
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8ToBytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Throws on malformed UTF-8 rather than inventing replacement characters. */
export function bytesToUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export function utf8ByteLength(text: string): number {
  return encoder.encode(text).length;
}
