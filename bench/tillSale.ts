// SPDX-License-Identifier: UNLICENSED
// A sale at the till with the printer unplugged, against the same sale with no printer set up: the time from
// "complete sale" to the till's answer, through the real dispatcher, counter, ledger (signing, WAL commit) and
// printing service with the real receipt template and Chromium rasterizer. The receipt prints in the background
// (main/sale/counter.ts), so a dead printer must cost the sale nothing; before that change it cost 8 s and more per
// sale (the printing service's wait). Also measured: how long the background job takes to report the failure that
// the printer banner then shows.
//
// Run alone: npx tsx bench/tillSale.ts
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { DukkanApp } from '../main/app/openApp';
import { ChromiumRasterizer } from '../main/printing/chromiumRasterizer';
import { FakeEscPosPrinter } from '../test/printer/fakeEscPosPrinter';
import { clientOf, openTestApp, signIn } from '../test/app/support';
import { measure, ms, type BenchSection } from './stats';

const RUNS = 40;
const WARMUP = 5;

async function saleTimes(app: DukkanApp) {
  const cashier = clientOf(app, 'bench-till');
  await signIn(cashier, app, 'cashier');
  const milk = app.core.catalog.list().find((p) => p.name.startsWith('Fresh milk'))!.id;
  const bread = app.core.catalog.list().find((p) => p.name.startsWith('Arabic bread'))!.id;
  const sale = () =>
    cashier.call('sale.complete', {
      lines: [
        { productId: milk, quantity: '2' },
        { productId: bread, quantity: '1' },
      ],
      payments: [{ method: 'cash', amount: '20' }],
      saleId: randomUUID(),
    });
  return measure(RUNS, WARMUP, sale);
}

export async function benchTillSale(): Promise<BenchSection> {
  const none = await openTestApp();
  const noPrinter = await saleTimes(none.app).finally(() => none.app.close());

  const gone = await new FakeEscPosPrinter().start(0);
  const address = `tcp://127.0.0.1:${gone.port}`;
  await gone.close();
  const dead = await openTestApp({ rasterizer: new ChromiumRasterizer(), printer: { address, paperWidth: 80 } });
  let failureAfterMs = Number.NaN;
  try {
    // the first receipt's failure, as the banner learns it (the job's connection attempts and retries)
    const started = performance.now();
    const failed = new Promise<void>((resolve) => {
      const stop = dead.app.subscribe((e) => {
        if (e.type === 'print' && e.outcome.state === 'failed') {
          failureAfterMs = performance.now() - started;
          stop();
          resolve();
        }
      });
    });
    const unplugged = await saleTimes(dead.app);
    await failed;
    const figures = { runs: RUNS, noPrinter, unplugged, failureReportedAfterMs: failureAfterMs };
    const markdown = [
      `| Complete sale → the till's answer (2 lines, cash, training ledger, ${RUNS} runs) | p50 | p99 | max |`,
      '|---|---|---|---|',
      `| no printer set up | ${ms(noPrinter.p50)} | ${ms(noPrinter.p99)} | ${ms(noPrinter.max)} |`,
      `| printer unplugged (port closed; real template and Chromium) | ${ms(unplugged.p50)} | ${ms(unplugged.p99)} | ${ms(unplugged.max)} |`,
      '',
      `The receipt prints in the background, so the unplugged printer costs the sale nothing (before: 8 s and more per sale).`,
      `The first receipt's failure reached the screen's printer banner ${ms(failureAfterMs)} after the first sale (connection attempts and the`,
      `printer's automatic retries), while the till went on selling.`,
    ].join('\n');
    return { title: 'Till: a sale with the printer unplugged vs no printer', markdown, figures };
  } finally {
    await dead.app.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await benchTillSale();
  console.log(r.markdown);
}
