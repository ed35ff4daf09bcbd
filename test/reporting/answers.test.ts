// SPDX-License-Identifier: UNLICENSED
// Answers the outage and chaos tests do not produce: 413 (the document cannot be delivered as it is — failed,
// surfaced, never resent) and answers outside ZATCA's table from a misconfigured URL (404: one alert, then the
// outage schedule rather than a request per document).
import { describe, expect, it } from 'vitest';
import { clientFor } from '../fatoora/support';
import { attemptsByDocument, issueMany, jobStates, reportedByHash, scene, settled, simulatorFixture, waitFor } from './support';

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
});
