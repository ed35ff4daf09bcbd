// SPDX-License-Identifier: UNLICENSED
// Reporting after an outage: 5,000 documents issued through the real Ledger while Fatoora is down; it comes back; every
// document is reported exactly once (the simulator's record equals the ledger), none lost, every status final —
// and the outage cost a handful of probes, not a request per document.
// The simulator checks each document's stamp (hash, signature, certificate, QR) but not the XSD and business rules:
// those are the same for all 5,000 fixture documents and are exercised per document in worker.test.ts, and at
// ~13 ms each they would make this test wait on the simulator rather than on the worker.
import { describe, expect, it } from 'vitest';
import { verifyInvoice } from '../../app/verify/verifyInvoice';
import {
  attemptsByDocument,
  fingerprints,
  issueMany,
  jobStates,
  MovableTime,
  newWorker,
  openTerminal,
  refuseConnections,
  reportedByHash,
  settled,
  simulatorFixture,
  storedDocuments,
  waitFor,
} from './support';

const DOCUMENTS = Number(process.env.DUKKAN_OUTAGE_DOCS ?? 5000);

const fx = simulatorFixture({ validateInvoice: (xml, { now }) => verifyInvoice(xml, { now, rules: () => [] }) });

describe('offline for a long time, then everything reported exactly once', () => {
  it(`${DOCUMENTS} documents issued during an outage are all reported once when Fatoora comes back`, async () => {
    const { sim, device } = fx;
    const time = new MovableTime(sim);
    const terminal = openTerminal(time);
    const worker = newWorker(terminal, device, time, { probe: { initialMs: 1000, maxMs: 10_000 } });
    worker.start();
    // Fatoora's port stops listening (connections refused) for a month of simulator time
    await refuseConnections(sim, time);
    const outageStarted = Date.now();

    const docs = await issueMany(terminal, device, DOCUMENTS);
    const issueMs = Date.now() - outageStarted;
    worker.nudge(); // the app nudges after issuing; offline, a nudge only brings the next probe forward
    await waitFor(() => worker.status().connectivity === 'offline', 10_000, 'offline');
    // the issuing loop above never yields to timers (signing resolves in microtasks): give the probes a few seconds
    await new Promise((r) => setTimeout(r, 4000));
    const duringOutage = worker.status();
    const outageMs = Date.now() - outageStarted;
    expect(duringOutage.counts.queued).toBe(DOCUMENTS);
    expect(sim.records.reported()).toHaveLength(0);
    // no hammering: one attempt found the server unreachable, then only probes on an exponential schedule
    const attemptsDuringOutage = [...attemptsByDocument(terminal.db).values()].flat();
    expect(attemptsDuringOutage.length).toBeLessThanOrEqual(2);
    // refused (nothing sent), or a pooled keep-alive connection the server dropped (the request may have left)
    for (const a of attemptsDuringOutage) expect([`retryable/unreachable`, 'unknown-outcome/network']).toContain(`${a.outcome}/${a.reason}`);
    expect(duringOutage.probes).toBeGreaterThanOrEqual(1);
    // equal jitter: every delay is at least half its step (1 s, 2 s, … capped at 10 s), plus one probe per nudge
    expect(duringOutage.probes).toBeLessThanOrEqual(Math.ceil(outageMs / 5000) + 5);

    const stored = storedDocuments(terminal.db);

    const before = fingerprints(terminal.db);
    sim.faults.set({});
    const back = Date.now();
    worker.nudge(); // the OS "online" event
    await waitFor(() => settled(worker), 600_000, 'all reported');
    const drainMs = Date.now() - back;
    await worker.stop();

    const recorded = reportedByHash(sim);
    expect(recorded.size).toBe(DOCUMENTS);
    for (const d of docs) expect(recorded.get(d.hash)).toBe(1);
    // what the simulator holds is byte for byte what the ledger stored
    const byHash = new Map(sim.records.reported().map((s) => [s.invoiceHash, s]));
    for (const row of stored) expect(Buffer.from(byHash.get(row.hash)!.invoice, 'base64').equals(row.xml)).toBe(true);
    expect(new Set(jobStates(terminal.db).values())).toEqual(new Set(['reported']));
    expect(worker.status().counts).toMatchObject({ queued: 0, inFlight: 0, reported: DOCUMENTS, rejected: 0, overdue: 0 });
    expect(fingerprints(terminal.db)).toEqual(before);
    // ICV order: the first attempts after the outage went out in chain order (the window of 8 may finish out of order)
    const firstAfter = [...attemptsByDocument(terminal.db).entries()]
      .map(([id, a]) => ({ id, at: a.find((x) => x.outcome === 'accepted')!.started_at }))
      .sort((x, y) => x.at - y.at || x.id - y.id);
    const inversions = firstAfter.filter((x, i) => i > 0 && x.id < firstAfter[i - 1]!.id).length;
    expect(inversions).toBe(0);
    console.log(`outage: ${DOCUMENTS} documents issued in ${issueMs} ms; ${duringOutage.probes} probes in ${outageMs} ms offline; drained in ${drainMs} ms`);
  }, 900_000);
});
