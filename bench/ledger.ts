// SPDX-License-Identifier: UNLICENSED
// Ledger issuance latency: the whole counter path — clock, chain head, build + stamp, full verification,
// the business rules checked before the ICV, and the durable WAL commit with synchronous=FULL — on an empty ledger
// and on one already holding 100,000 documents, plus bytes stored per document and the rules check alone.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDeviceDatabase } from '../main/db/openDeviceDatabase';
import { Ledger, type SaleInput } from '../main/ledger/ledger';
import { createSigningKey, precomputeSigningTables } from '../app/crypto/signingKey';
import { issuanceErrors } from '../app/verify/checkIssuance';
import { parseDocumentInput } from '../app/document/documentInput';
import { buildAndStamp } from '../app/engine/buildAndStamp';
import { computeInvoiceHash, INITIAL_PIH } from '../app/stamp/invoiceHash';
import { nativeSha256 } from '../main/zatca/nativeSha256';
import { verifyBeforeStoring } from '../main/ledger/stampChecks';
import { createTestEgs } from '../test/support/testCertificate';
import { SELLER } from '../test/fixtures/documents';
import { cpuMs, measure, measureInterleaved, ms, summarize, type BenchSection, type LatencySummary } from './stats';

export const SALE: SaleInput = {
  kind: 'invoice',
  seller: SELLER,
  lines: Array.from({ length: 5 }, (_, i) => ({
    name: `صنف ${i + 1} | Item ${i + 1}`,
    quantity: '2',
    unitPrice: `${i + 3}.50`,
    vat: { category: 'S' as const, rate: '15' },
  })),
};

/**
 * Fills the ledger to `target` documents: real issuance for the first rows, then copies of the last real row with
 * fresh UUIDs, numbers and ICVs and a consistent PIH chain, at the size of a real 5-line document. Signatures of the
 * copies are not valid (the audit would say so); they stand in for history only, to measure whether issuance stays
 * flat as the tables and indexes grow.
 */
