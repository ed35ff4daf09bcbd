// SPDX-License-Identifier: UNLICENSED
// Bundled by test/workers/workerBundles.test.ts as scripts/buildBrowser.mjs bundles browser mode (its worker beside
// it) and run as a plain Node process, without tsx: the app's pool finds the bundled worker from a chunk of the
// bundle, and the worker plans a QR and turns a PNG into ESC/POS bytes. Prints the outcome as one JSON line.
import { createHash } from 'node:crypto';
import { encodePng } from '../../main/printing/png';
import { openDukkanWorkers } from '../../main/workers/dukkanWorkers';
import { qrImage } from './qrImage';

const text = process.argv[2] ?? 'Dukkan';
const workers = openDukkanWorkers({ size: 1 });
try {
  const plan = await workers.run('receipt.qr-plan', { text, paperDots: 384 });
  const png = new Uint8Array(encodePng(qrImage(plan)));
  const out = await workers.run('receipt.raster', { png, qr: { expected: text, box: null }, escpos: { openDrawer: true } }, { transfer: [png.buffer] });
  const sha = createHash('sha256').update(out.bytes!).digest('hex');
  console.log(JSON.stringify({ modules: plan.modules, decoded: out.qr?.decoded, bytes: out.bytes?.length, sha, started: workers.workersStarted }));
} finally {
  await workers.close();
}
