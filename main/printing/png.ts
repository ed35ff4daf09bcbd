// SPDX-License-Identifier: UNLICENSED
// PNG in and out. Decoding screenshots is on the print path, so it is fast: Chromium's screenshots are 8-bit RGB or RGBA, not interlaced; for those we
// inflate with node:zlib and undo the row filters in one tight loop, which takes ~10 ms for a 384×1500 receipt where
// pngjs's general parser takes 30–100 ms on this machine; that is most of the print latency budget. Anything else
// (palette, 16-bit, interlaced) goes through pngjs.
import { inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { DEFAULT_THRESHOLD, MonochromePacker, toMonochrome, type MonoBitmap, type RgbaBitmap } from '../../app/receipt/monochrome';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function decodePng(png: Uint8Array): RgbaBitmap {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  let image: { width: number; height: number; data: Uint8Array } | undefined;
  const decoded = decodeSimplePng(buf, (width, height) => {
    const out = (image = { width, height, data: new Uint8Array(width * height * 4) });
    return (y, row) => out.data.set(row, y * width * 4);
  });
  return decoded && image ? image : decodeWithPngjs(buf);
}

/** Width and height from a PNG's header (IHDR), without decoding it. */
export function pngSize(png: Uint8Array): { readonly width: number; readonly height: number } {
  if (png.length < 24 || SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('pngSize: not a PNG file');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function decodeWithPngjs(buf: Buffer): RgbaBitmap {
  const img = PNG.sync.read(buf);
  return { width: img.width, height: img.height, data: new Uint8Array(img.data.buffer, img.data.byteOffset, img.data.byteLength) };
}

/**
 * The 1-bit bitmap of a PNG, as toMonochrome(decodePng(png), threshold) gives it, without the whole RGBA image in
 * between: the print path's worker decodes every strip of every receipt, and each RGBA image it let go (1–3.5 MB)
 * counted as external memory until V8 collected it, which, once the self-check stopped making garbage that
 * scavenges collect on their way, it did with a full mark-compact after nearly every receipt (BENCHMARKS.md,
 * "Printing").
 */
export function decodePngToMonochrome(png: Uint8Array, threshold: number = DEFAULT_THRESHOLD): MonoBitmap {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  let packer: MonochromePacker | undefined;
  const decoded = decodeSimplePng(buf, (width, height) => {
    packer = new MonochromePacker(width, height, threshold);
    return (y, row) => packer!.row(y, row, 0);
  });
  return decoded && packer ? packer.bitmap : toMonochrome(decodeWithPngjs(buf), threshold);
}

/** Receives each decoded row as width × 4 RGBA bytes, valid only during the call. */
type RowSink = (y: number, rgba: Uint8Array) => void;

/** Above this a claimed image is not inflated in one piece (a receipt is ~1–4 MB raw): a corrupt header's guard. */
const ONE_PIECE_LIMIT = 64 * 1024 * 1024;

/**
 * The fast path: false when the PNG is not 8-bit RGB/RGBA without interlace (nothing was sent to the sink), else
 * every row to the sink `start` gives once the size is known. Throws on a corrupt file.
 */
function decodeSimplePng(buf: Buffer, start: (width: number, height: number) => RowSink): boolean {
  if (buf.length < 33 || SIGNATURE.some((b, i) => buf[i] !== b)) throw new Error('decodePng: not a PNG file');
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let o = 8; o + 8 <= buf.length;) {
    const len = buf.readUInt32BE(o);
    const type = buf.toString('latin1', o + 4, o + 8);
    const data = buf.subarray(o + 8, o + 8 + len);
    if (data.length !== len) throw new Error(`decodePng: chunk ${type} is truncated`);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colorType, , , interlace] = [data[8], data[9], data[10], data[11], data[12]];
      if (depth !== 8 || interlace !== 0 || (colorType !== 2 && colorType !== 6)) return false;
      channels = colorType === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    o += 12 + len;
  }
  if (!width || !height || !channels) throw new Error('decodePng: missing IHDR');
  const stride = width * channels;
  const expected = (stride + 1) * height;
  // one output buffer a byte larger than the image: node:zlib otherwise inflates into 16 KiB pieces and copies them
  // into one, twice the memory for every strip
  const raw = inflateSync(idat.length === 1 ? idat[0]! : Buffer.concat(idat), expected < ONE_PIECE_LIMIT ? { chunkSize: Math.max(64, expected + 1) } : {});
  if (raw.length < expected) throw new Error('decodePng: image data is shorter than width × height');
  const sink = start(width, height);
  const rgba = channels === 4 ? null : new Uint8Array(width * 4).fill(255);
  let prev = new Uint8Array(stride);
  let cur = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    unfilter(filter, line, prev, cur, channels);
    if (rgba) {
      for (let x = 0, s = 0, d = 0; x < width; x++, s += 3, d += 4) {
        rgba[d] = cur[s]!;
        rgba[d + 1] = cur[s + 1]!;
        rgba[d + 2] = cur[s + 2]!;
      }
    }
    sink(y, rgba ?? cur);
    [prev, cur] = [cur, prev];
  }
  return true;
}

/** PNG filter types 0–4 (PNG spec §9), bpp = bytes per pixel. */
function unfilter(filter: number, line: Uint8Array, prev: Uint8Array, out: Uint8Array, bpp: number): void {
  const n = line.length;
  switch (filter) {
    case 0:
      out.set(line);
      return;
    case 1:
      for (let i = 0; i < n; i++) out[i] = (line[i]! + (i >= bpp ? out[i - bpp]! : 0)) & 255;
      return;
    case 2:
      for (let i = 0; i < n; i++) out[i] = (line[i]! + prev[i]!) & 255;
      return;
    case 3:
      for (let i = 0; i < n; i++) out[i] = (line[i]! + (((i >= bpp ? out[i - bpp]! : 0) + prev[i]!) >> 1)) & 255;
      return;
    case 4:
      for (let i = 0; i < n; i++) {
        const a = i >= bpp ? out[i - bpp]! : 0;
        const b = prev[i]!;
        const c = i >= bpp ? prev[i - bpp]! : 0;
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        out[i] = (line[i]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 255;
      }
      return;
    default:
      throw new Error(`decodePng: unknown row filter ${filter}`);
  }
}

export function encodePng(image: RgbaBitmap): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return PNG.sync.write(png);
}