export function fillTo(db: ReturnType<typeof openDeviceDatabase>, target: number): void {
  const last = db.prepare('SELECT * FROM documents ORDER BY id DESC LIMIT 1').get() as Record<string, unknown> & {
    id: number;
    icv: number;
    hash: string;
    number: string;
  };
  const count = (db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
  const insert = db.prepare(
    `INSERT INTO documents (chain_id, icv, uuid, number, kind, profile, issue_date, issue_time, issued_at, pih, hash, qr, xml, input_json,
       tax_exclusive, vat, tax_inclusive, payable, billing_reference, original_document_id, corrects_document_id, committed_at)
     VALUES (@chain_id, @icv, @uuid, @number, @kind, @profile, @issue_date, @issue_time, @issued_at, @pih, @hash, @qr, @xml, @input_json,
       @tax_exclusive, @vat, @tax_inclusive, @payable, NULL, NULL, NULL, @committed_at)`,
  );
  const job = db.prepare("INSERT INTO reporting_jobs (document_id, state, next_attempt_at, updated_at) VALUES (?, 'reported', 0, 0)");
  const line = db.prepare(
    "INSERT INTO document_lines (document_id, line_id, name, quantity, unit_price, vat_category, vat_rate) VALUES (?, ?, 'Item', '2', '3.50', 'S', '15')",
  );
  const seq = db.prepare('UPDATE number_sequences SET next_value = ? WHERE prefix = ?');
  let pih = last.hash;
  let icv = last.icv;
  db.transaction(() => {
    for (let n = count; n < target; n++) {
      icv++;
      const hash = Buffer.from(`${icv}`.padStart(32, '0')).toString('base64');
      const info = insert.run({ ...last, icv, uuid: crypto.randomUUID(), number: `T1-${String(icv).padStart(6, '0')}`, pih, hash });
      for (let l = 1; l <= 5; l++) line.run(info.lastInsertRowid, l);
      job.run(info.lastInsertRowid);
      pih = hash;
    }
    seq.run(icv + 1, 'T1');
  })();
}

/** The pause before each sale in the counter-paced runs (a till's next sale is seconds away). */
const PAUSE_MS = 250;

/** Sales one at a time, each after a pause, as at a counter: each sale's latency, as `measure` gives it. */
async function measurePaced(runs: number, issue: () => Promise<unknown>): Promise<LatencySummary> {
  const samples: number[] = [];
  let cpu = 0;
  for (let i = 0; i < runs; i++) {
    await new Promise((r) => setTimeout(r, PAUSE_MS));
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await issue();
    samples.push(performance.now() - t0);
    cpu += cpuMs(process.cpuUsage(cpu0));
  }
  return { ...summarize(samples), cpuMean: cpu / runs };
}

export async function benchLedger(options: { runs?: number; history?: number } = {}): Promise<BenchSection> {
  const runs = options.runs ?? 500;
  const history = options.history ?? 100_000;
  precomputeSigningTables(); // as the till does once it is usable
  const egs = createTestEgs();
  const signing = { certificate: egs.certificate, sign: createSigningKey(egs.privateKey).sign };
  const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-bench-ledger-'));
  try {
    const file = path.join(dir, 'dukkan.sqlite');
    const db = openDeviceDatabase(file);
    const ledger = new Ledger(db, { numberPrefix: 'T1', environment: 'bench' });
    const empty = await measure(runs, 20, () => ledger.issue(SALE, signing));
    const pacedEmpty = await measurePaced(runs, () => ledger.issue(SALE, signing));
    // the pre-ICV check alone, on a document just issued: parse the stamped bytes, every content rule, the seller VAT;
    // and what it adds where it runs, after build + stamp + the libxml2 re-hash (its garbage lands on what follows)
    const issued = await ledger.issue(SALE, signing);
    const rules = await measure(runs, 20, () => issuanceErrors(issued.xml, signing.certificate));
    const verify = await measure(runs, 20, () => verifyBeforeStoring(issued.stamped, signing));
    const document = parseDocumentInput({ ...SALE, number: 'T1-000001', uuid: issued.uuid, issueDate: issued.issueDate, issueTime: issued.issueTime });
    const stampAndRehash = async () => {
      const stamped = await buildAndStamp(document, { icv: 1, pih: INITIAL_PIH }, signing, { selfCheck: 'structural', sha256: nativeSha256 });
      computeInvoiceHash(stamped.bytes);
      return stamped;
    };
    const pipeline = await measureInterleaved(
      {
        without: stampAndRehash,
        with: async () => issuanceErrors((await stampAndRehash()).bytes, signing.certificate),
      },
      runs,
    );
    const added = pipeline.with.p50 - pipeline.without.p50;
    // bytes per document: file growth over real issuance, after a checkpoint
    db.pragma('wal_checkpoint(TRUNCATE)');
    const before = statSync(file).size;
    const realDocs = 1000;
    for (let i = 0; i < realDocs; i++) await ledger.issue(SALE, signing);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const bytesPerDoc = (statSync(file).size - before) / realDocs;
    const t0 = performance.now();
    fillTo(db, history);
    const fillSeconds = (performance.now() - t0) / 1000;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const full = await measure(runs, 20, () => ledger.issue(SALE, signing));
    const pacedFull = await measurePaced(runs, () => ledger.issue(SALE, signing));
    const stored = (db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
    db.close();
    const markdown = [
      'One issuance = clock + chain head + build + stamp + full verification of the stamped bytes + the business rules',
      'the document content decides (a document Fatoora would reject is refused before it gets an ICV) + one IMMEDIATE',
      'transaction (document, 5 lines, outbox job) committed in WAL mode with synchronous=FULL — the call returns when',
      `the document is durable. 5-line simplified invoice, noble signer (the product path), ${runs} runs each. CPU mean:`,
      "this process's CPU time per run, which leaves out waiting for a core on a shared machine (and the fsync wait).",
      '',
      '| ledger | p50 | p99 | mean | CPU mean |',
      '|---|---|---|---|---|',
      `| empty, sales back to back | ${ms(empty.p50)} | ${ms(empty.p99)} | ${ms(empty.mean)} | ${ms(empty.cpuMean ?? NaN)} |`,
      `| ${stored.toLocaleString('en')} documents stored, back to back | ${ms(full.p50)} | ${ms(full.p99)} | ${ms(full.mean)} | ${ms(full.cpuMean ?? NaN)} |`,
      `| empty, at a counter's pace (each sale after a ${PAUSE_MS} ms pause) | ${ms(pacedEmpty.p50)} | ${ms(pacedEmpty.p99)} | ${ms(pacedEmpty.mean)} | ${ms(pacedEmpty.cpuMean ?? NaN)} |`,
      `| ${stored.toLocaleString('en')} documents stored, at a counter's pace | ${ms(pacedFull.p50)} | ${ms(pacedFull.p99)} | ${ms(pacedFull.mean)} | ${ms(pacedFull.cpuMean ?? NaN)} |`,
      `| of which the business-rule check before the ICV, alone | ${ms(rules.p50)} | ${ms(rules.p99)} | ${ms(rules.mean)} | ${ms(rules.cpuMean ?? NaN)} |`,
      `| of which the full verification before storing (libxml2 re-hash, signature, QR), alone | ${ms(verify.p50)} | ${ms(verify.p99)} | ${ms(verify.mean)} | ${ms(verify.cpuMean ?? NaN)} |`,
      '',
      'The business-rule check (app/verify/checkIssuance: parse the stamped bytes with libxml2, run every rule of',
      'app/rules except the two clock rules BR-KSA-04 and BR-KSA-98, compare the seller VAT number with the',
      `certificate's) takes ${ms(rules.p50)} at p50 alone and adds ${ms(added)} where it runs: build + stamp + re-hash`,
      `${ms(pipeline.without.p50)} → with the check ${ms(pipeline.with.p50)} (p50, interleaved blocks with a full GC between them).`,
      'Without the check, issuance measured 2.47 ms p50 / 6.28 ms p99 on an empty ledger (2026-12-03, this machine).',
      'Compiled XPath expressions are kept and each node’s answers are reused within one check (258 XPath evaluations',
      'for this document instead of 441).',
      '',
      `Bytes stored per 5-line document (SQLite file growth over ${realDocs} real issuances, after checkpoint): ${bytesPerDoc.toFixed(0)} bytes.`,
      `The 100,000-document history was filled in ${fillSeconds.toFixed(1)} s with copies of a real row (fresh UUID,`,
      'number, ICV and a consistent PIH chain; not signature-valid) — it measures index and table growth, nothing else.',
      '',
      `Target: p99 issuance ≤ 5 ms, empty and with 100,000 documents — ${Math.max(empty.p99, full.p99, pacedEmpty.p99, pacedFull.p99) <= 5 ? 'met' : 'NOT met'} (worst p99 back to back ${ms(Math.max(empty.p99, full.p99))}, at a counter's pace ${ms(Math.max(pacedEmpty.p99, pacedFull.p99))}); p50 empty → with history: ${ms(empty.p50)} → ${ms(full.p50)} back to back, ${ms(pacedEmpty.p50)} → ${ms(pacedFull.p50)} at a counter's pace.`,
      `A sale after a pause costs more than one right after another on this machine: measured apart (2026-12-05, load`,
      `average 0.2–0.5, one ledger, pauses interleaved in rounds of 6 sales), p50 4.2 ms with none, 5.5 ms after 50 ms`,
      `and 6.0 ms after 250 ms; the commit took 0.3 ms more and the CPU work before it 1.2 ms more. Busy-waiting`,
      `through the pause instead of sleeping gave the same (3.9 → 5.6 ms), so it is not the core going idle; what`,
      `makes it was not found here (the CPU's caches? the virtual disk?); a till's own hardware may differ. Not page`,
      `faults, which on this virtual machine cost ~11 µs each (2026-12-06; 64 MiB touched for the first time in`,
      `175–190 ms): a sale after 250 ms took 1 minor fault at p50 and 21 at p90, one right after another 3 and 23–26.`,
      `The counter-paced rows are what a cashier's sale meets; the back-to-back rows are the engine's best case.`,
      'Nothing grows with the store: every statement of the issuance transaction is an index lookup or an append',
      '(documents_committed_at for the clock guard, the chain head by (chain_id, icv), the number sequence by prefix).',
      'What the p99 is made of is CPU work done before the transaction: the business-rule check (about 260 libxml2',
      'XPath evaluations, each result node wrapped in a JavaScript object), the full verification, then build + stamp;',
      'and the WAL checkpoint SQLite makes inside every ~56th commit (below). The check and the re-hash share one parse',
      'of the stamped bytes, the invoice fields are read through compiled XPath, and since 2026-12-05 the check keeps',
      'one XPath context per document (app/xml/documentXPathContext.ts) where libxml2-wasm’s own find made a new one',
      'and registered every namespace in it for each evaluation: the check alone 2.01 → 1.49 ms p50 and 3.05 → 2.48 ms',
      'p99 (blocks of 200 checks taking turns in one process, load average 1.2–1.6; 2.18 → 1.63 ms in a second run).',
      'Run to run this machine varies more than most changes measured here: two runs of this bench five minutes apart',
      '(2026-12-05, the same commit, load average 0.2–0.6) gave 3.60 and 5.29 ms p50, 9.33 and 12.38 ms p99 for the',
      'back-to-back row with history; variants are compared only taking turns in one run.',
      'Where the tail comes from, one run of 2,000 sales back to back (2026-12-06, load average 0.5): the sales during',
      'which the -shm file showed SQLite checkpointing or restarting its log (74) p50 7.58 ms; all the others p50',
      '4.55 ms, p99 7.72 ms; garbage collection fell inside 1 sale in 10 (0.8–1.1 ms). So neither the checkpoints nor',
      'the collector alone make the p99: this machine’s run-to-run spread does most of it. Taking the rule check off',
      'the sale’s path into a worker thread was measured (below) and does not help on two cores, so what would meet',
      '5 ms here is less work per sale by about half, or a faster machine.',
      '',
      'Tried and not kept (2026-12-04, load average 18, variants interleaved in one process, CPU per check): the rules',
      'reading a plain JavaScript copy of the element tree through an evaluator of the XPath they use, with a name',
      'index for `//` steps, instead of libxml2 — 2.91 ms against 3.16 ms. Copying the tree costs 0.75 ms (libxml2-wasm',
      'wraps every node, whitespace text included, in an object as it is walked), and reading text and attributes out',
      'of WebAssembly plus the rules’ own decimal work are most of what is left; XPath evaluation is not the main cost',
      'the profile suggested. 8 % did not pay for a second XPath implementation to keep equal to libxml2’s.',
      '',
      `Tried and not kept (2026-12-05, load average 1.6–2.4): SQLite's checkpoint of the write-ahead log moved out of`,
      `the commits into the app's worker thread, on a timer beside the sales. A 5-line sale writes 18 pages to the log,`,
      'so SQLite checkpoints inside every ~56th commit; one such checkpoint, timed on the connection that sells, took 3.7',
      `and 5.2 ms p50 in two runs (8 checkpoints each) on this machine's disk.`,
      `Two new ledgers issuing 500 sales each, interleaved, one with SQLite's`,
      `checkpoints and one with the worker's (4 of them, 2 s apart): p99 14.8 against 16.4 ms, max 18.8 against 23.0 ms —`,
      `no gain; the worker's checkpoints compete with the sales for the second core. Much slower storage than this`,
      `machine's might change that; it was not kept without a measurement that shows it.`,
      '',
      `Tried and not kept (2026-12-05, load average 0.5–1.7): the checkpoint made between sales on the ledger's own`,
      `connection, once 16 documents were in the log and nothing was issued for 200 ms, so that no sale pays for it.`,
      `Two new ledgers at a counter's pace (a 250 ms pause after each sale), taking turns, 500 sales each: SQLite's`,
      `checkpoints p50 7.48 ms, p99 23.34 ms, mean 8.69 ms; between sales (32 of them) p50 7.52 ms, p99 23.28 ms, mean`,
      `8.63 ms. The 0.06 ms off the mean is the nine checkpoints SQLite made inside sales (~4 ms each over 520); the`,
      `tail at a counter's pace is elsewhere, so it moved no figure the target reads, and it was not kept.`,
      `Once more (2026-12-06, load average 0.2–0.5), with SQLite's checkpoints off on the selling connection and a`,
      `thread of its own checkpointing its own connection every 200 ms (PASSIVE, never waiting for the writer): two`,
      `ledgers taking turns in blocks of 50, 2,000 sales each back to back, p99 9.41 ms with SQLite's checkpoints against`,
      `8.73 ms, p50 4.65 against 4.69 ms; the thread checkpointed 107 times, 2.7 ms each, but the log grew to 7.8 MB`,
      `against 4.2 MB, as a checkpoint rarely finished before the next commit and SQLite can only restart a log that is`,
      `wholly copied. 0.7 ms off a p99 that runs vary by 3 ms, for a log that grows under load: not kept.`,
      '',
      `Tried and not kept (2026-12-06, load average 0.2–1.2): the business-rule check in a worker thread, on the`,
      `stamped bytes, while the main thread re-hashes and verifies them; the sale then waits for both before its`,
      `transaction (an ICV still goes only to a document that passed). Two ledgers taking turns in blocks of 50 in one`,
      `process, 2,000 sales each (p50 / p99, check on the main thread → in the worker): back to back 4.55 / 10.85 →`,
      `4.86 / 11.83 ms; the worker at below-normal priority 4.49 / 8.45 → 4.00 / 11.42 ms and 4.41 / 9.22 → 4.24 / 10.28`,
      `ms; at a counter's pace (100 ms before each of 1,000 sales) 6.97 / 18.41 → 7.74 / 20.30 ms. The ~1 ms the check`,
      `takes is gained back at best at the median; handing the bytes over, waking the worker and its answer cost the`,
      `tail as much, and at a counter's pace the sleeping worker made it worse.`,
    ].join('\n');
    return { title: 'Ledger: durable issuance', markdown, figures: { empty, full, pacedEmpty, pacedFull, rules, verify, pipeline, bytesPerDoc, stored } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
