// SPDX-License-Identifier: UNLICENSED
// Reporting under a flaky Fatoora: 35 % of reporting requests fail — 500/503/429, timeouts, connection resets, lost
// responses (handled and recorded by the simulator, answer never delivered) and "recorded, then 5xx" (recorded, then
// a gateway's 503/504 page, reference §9.1). Everything ends reported, once; the only duplicates are resends after an
// unknown outcome (a lost response or a 5xx), each answered 409 and resolved as reported without an alert; no
// document is re-signed or changed; Retry-After is honoured. Full verifier (stamp, business rules, XSD) on every
// document.
import { describe, expect, it } from 'vitest';
import type { ReportingAlert, ReportingStatus } from '../../main/reporting/index';
import {
  attemptsByDocument,
  fingerprints,
  issueMany,
  jobStates,
  MovableTime,
  newWorker,
  openTerminal,
  reportedByHash,
  settled,
  simulatorFixture,
  storedDocuments,
  waitFor,
} from './support';

const DOCUMENTS = Number(process.env.DUKKAN_CHAOS_DOCS ?? 300);

const fx = simulatorFixture({ seed: 20261123 });

describe('chaos: 35 % of requests fail', () => {
  it(`${DOCUMENTS} documents all end reported, exactly once, unchanged`, async () => {
    const { sim, device } = fx;
    const time = new MovableTime(sim);
    const terminal = openTerminal(time);
    const docs = await issueMany(terminal, device, DOCUMENTS);
    const stored = storedDocuments(terminal.db);
    const before = fingerprints(terminal.db);
    sim.faults.set({
      endpoints: ['reporting'],
      errorRate: 0.15,
      errorStatuses: [500, 503, 429],
      retryAfterSeconds: 1,
      timeoutRate: 0.05,
      resetRate: 0.05,
      lostResponseRate: 0.05,
      recordedErrorRate: 0.05,
      recordedStatuses: [503, 504],
      latencyMs: { min: 5, max: 40 },
    });
    const worker = newWorker(terminal, device, time, { concurrency: 8, requestTimeoutMs: 1500, failuresToOffline: 5, probe: { initialMs: 200, maxMs: 1000 } });
    const modes = new Set<ReportingStatus['connectivity']>();
    worker.on('status', (s) => modes.add(s.connectivity));
    const alerts: ReportingAlert[] = [];
    worker.on('alert', (a) => alerts.push(a));
    worker.start();
    try {
      await waitFor(() => settled(worker), 600_000, 'everything settled');
    } finally {
      await worker.stop();
      sim.faults.clear();
    }
    const injected = sim.faults.injected;
    // the chaos really happened, of every kind
    for (const kind of ['status-500', 'status-503', 'status-429', 'timeout', 'reset', 'lost-response', 'recorded-then-503', 'recorded-then-504']) {
      expect(injected[kind] ?? 0, kind).toBeGreaterThan(0);
    }

    // everything reported, once, byte for byte as stored
    expect(new Set(jobStates(terminal.db).values())).toEqual(new Set(['reported']));
    const recorded = reportedByHash(sim);
    expect(recorded.size).toBe(DOCUMENTS);
    for (const d of docs) expect(recorded.get(d.hash), d.number).toBe(1);
    const byHash = new Map(sim.records.reported().map((s) => [s.invoiceHash, s]));
    for (const row of stored) expect(Buffer.from(byHash.get(row.hash)!.invoice, 'base64').equals(row.xml)).toBe(true);
    // zero documents re-signed or changed, none added
    expect(fingerprints(terminal.db)).toEqual(before);

    // duplicates: only resends after an answer that never arrived; each resolved by a 409 as reported
    const attempts = attemptsByDocument(terminal.db);
    const resolvedBy409 = docs.filter((d) => attempts.get(d.id)!.some((a) => a.outcome === 'already-done'));
    for (const d of resolvedBy409) {
      const list = attempts.get(d.id)!;
      const i = list.findIndex((a) => a.outcome === 'already-done');
      expect(list[i]).toMatchObject({ http_status: 409 });
      expect(i, 'the 409 is the last attempt').toBe(list.length - 1);
      expect(
        list.slice(0, i).some((a) => a.outcome === 'unknown-outcome'),
        `${d.number}: a 409 only follows an unknown outcome`,
      ).toBe(true);
    }
    const recordedUnanswered = (injected['lost-response'] ?? 0) + (injected['recorded-then-503'] ?? 0) + (injected['recorded-then-504'] ?? 0);
    expect(resolvedBy409.length).toBeLessThanOrEqual(recordedUnanswered);
    expect(resolvedBy409.length).toBeGreaterThan(0);
    // recorded, then 5xx: the 5xx attempt is an unknown outcome, and the document's resend is a 409, not a new report
    const after5xx = resolvedBy409.filter((d) => attempts.get(d.id)!.some((a) => a.outcome === 'unknown-outcome' && a.reason === 'server-error'));
    expect(after5xx.length, 'a 409 resolved a document first answered with a 5xx').toBeGreaterThan(0);
    // every duplicate was our own resend: none is an unexplained one (reference §9.1)
    expect(alerts.filter((a) => a.kind === 'unexplained-duplicate')).toEqual([]);
    for (const d of resolvedBy409) expect(attempts.get(d.id)!.at(-1)!.outcome).toBe('already-done');

    // Retry-After honoured: a document answered 429/503 is not resent before the wait it was given, and after a 429
    // (a limit on this client) no request at all starts during the wait
    const all = [...attempts.values()].flat();
    for (const list of attempts.values()) {
      for (let i = 0; i + 1 < list.length; i++) {
        const a = list[i]!;
        if (a.http_status === 429 || a.http_status === 503) {
          expect(a.retry_at! - a.finished_at!).toBeGreaterThanOrEqual(1000);
          expect(list[i + 1]!.started_at).toBeGreaterThanOrEqual(a.retry_at!);
        }
      }
    }
    for (const a of all.filter((x) => x.http_status === 429)) {
      const during = all.filter((x) => x.started_at > a.finished_at! && x.started_at < a.finished_at! + 1000);
      expect(during, 'nothing sent during a 429 Retry-After').toEqual([]);
    }
    const counts = { attempts: all.length, resolvedBy409: resolvedBy409.length, injected, connectivity: [...modes] };
    console.log('chaos:', JSON.stringify(counts));
  }, 900_000);
});
