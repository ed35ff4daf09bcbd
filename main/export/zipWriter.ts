// SPDX-License-Identifier: UNLICENSED
// A small ZIP writer (APPNOTE.TXT 6.3: local headers, DEFLATE via node:zlib deflateRaw, central directory, end of
// central directory) that streams entries to a file, so an export of a busy month never sits in memory at once.
// UTF-8 names (general purpose bit 11). No ZIP64: more than 65,535 entries or 4 GiB is refused, not corrupted.
//
// The compression and the final fsync run in libuv's thread pool, not on the main thread that answers the till: an
// export of a long day was one uninterrupted block of the event loop (BENCHMARKS.md, "A long day"). Entries are
// compressed in parallel as they are added and written in the order they were added.
import { close, closeSync, fsync, openSync, renameSync, rmSync, write, writeSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { crc32 as zlibCrc32, deflateRaw } from 'node:zlib';
import { RIYADH_OFFSET_MS } from '../../app/time/riyadhTime';
import { PRIVATE_FILE_MODE } from '../fs/privateFiles';
import type { DeflatedBytes } from './deflatingEntry';

const deflateRawAsync = promisify(deflateRaw);
const fsyncAsync = promisify(fsync);
const closeAsync = promisify(close);
const writeAsync = promisify(write);

/** CRC-32 (ISO 3309 / ITU-T V.42, the ZIP and PNG checksum), by zlib. */
export function crc32(bytes: Uint8Array): number {
  return zlibCrc32(bytes) >>> 0;
}

/**
 * MS-DOS date and time (2-second resolution; the years 1980–2107) in Riyadh time, the clock of the documents inside
 * (app/time/riyadhTime.ts): a zone-less field, so written as the shop reads its own documents' times, whatever the
 * computer's zone.
 */
export function dosDateTime(instant: Date): { date: number; time: number } {
  const at = new Date(instant.getTime() + RIYADH_OFFSET_MS);
  const year = Math.min(Math.max(at.getUTCFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
  };
}

interface CentralEntry {
  readonly name: Buffer;
  readonly crc: number;
  readonly compressed: number;
  readonly size: number;
  readonly offset: number;
  readonly date: number;
  readonly time: number;
  readonly method: number;
}

/** An entry's bytes as they go into the archive, with what its headers say of them. */
interface EntryBody {
  readonly method: number;
  readonly pieces: readonly Uint8Array[];
  readonly crc: number;
  readonly size: number;
}

const LIMIT = 0xffffffff;
const UTF8_FLAG = 0x0800;
/**
 * The central directory is written in pieces of about this size: a header and a name per entry written one by one
 * were 40,000 system calls for a 20,000-document day (150 ms), and one buffer of all of them grew with the period
 * (megabytes for a long day, more for a year).
 */
const DIRECTORY_PIECE = 64 * 1024;

export class ZipWriter {
  private readonly fd: number;
  private readonly tmp: string;
  private offset = 0;
  private readonly entries: CentralEntry[] = [];
  private readonly names = new Set<string>();
  private finished = false;
  private aborted = false;
  private closed = false;
  /** The entries' writes, in the order add() was called; the first failure fails every later one. */
  private written: Promise<void> = Promise.resolve();

  /** Writes to `file` through a temporary file renamed at finish(): a reader never sees half a zip. */
  constructor(private readonly file: string) {
    this.tmp = ZipWriter.temporaryFileOf(file);
    this.fd = openSync(this.tmp, 'w', PRIVATE_FILE_MODE); // owner-only, as every file in the data folder (privateFiles.ts)
  }

  /**
   * The file a zip of `file` is written to until finish(), by this process: a writer stopped before it could abort
   * (its worker thread terminated) leaves it, and whoever started it removes it (main/export/documentExporter.ts).
   */
  static temporaryFileOf(file: string): string {
    return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  }

  /** Refuses what would take the archive past 4 GiB: its offsets are 32-bit without ZIP64. */
  private fits(length: number): void {
    if (this.offset + length > LIMIT) throw new Error('zip: the archive would exceed 4 GiB (ZIP64 is not supported)');
  }

  private write(bytes: Uint8Array): void {
    this.fits(bytes.length);
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done);
    this.offset += bytes.length;
  }

  /** Writes at the end of the archive from the thread pool (nothing else writes meanwhile: every entry is written). */
  private async writeInPool(bytes: Buffer): Promise<void> {
    this.fits(bytes.length);
    let done = 0;
    while (done < bytes.length) done += (await writeAsync(this.fd, bytes, done, bytes.length - done, this.offset + done)).bytesWritten;
    this.offset += bytes.length;
  }

  /**
   * Adds an entry: checked at once (a bad name throws here), compressed in the thread pool, written after every
   * entry added before it. Resolves when it is written.
   */
  add(name: string, data: Uint8Array, modified: Date = new Date()): Promise<void> {
    this.claim(name);
    const crc = crc32(data);
    const body = deflateRawAsync(data, { level: 6 }).then((deflated): EntryBody => {
      // store when compression does not help (tiny files)
      const method = deflated.length < data.length ? 8 : 0;
      return { method, pieces: [method === 8 ? deflated : data], crc, size: data.length };
    });
    return this.enqueue(name, modified, body);
  }

  /**
   * Adds an entry compressed elsewhere, a piece at a time (deflatingEntry.ts), in the order of add() and
   * addDeflated() calls like any other; written once `deflated` settles.
   */
  addDeflated(name: string, deflated: Promise<DeflatedBytes>, modified: Date = new Date()): Promise<void> {
    this.claim(name);
    return this.enqueue(
      name,
      modified,
      deflated.then((d): EntryBody => ({ method: 8, pieces: d.chunks, crc: d.crc, size: d.size })),
    );
  }

  /** Checks a new entry's name at once (a bad one throws at the call) and keeps it from being added twice. */
  private claim(name: string): void {
    if (this.finished) throw new Error('zip: add() after finish()');
    if (!name || name.startsWith('/') || name.split('/').some((p) => p === '..' || p === '') || name.includes('\\'))
      throw new Error(`zip: entry name ${JSON.stringify(name)} must be a relative path without .. or backslashes`);
    if (this.names.has(name)) throw new Error(`zip: duplicate entry ${name}`);
    if (this.names.size >= 0xffff) throw new Error('zip: more than 65,535 entries (ZIP64 is not supported)');
    this.names.add(name);
  }

  /** Writes an entry once `bodyReady` settles and every entry added before it is written. */
  private enqueue(name: string, modified: Date, bodyReady: Promise<EntryBody>): Promise<void> {
    bodyReady.catch(() => undefined); // reported through `written` below
    const write = async () => {
      const { method, pieces, crc, size } = await bodyReady;
      if (this.aborted) return;
      const nameBytes = Buffer.from(name, 'utf8');
      const compressed = pieces.reduce((n, p) => n + p.length, 0);
      const { date, time } = dosDateTime(modified);
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
      header.writeUInt16LE(UTF8_FLAG, 6);
      header.writeUInt16LE(method, 8);
      header.writeUInt16LE(time, 10);
      header.writeUInt16LE(date, 12);
      header.writeUInt32LE(crc, 14);
      header.writeUInt32LE(compressed, 18);
      header.writeUInt32LE(size, 22);
      header.writeUInt16LE(nameBytes.length, 26);
      header.writeUInt16LE(0, 28);
      // the whole entry is refused before any of it is written: a zip's sizes and offsets are 32-bit without ZIP64
      this.fits(30 + nameBytes.length + compressed);
      if (size > LIMIT) throw new Error('zip: an entry of 4 GiB or more (ZIP64 is not supported)');
      const offset = this.offset;
      this.write(header);
      this.write(nameBytes);
      for (const piece of pieces) this.write(piece);
      this.entries.push({ name: nameBytes, crc, compressed, size, offset, date, time, method });
    };
    const done = this.written.then(write);
    this.written = done;
    return done;
  }

  /** Waits for every entry, writes the central directory, syncs and moves the file into place. Returns the size. */
  async finish(): Promise<number> {
    if (this.finished) throw new Error('zip: finish() twice');
    this.finished = true;
    try {
      await this.written;
      // the central directory in pieces of DIRECTORY_PIECE, each written in one call from the thread pool
      const start = this.offset;
      let size = 0;
      for (let i = 0; i < this.entries.length;) {
        let length = 0;
        let last = i;
        while (last < this.entries.length && (last === i || length + 46 + this.entries[last]!.name.length <= DIRECTORY_PIECE))
          length += 46 + this.entries[last++]!.name.length;
        const piece = Buffer.alloc(length);
        let at = 0;
        for (const e of this.entries.slice(i, last)) {
          const h = piece.subarray(at, at + 46);
          h.writeUInt32LE(0x02014b50, 0);
          h.writeUInt16LE(0x0314, 4); // made by: UNIX, 2.0
          h.writeUInt16LE(20, 6);
          h.writeUInt16LE(UTF8_FLAG, 8);
          h.writeUInt16LE(e.method, 10);
          h.writeUInt16LE(e.time, 12);
          h.writeUInt16LE(e.date, 14);
          h.writeUInt32LE(e.crc, 16);
          h.writeUInt32LE(e.compressed, 20);
          h.writeUInt32LE(e.size, 24);
          h.writeUInt16LE(e.name.length, 28);
          // extra, comment, disk and internal attributes: zero, as allocated
          h.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external: regular file, rw-r--r--
          h.writeUInt32LE(e.offset, 42);
          e.name.copy(piece, at + 46);
          at += 46 + e.name.length;
        }
        await this.writeInPool(piece);
        size += length;
        i = last;
      }
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(this.entries.length, 8);
      end.writeUInt16LE(this.entries.length, 10);
      end.writeUInt32LE(size, 12);
      end.writeUInt32LE(start, 16);
      await this.writeInPool(end);
      await fsyncAsync(this.fd);
      await closeAsync(this.fd);
      this.closed = true;
      renameSync(this.tmp, this.file);
      return this.offset;
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  /** Drops the unfinished archive; entries still being compressed are not written. */
  abort(): void {
    this.finished = true;
    this.aborted = true;
    if (!this.closed) {
      this.closed = true;
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
    }
    rmSync(this.tmp, { force: true });
  }
}
