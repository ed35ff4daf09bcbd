// SPDX-License-Identifier: UNLICENSED
// Answers the outage and chaos tests do not produce: 413 (the document cannot be delivered as it is — failed,
// surfaced, never resent) and answers outside ZATCA's table from a misconfigured URL (404: one alert, then the
// outage schedule rather than a request per document); a duplicate for a document this till never delivered (recorded,
// but an alert); and 303 for a standard document while clearance is on (failed, an alert, never resent) —
// reference §9.1.
import { describe, expect, it } from 'vitest';
import { problems } from '../../main/app/statusModel';
import { DocumentStore } from '../../main/sale/documentStore';
import { translator } from '../../renderer/app/i18n';
import { ADVICE } from '../../renderer/app/labels';
import { clientFor } from '../fatoora/support';
import { attemptsByDocument, issueMany, jobStates, reportedByHash, scene, settled, simulatorFixture, storedDocuments, waitFor } from './support';

const fx = simulatorFixture();

describe('answers outside the happy path', () => {
  it('413: the document is marked failed with an alert and is not resent; the others are reported', async () => {
    const { sim, device, terminal, worker, alerts } = scene(fx, { concurrency: 1 });
    const docs = await issueMany(terminal, device, 4);
    sim.faults.enqueue({ kind: 'status', status: 413 }, { endpoint: 'reporting' });
    worker.start();
    await waitFor(() => settled(worker), 20_000, 'settled');
    await worker.stop();
    const [first, ...rest] = docs;
    expect(jobStates(terminal.db).get(first!.id)).toBe('failed');
    expect(attemptsByDocument(terminal.db).get(first!.id)).toMatchObject([{ outcome: 'retryable', http_status: 413, reason: 'payload-too-large' }]);
    expect(alerts).toMatchObject([{ kind: 'payload-too-large', documentId: first!.id, correctiveAction: { kind: 'contact-support' } }]);
    for (const d of rest) expect(jobStates(terminal.db).get(d.id)).toBe('reported');
    expect(reportedByHash(sim).has(first!.hash)).toBe(false);
    expect(worker.status().counts).toMatchObject({ failed: 1, reported: 3 });
    expect(worker.status().awaitingCorrection).toBe(1);
    expect(worker.rejections().map((r) => r.documentId)).toEqual([first!.id]);
    // the manager's sync tab says what to do in either language, from a code and the document's number
    const [problem] = problems(worker);
    expect(problem).toMatchObject({ number: first!.number, problem: 'failed', advice: { kind: 'too-large', number: first!.number } });
    expect(ADVICE[problem!.advice.kind](translator('ar').t, problem!.advice)).toContain(first!.number);
    expect(ADVICE[problem!.advice.kind](translator('ar').t, problem!.advice)).toContain('الدعم');
  });

  it('a wrong Fatoora URL (404): one alert, documents wait, and the server is not hammered', async () => {
    const wrong = { ...fx.device, client: clientFor(fx.sim, 'simulation', { baseUrl: `${fx.sim.url}/e-invoicing/nowhere` }) };
    const { sim, device, terminal, worker, alerts } = scene(fx, { probe: { initialMs: 200, maxMs: 1000 } }, wrong);
    const docs = await issueMany(terminal, device, 5);
    worker.start();
    await new Promise((r) => setTimeout(r, 2500));
    await worker.stop();
    const attempts = [...attemptsByDocument(terminal.db).values()].flat();
    expect(attempts.length).toBeGreaterThanOrEqual(1);
    expect(attempts.length).toBeLessThanOrEqual(8); // the probe schedule (≥ 100, 200, 400, 500… ms), not 5 documents × retries
    for (const a of attempts) expect(a).toMatchObject({ outcome: 'failed', http_status: 404 });
    expect(alerts.map((a) => a.kind)).toEqual(['unexpected-answer']);
    expect(new Set(jobStates(terminal.db).values())).toEqual(new Set(['queued']));
    for (const d of docs) expect(reportedByHash(sim).has(d.hash)).toBe(false);
  });

  it('a duplicate for a document this till never delivered: recorded, never resent, and one unexplained-duplicate alert', async () => {
    const { sim, device, terminal, worker, alerts } = scene(fx, { concurrency: 1 });
    const docs = await issueMany(terminal, device, 3);
    // something else (a copy of this ledger, another device with this key) reports the second document first
    const copied = storedDocuments(terminal.db).find((r) => r.id === docs[1]!.id)!;
    const elsewhere = await device.client.reportInvoice(device.credentials, {
      invoiceHash: copied.hash,
      uuid: copied.uuid,
      invoice: new Uint8Array(copied.xml),
    });
    expect(elsewhere.kind).toBe('accepted');
    worker.start();
    await waitFor(() => settled(worker), 20_000, 'settled');
    await worker.stop();
    expect(new Set(jobStates(terminal.db).values())).toEqual(new Set(['reported']));
    expect(attemptsByDocument(terminal.db).get(docs[1]!.id)).toMatchObject([{ outcome: 'already-done', http_status: 409 }]);
    expect(alerts).toMatchObject([{ kind: 'unexplained-duplicate', documentId: docs[1]!.id, number: docs[1]!.number }]);
    expect(alerts[0]!.message).toMatch(/had never delivered it/);
    // kept with the attempt, so the manager's problems list says so after a restart too, in either language
    expect(attemptsByDocument(terminal.db).get(docs[1]!.id)).toMatchObject([{ reason: 'unexplained-duplicate' }]);
    const listed = problems(worker, new DocumentStore(terminal.db)).filter((p) => p.problem === 'unexplained-duplicate');
    expect(listed).toMatchObject([{ number: docs[1]!.number, advice: { kind: 'other-device', number: docs[1]!.number } }]);
    expect(ADVICE['other-device'](translator('ar').t, listed[0]!.advice)).toContain(docs[1]!.number);
    // the duplicate's ERROR notice is not kept as a message of the recorded document (reference §9.1)
    expect(worker.document(docs[1]!.id)!.messages.filter((m) => m.type === 'ERROR')).toEqual([]);
    for (const d of docs) expect(reportedByHash(sim).get(d.hash)).toBe(1);
  });

  it('a duplicate after our own unknown outcome (recorded, then 503): reported, no alert', async () => {
    const { sim, device, terminal, worker, alerts } = scene(fx, { concurrency: 1 });
    const [doc] = await issueMany(terminal, device, 1);
    sim.settings.duplicateShapes.reporting = '2024';
    sim.faults.enqueue({ kind: 'recorded-then-status', status: 503 }, { endpoint: 'reporting' });
    try {
      worker.start();
      await waitFor(() => settled(worker), 20_000, 'settled');
      await worker.stop();
    } finally {
      sim.settings.duplicateShapes.reporting = '2026';
    }
    expect(attemptsByDocument(terminal.db).get(doc!.id)).toMatchObject([
      { outcome: 'unknown-outcome', reason: 'server-error', http_status: 503 },
      { outcome: 'already-done', http_status: 409 },
    ]);
    expect(jobStates(terminal.db).get(doc!.id)).toBe('reported');
    expect(alerts).toEqual([]);
    expect(worker.document(doc!.id)!.messages.filter((m) => m.type === 'ERROR')).toEqual([]);
    expect(reportedByHash(sim).get(doc!.hash)).toBe(1);
  });
});
