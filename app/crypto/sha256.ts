// SPDX-License-Identifier: UNLICENSED
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '../bytes/hex';
import { utf8ToBytes } from '../bytes/utf8';

export function sha256(data: Uint8Array | string): Uint8Array {
  return nobleSha256(typeof data === 'string' ? utf8ToBytes(data) : data);
}

export function sha256Hex(data: Uint8Array | string): string {
  return bytesToHex(sha256(data));
}

/** An incremental SHA-256 for data that arrives in chunks (the C14N output stream). */
export function createSha256(): { update(chunk: Uint8Array): void; digest(): Uint8Array } {
  return nobleSha256.create();
}
