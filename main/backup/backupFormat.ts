// SPDX-License-Identifier: UNLICENSED
// The backup file, byte by byte (docs/backups.md):
//
//   "DUKKANBK"            8 bytes, the magic
//   header length         4 bytes, big-endian
//   header                JSON: format, manifest (backupManifest.ts), plain size, cipher, IV, key derivation
//   ciphertext            the SQLite snapshot encrypted with AES-256-GCM — in format 2 packed first, in brotli frames
//                         (snapshotPacking.ts); the magic, length and header are its additional authenticated data,
//                         so a changed manifest fails decryption too
//   tag                   16 bytes, GCM's
//   checksum              32 bytes, SHA-256 of everything before it
//
// The checksum needs no key: a damaged or truncated copy is named as such before anyone types a passphrase, and
// retention (retention.ts) checks a backup it relies on without decrypting it. AES-256-GCM and scrypt are in
// Electron's BoringSSL as in OpenSSL (test/support/boringsslProfile.mjs keeps the tests to BoringSSL's ciphers).
import { createHash, timingSafeEqual } from 'node:crypto';
import { open } from 'node:fs/promises';
import { DukkanError } from '../../app/errors/index';
import type { BackupManifest } from './backupManifest';
import type { PackingParams } from './snapshotPacking';

export const MAGIC = Buffer.from('DUKKANBK', 'latin1');
/** Format 1 encrypted the snapshot as it was; format 2 packs it first. Both are read. */
export const FORMAT = 2;
export const TAG_BYTES = 16;
export const CHECKSUM_BYTES = 32;
export const CHUNK_BYTES = 8 * 1024 * 1024;
const MAX_HEADER_BYTES = 1024 * 1024;

export interface KdfParams {
  readonly name: 'scrypt';
  readonly N: number;
  readonly r: number;
  readonly p: number;
  /** base64, 16 random bytes per backup. */
  readonly salt: string;
  /** base64 of a value derived from the key (backupCipher.ts): a wrong passphrase is named before decrypting. */
  readonly check: string;
}

export interface BackupHeader {
  readonly format: 1 | typeof FORMAT;
  readonly manifest: BackupManifest;
  /** The bytes encrypted: the snapshot (format 1) or the packed snapshot (format 2). */
  readonly plainBytes: number;
  /** Format 2: how the snapshot was packed, and its size unpacked. */
  readonly packing?: PackingParams;
  readonly snapshotBytes?: number;
  readonly cipher: 'aes-256-gcm';
  /** base64, 12 random bytes. */
  readonly iv: string;
  readonly kdf: KdfParams;
}

export interface OpenedBackup {
  readonly file: string;
  readonly header: BackupHeader;
  /** Magic, length and header: the additional authenticated data. */
  readonly prefix: Buffer;
  readonly size: number;
}

export function headerPrefix(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([MAGIC, length, json]);
}

export const expectedSize = (b: { prefix: Buffer; header: BackupHeader }): number => b.prefix.length + b.header.plainBytes + TAG_BYTES + CHECKSUM_BYTES;

function validHeader(v: unknown): v is BackupHeader {
  const h = v as Partial<BackupHeader> | null;
  return (
    !!h &&
    typeof h.manifest === 'object' &&
    h.manifest !== null &&
    typeof h.manifest.terminal === 'string' &&
    Array.isArray(h.manifest.chains) &&
    Number.isSafeInteger(h.plainBytes) &&
    h.cipher === 'aes-256-gcm' &&
    typeof h.iv === 'string' &&
    h.kdf?.name === 'scrypt' &&
    typeof h.kdf.salt === 'string' &&
    (h.format === 1 || validPacking(h))
  );
}

const MAX_FRAME_BYTES = 64 * 1024 * 1024;

function validPacking(h: Partial<BackupHeader>): boolean {
  const p = h.packing;
  return (
    p?.name === 'brotli' &&
    Number.isSafeInteger(p.quality) &&
    Number.isSafeInteger(p.frameBytes) &&
    p.frameBytes > 0 &&
    p.frameBytes <= MAX_FRAME_BYTES &&
    Number.isSafeInteger(h.snapshotBytes)
  );
}

/** Reads and checks the header: a file that is not a backup, of a newer format, or shorter than it says is refused. */
export async function openBackup(file: string): Promise<OpenedBackup> {
  const fh = await open(file, 'r');
  try {
    const size = (await fh.stat()).size;
    const start = Buffer.alloc(MAGIC.length + 4);
    const { bytesRead } = await fh.read(start, 0, start.length, 0);
    if (bytesRead < start.length || !start.subarray(0, MAGIC.length).equals(MAGIC)) throw new DukkanError('backup.not-a-backup', { file });
    const length = start.readUInt32BE(MAGIC.length);
    if (length > MAX_HEADER_BYTES) throw new DukkanError('backup.checksum-mismatch', { file });
    if (size < start.length + length) throw new DukkanError('backup.truncated', { file, bytes: size, expected: start.length + length });
    const json = Buffer.alloc(length);
    await fh.read(json, 0, length, start.length);
    let header: unknown;
    try {
      header = JSON.parse(json.toString('utf8'));
    } catch {
      throw new DukkanError('backup.checksum-mismatch', { file });
    }
    const format = (header as { format?: unknown } | null)?.format;
    if (typeof format === 'number' && format > FORMAT) throw new DukkanError('backup.newer-format', { file, format });
    if ((format !== 1 && format !== FORMAT) || !validHeader(header)) throw new DukkanError('backup.checksum-mismatch', { file });
    const opened = { file, header, prefix: Buffer.concat([start, json]), size };
    const expected = expectedSize(opened);
    if (size < expected) throw new DukkanError('backup.truncated', { file, bytes: size, expected });
    if (size > expected) throw new DukkanError('backup.checksum-mismatch', { file });
    return opened;
  } finally {
    await fh.close();
  }
}

/** Reads the whole file once: the SHA-256 of all but its last 32 bytes must equal those bytes. */
export async function verifyChecksum(backup: OpenedBackup): Promise<void> {
  const fh = await open(backup.file, 'r');
  try {
    const hash = createHash('sha256');
    const body = backup.size - CHECKSUM_BYTES;
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let at = 0; at < body;) {
      const { bytesRead } = await fh.read(buffer, 0, Math.min(CHUNK_BYTES, body - at), at);
      if (bytesRead === 0) throw new DukkanError('backup.truncated', { file: backup.file, bytes: at, expected: backup.size });
      hash.update(buffer.subarray(0, bytesRead));
      at += bytesRead;
    }
    const stored = Buffer.alloc(CHECKSUM_BYTES);
    await fh.read(stored, 0, CHECKSUM_BYTES, body);
    if (!timingSafeEqual(hash.digest(), stored)) throw new DukkanError('backup.checksum-mismatch', { file: backup.file });
  } finally {
    await fh.close();
  }
}
