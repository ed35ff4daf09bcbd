// SPDX-License-Identifier: UNLICENSED
// A zip entry compressed as its bytes come, a piece at a time (the export's manifest a page at a time, its audit
// trail in groups of lines), for ZipWriter.addDeflated (zipWriter.ts). No buffer of the whole entry is ever made,
// compressed or not, so an export's memory depends on a page, not on its period: a year's manifest held whole was
// tens of MiB. (It was not the cause of the soak's RSS growth; BENCHMARKS.md, "Where the growth is".)
import { crc32, createDeflateRaw } from 'node:zlib';

/** An entry's compressed bytes (DEFLATE, APPNOTE.TXT method 8) in the pieces zlib gave them, with what its headers need. */
export interface DeflatedBytes {
  readonly chunks: readonly Buffer[];
  /** CRC-32 and length of the bytes before compression. */
  readonly crc: number;
  readonly size: number;
}

export class DeflatingEntry {
  private readonly stream = createDeflateRaw({ level: 6 });
  private readonly chunks: Buffer[] = [];
  private crc = 0;
  private size = 0;
  private readonly ended: Promise<void>;

  constructor() {
    this.stream.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.ended = new Promise((resolve, reject) => {
      this.stream.once('end', resolve);
      this.stream.once('error', reject);
    });
    this.ended.catch(() => undefined); // reported by end()
  }

  /** Adds bytes to the entry; they are compressed in libuv's thread pool meanwhile. */
  write(bytes: Uint8Array): void {
    this.crc = crc32(bytes, this.crc) >>> 0;
    this.size += bytes.length;
    this.stream.write(bytes);
  }

  /** No more bytes: the entry's compressed pieces once zlib has flushed them. */
  async end(): Promise<DeflatedBytes> {
    this.stream.end();
    await this.ended;
    return { chunks: this.chunks, crc: this.crc, size: this.size };
  }

  /** Drops the entry (an export that failed): zlib's memory is freed now rather than at the next collection. */
  destroy(): void {
    this.stream.destroy();
  }
}
