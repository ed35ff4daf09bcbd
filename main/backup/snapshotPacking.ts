// SPDX-License-Identifier: UNLICENSED
// The snapshot packed before it is encrypted (docs/backups.md, format 2). A ledger is signed XML, which packs to a
// fifteenth of its size or less (BENCHMARKS.md, "Backups"), and a backup's time was the disk writing the whole
// ledger a second time: packed, the file that is encrypted, written and fsynced on the target is that much smaller.
//
// Brotli at quality 0 (in Electron's Node as in this one, node:zlib), in independent frames of FRAME_BYTES, each
//   plain length   4 bytes, big-endian (FRAME_BYTES, the last one less)
//   packed length  4 bytes, big-endian
//   packed bytes
// Independent frames let IN_FLIGHT of them be packed at once on libuv's thread pool, off the main thread, so the
// till answers while a backup runs; the window of each is its own megabyte, so memory stays a few megabytes.
// Unpacking (restore) runs only after GCM has authenticated every byte, and checks every frame's stated length.
import { brotliCompress, brotliDecompress, constants } from 'node:zlib';
import { open, type FileHandle } from 'node:fs/promises';
import { promisify } from 'node:util';

export interface PackingParams {
  readonly name: 'brotli';
  readonly quality: number;
  readonly frameBytes: number;
}

// quality 0: on signed invoices it packs 15 : 1 against quality 1's 17 : 1, at one and a half times the speed — the
// backup's time is what the 10 s target is about (BENCHMARKS.md, "Backups")
export const PACKING: PackingParams = { name: 'brotli', quality: 0, frameBytes: 1024 * 1024 };
const IN_FLIGHT = 2;
const FRAME_HEADER = 8;
const pack = promisify(brotliCompress);
const unpack = promisify(brotliDecompress);

export class BadPacking extends Error {
  override readonly name = 'BadPacking';
}

async function writeAll(out: FileHandle, data: Buffer): Promise<void> {
  for (let at = 0; at < data.length;) at += (await out.write(data, at, data.length - at)).bytesWritten;
}

function packFrame(plain: Buffer, params: PackingParams): Promise<Buffer> {
  return pack(plain, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: params.quality,
      [constants.BROTLI_PARAM_LGWIN]: 20,
      [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
    },
  }).then((packed) => {
    const head = Buffer.alloc(FRAME_HEADER);
    head.writeUInt32BE(plain.length, 0);
    head.writeUInt32BE(packed.length, 4);
    return Buffer.concat([head, packed]);
  });
}

/** Packs the file `from` into the new file `to`; returns the packed size. */
export async function packFile(from: string, to: string, params: PackingParams = PACKING): Promise<number> {
  const input = await open(from, 'r');
  const out = await open(to, 'wx', 0o600);
  try {
    const size = (await input.stat()).size;
    const pending: Promise<Buffer>[] = [];
    let written = 0;
    const drainOne = async () => {
      const frame = await pending.shift()!;
      await writeAll(out, frame);
      written += frame.length;
    };
    for (let at = 0; at < size;) {
      const plain = Buffer.allocUnsafe(Math.min(params.frameBytes, size - at));
      const { bytesRead } = await input.read(plain, 0, plain.length, at);
      if (bytesRead === 0) throw new Error('the snapshot shrank while it was packed');
      const frame = packFrame(plain.subarray(0, bytesRead), params);
      // awaited in order by drainOne; a failure of a frame not yet awaited must not go unhandled meanwhile
      frame.catch(() => undefined);
      pending.push(frame);
      at += bytesRead;
      if (pending.length >= IN_FLIGHT) await drainOne();
    }
    while (pending.length > 0) await drainOne();
    return written;
  } finally {
    await out.close();
    await input.close();
  }
}

/** Unpacks `from` into the open handle `out`; a frame that is short, too long or not what it says is BadPacking. */
export async function unpackInto(out: FileHandle, from: string, params: PackingParams): Promise<number> {
  const input = await open(from, 'r');
  try {
    const size = (await input.stat()).size;
    const head = Buffer.alloc(FRAME_HEADER);
    let plainTotal = 0;
    for (let at = 0; at < size;) {
      if ((await input.read(head, 0, FRAME_HEADER, at)).bytesRead !== FRAME_HEADER) throw new BadPacking(`a frame header is cut short at byte ${at}`);
      const plainBytes = head.readUInt32BE(0);
      const packedBytes = head.readUInt32BE(4);
      if (plainBytes === 0 || plainBytes > params.frameBytes || at + FRAME_HEADER + packedBytes > size)
        throw new BadPacking(`the frame at byte ${at} is malformed`);
      const packed = Buffer.allocUnsafe(packedBytes);
      await input.read(packed, 0, packedBytes, at + FRAME_HEADER);
      let plain: Buffer;
      try {
        plain = await unpack(packed, { maxOutputLength: params.frameBytes });
      } catch (e) {
        throw new BadPacking(`the frame at byte ${at} does not unpack: ${(e as Error).message}`);
      }
      if (plain.length !== plainBytes) throw new BadPacking(`the frame at byte ${at} unpacks to ${plain.length} bytes, not ${plainBytes}`);
      await writeAll(out, plain);
      plainTotal += plainBytes;
      at += FRAME_HEADER + packedBytes;
    }
    return plainTotal;
  } finally {
    await input.close();
  }
}
