// SPDX-License-Identifier: UNLICENSED
// The receipt QR as inline SVG at a whole number of CSS px (= printer dots) per module, quiet zone included.
// One <path> of unit squares in module coordinates, scaled by an integer and drawn with crispEdges: every module
// rasterises to exactly modulePx × modulePx pure black dots (no grey edges for the 1-bit threshold to round), and
// the PDF export keeps it as vectors.
import type { QrMatrix } from '../qrPlan';

export const QUIET_ZONE_MODULES = 4;

export interface QrSvg {
  readonly svg: string;
  readonly version: number;
  readonly modules: number;
  /** Symbol plus quiet zone, in px. */
  readonly sizePx: number;
}

export function qrSvg(matrix: QrMatrix, modulePx: number): QrSvg {
  if (!Number.isInteger(modulePx) || modulePx < 1) throw new Error(`qrSvg: qrModulePx must be a positive integer, got ${modulePx}`);
  const n = matrix.size;
  if (matrix.dark.length !== n * n) throw new Error(`qrSvg: matrix must hold ${n}×${n} modules, got ${matrix.dark.length}`);
  const dark = (r: number, c: number): boolean => matrix.dark[r * n + c] === 1;
  let d = '';
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      // Merge runs of dark modules on a row into one rectangle: a smaller path, same pixels.
      if (!dark(r, c)) continue;
      let run = 1;
      while (c + run < n && dark(r, c + run)) run++;
      d += `M${c} ${r}h${run}v1h-${run}z`;
      c += run - 1;
    }
  }
  const span = n + 2 * QUIET_ZONE_MODULES;
  const sizePx = span * modulePx;
  const q = QUIET_ZONE_MODULES;
  const svg =
    `<svg width="${sizePx}" height="${sizePx}" viewBox="${-q} ${-q} ${span} ${span}" ` +
    `shape-rendering="crispEdges" role="img" aria-label="ZATCA QR">` +
    `<rect x="${-q}" y="${-q}" width="${span}" height="${span}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
  return { svg, version: matrix.version, modules: n, sizePx };
}
