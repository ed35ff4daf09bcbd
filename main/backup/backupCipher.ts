// SPDX-License-Identifier: UNLICENSED
// Encrypting a snapshot into a backup file and back (layout: backupFormat.ts). The key is scrypt(passphrase, a
// random salt per backup); AES-256-GCM with a random 96-bit IV. Both run in Electron's BoringSSL (AES-GCM is in
// its cipher list, scrypt is EVP_PBE_scrypt); the tests run under test/support/boringsslProfile.mjs, which refuses
// OpenSSL-only ciphers. The file is streamed in 8 MiB chunks, so a ledger of any size never has to fit in memory and
// the main process answers the till between chunks.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { DukkanError } from '../../app/errors/index';
import type { BackupManifest } from './backupManifest';
import type { PackingParams } from './snapshotPacking';
import { CHECKSUM_BYTES, CHUNK_BYTES, FORMAT, headerPrefix, TAG_BYTES, type BackupHeader, type KdfParams, type OpenedBackup } from './backupFormat';

/** scrypt cost: 32 MiB and about 0.1 s per derivation here — once per backup, once per restore. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
const SCRYPT_MAXMEM = 64 * 1024 * 1024;
const CHECK_LABEL = 'dukkan backup key check';
const UPDATE_BYTES = 1024 * 1024;

function derive(passphrase: string, salt: Buffer, p: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase, salt, 32, { N: p.N, r: p.r, p: p.p, maxmem: SCRYPT_MAXMEM }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

const keyCheck = (key: Buffer): Buffer => createHmac('sha256', key).update(CHECK_LABEL).digest().subarray(0, 16);

export interface BackupKey {
  readonly key: Buffer;
  readonly kdf: KdfParams;
}

/** A fresh key for one backup: new salt, the check value stored in the header. */
export async function newBackupKey(passphrase: string): Promise<BackupKey> {
  const salt = randomBytes(16);
  const key = await derive(passphrase, salt, SCRYPT);
  return { key, kdf: { name: 'scrypt', ...SCRYPT, salt: salt.toString('base64'), check: keyCheck(key).toString('base64') } };
}

/** The key of an existing backup; a passphrase that does not give the stored check value is refused. */
export async function keyFor(backup: OpenedBackup, passphrase: string): Promise<Buffer> {
  const { kdf, manifest } = backup.header;
  const key = await derive(passphrase, Buffer.from(kdf.salt, 'base64'), kdf);
  const check = Buffer.from(kdf.check, 'base64');
  if (check.length !== 16 || !timingSafeEqual(keyCheck(key), check))
    throw new DukkanError('backup.wrong-passphrase', { file: backup.file, terminal: manifest.egsSerial ?? manifest.terminal, createdAt: manifest.createdAt });
  return key;
}

async function writeAll(out: FileHandle, data: Buffer, hash?: ReturnType<typeof createHash>): Promise<void> {
  hash?.update(data);
  for (let at = 0; at < data.length;) at += (await out.write(data, at, data.length - at)).bytesWritten;
}

/**
 * Runs one read chunk through the cipher in 1 MiB slices and writes the results: node:crypto allocates a fresh output
 * buffer per update, and 8 MiB ones cost three to four times as much per byte as 1 MiB ones here (page faults of
 * large allocations; BENCHMARKS.md, "Backups").
 */
async function transform(out: FileHandle, chunk: Buffer, step: (piece: Buffer) => Buffer, hash?: ReturnType<typeof createHash>): Promise<void> {
  const pieces: Buffer[] = [];
  for (let at = 0; at < chunk.length; at += UPDATE_BYTES) {
    const piece = step(chunk.subarray(at, Math.min(at + UPDATE_BYTES, chunk.length)));
    hash?.update(piece);
    pieces.push(piece);
  }
  const total = pieces.reduce((n, p) => n + p.length, 0);
  const written = (await out.writev(pieces)).bytesWritten;
  // a short write: the rest is written (or its error, a full or failing medium, raised) the ordinary way
  if (written < total) await writeAll(out, Buffer.concat(pieces).subarray(written));
}

/** The snapshot as it is encrypted: packed (format 2, snapshotPacking.ts), with its size unpacked. */
export interface PackedSnapshot {
  readonly file: string;
  readonly packing: PackingParams;
  readonly snapshotBytes: number;
}

/**
 * Writes the whole backup of the packed snapshot to the open handle `out` (a temporary file: the caller fsyncs and
 * renames) and returns its size.
 */
export async function encryptInto(out: FileHandle, packed: PackedSnapshot, manifest: BackupManifest, key: BackupKey): Promise<number> {
  const input = await open(packed.file, 'r');
  try {
    const plainBytes = (await input.stat()).size;
    const iv = randomBytes(12);
    const header: BackupHeader = {
      format: FORMAT,
      manifest,
      plainBytes,
      packing: packed.packing,
      snapshotBytes: packed.snapshotBytes,
      cipher: 'aes-256-gcm',
      iv: iv.toString('base64'),
      kdf: key.kdf,
    };
    const prefix = headerPrefix(header);
    const cipher = createCipheriv('aes-256-gcm', key.key, iv);
    cipher.setAAD(prefix);
    const hash = createHash('sha256');
    await writeAll(out, prefix, hash);
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let at = 0; at < plainBytes;) {
      const { bytesRead } = await input.read(buffer, 0, Math.min(CHUNK_BYTES, plainBytes - at), at);
      if (bytesRead === 0) throw new Error('the packed snapshot shrank while it was encrypted');
      await transform(out, buffer.subarray(0, bytesRead), (piece) => cipher.update(piece), hash);
      at += bytesRead;
    }
    await writeAll(out, cipher.final(), hash);
    await writeAll(out, cipher.getAuthTag(), hash);
    const digest = hash.digest();
    await writeAll(out, digest);
    return prefix.length + plainBytes + TAG_BYTES + CHECKSUM_BYTES;
  } finally {
    await input.close();
  }
}

/**
 * Decrypts the backup into the open handle `out`. GCM authenticates only at the end: the caller must not use the
 * output unless this resolves (it throws backup.checksum-mismatch when the tag does not verify).
 */
export async function decryptInto(out: FileHandle, backup: OpenedBackup, key: Buffer): Promise<void> {
  const input = await open(backup.file, 'r');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(backup.header.iv, 'base64'));
    decipher.setAAD(backup.prefix);
    const tag = Buffer.alloc(TAG_BYTES);
    const end = backup.prefix.length + backup.header.plainBytes;
    await input.read(tag, 0, TAG_BYTES, end);
    decipher.setAuthTag(tag);
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let at = backup.prefix.length; at < end;) {
      const { bytesRead } = await input.read(buffer, 0, Math.min(CHUNK_BYTES, end - at), at);
      if (bytesRead === 0) throw new DukkanError('backup.truncated', { file: backup.file, bytes: at, expected: backup.size });
      await transform(out, buffer.subarray(0, bytesRead), (piece) => decipher.update(piece));
      at += bytesRead;
    }
    try {
      await writeAll(out, decipher.final());
    } catch {
      throw new DukkanError('backup.checksum-mismatch', { file: backup.file });
    }
  } finally {
    await input.close();
  }
}
