// SPDX-License-Identifier: UNLICENSED
// A planned QR drawn black on white at 4 dots per module with its 4-module quiet zone: an image whose code any
// decoder reads, for test/workers/bundleProbe.ts and the tests that compare its output or decode it (the packaged
// worker's in test/app/packaging.test.ts, the QR self-check's own).
import type { RgbaBitmap } from '../../app/receipt/monochrome';
import type { QrPlan } from '../../app/receipt/qrPlan';

export function qrImage(plan: QrPlan, scale = 4): RgbaBitmap {
  const side = (plan.modules + 8) * scale;
  const data = new Uint8Array(side * side * 4).fill(255);
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / scale) - 4;
      const my = Math.floor(y / scale) - 4;
      const dark = mx >= 0 && my >= 0 && mx < plan.modules && my < plan.modules && plan.matrix.dark[my * plan.modules + mx] === 1;
      if (dark) data.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  return { width: side, height: side, data };
}
