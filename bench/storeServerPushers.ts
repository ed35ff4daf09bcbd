// SPDX-License-Identifier: UNLICENSED
// The 50 simulated terminals of the ingest bench (bench/storeServer.ts), in a process of their own: each enrols
// with a code from the manager API, then its documents — chained, each really signed with the terminal's own test
// certificate — are written as push bodies to a folder before the clock starts (10,000 per terminal would not fit
// in memory), and all terminals push them concurrently in batches, as the till's worker does: a push without an
// answer is sent again. Prints one JSON line of figures. Environment: DUKKAN_BENCH_URL, DUKKAN_BENCH_TOKEN,
// DUKKAN_BENCH_TERMINALS, DUKKAN_BENCH_STORE_DOCS, DUKKAN_BENCH_BATCH, DUKKAN_BENCH_DIR.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { signedRequest } from '../main/storeSync/storeClient';
import { chainedDocuments, enrolledTerminal } from '../test/storeServer/storeFixtures';

const env = (name: string) => process.env[name] ?? '';
const url = env('DUKKAN_BENCH_URL');
const token = env('DUKKAN_BENCH_TOKEN');
const terminals = Number(env('DUKKAN_BENCH_TERMINALS'));
const perTerminal = Number(env('DUKKAN_BENCH_STORE_DOCS'));
const batch = Number(env('DUKKAN_BENCH_BATCH'));
const dir = env('DUKKAN_BENCH_DIR');

const tills = await Promise.all(Array.from({ length: terminals }, (_, i) => enrolledTerminal(url, token, `Branch ${i % 10}`, `Till ${i}`)));
const bodyFile = (t: number, from: number) => path.join(dir, `t${t}-${from}.json`);

const made0 = performance.now();
let documentBytes = 0;
for (let t = 0; t < terminals; t++) {
  let pih: string | undefined;
  for (let from = 0; from < perTerminal; from += batch) {
    const docs = chainedDocuments(`bench${t}`, from + 1, Math.min(batch, perTerminal - from), pih, '2026-11-15');
    pih = docs.at(-1)!.hash;
    if (documentBytes === 0) documentBytes = docs[0]!.xml.length;
    writeFileSync(bodyFile(t, from), JSON.stringify({ documents: docs, records: [] }));
  }
}
const makeSeconds = (performance.now() - made0) / 1000;
// a turn of the event loop first: the server closed the enrolments' idle keep-alive connections while the documents
// were made, and a push sent on one of them before its close is seen fails with "other side closed"
await new Promise((resolve) => setTimeout(resolve, 200));

const latencies: number[] = [];
let retries = 0;
const retryCauses: Record<string, number> = {};
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await Promise.all(
  tills.map(async (till, t) => {
    for (let from = 0; from < perTerminal; from += batch) {
      const body = readFileSync(bodyFile(t, from));
      const started = performance.now();
      for (let attempt = 1; ; attempt++) {
        try {
          // 50 pushes queue at the server at once: a longer wait than the till's 30 s
          await signedRequest(till, 'POST', '/api/push', body, { timeoutMs: 300_000 });
          break;
        } catch (e) {
          const code = (e as { code?: string }).code;
          if ((code !== 'store.unreachable' && code !== 'store.check-unavailable') || attempt >= 5) throw e;
          retries += 1;
          const inner = (e as { cause?: { cause?: { code?: string } } }).cause;
          const cause = `${code}: ${String(inner ?? '').slice(0, 80)} ${inner?.cause?.code ?? ''}`;
          retryCauses[cause] = (retryCauses[cause] ?? 0) + 1;
        }
      }
      latencies.push(performance.now() - started);
    }
  }),
);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
process.stdout.write(`${JSON.stringify({ seconds, makeSeconds, latencies, retries, retryCauses, documentBytes, cpuSeconds })}\n`);
