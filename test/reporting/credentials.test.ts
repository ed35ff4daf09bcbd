// SPDX-License-Identifier: UNLICENSED
// Credentials: a 401 halfway through a sync stops the worker with an alert (documents wait, nothing is marked
// rejected, nothing more is sent), and it resumes when new credentials arrive; a terminal that is not onboarded
// waits the same way. The secret never reaches the worker's log.
import { describe, expect, it } from 'vitest';
import type { FatooraCredentials } from '../../main/fatoora/index';
import { createLogger, memoryLogSink } from '../../main/log/index';
import { Secret } from '../../main/log/secret';
import type { ReportingAlert, ReportingChain } from '../../main/reporting/index';
import {
  attemptsByDocument,
  issueMany,
  jobStates,
  MovableTime,
  newWorker,
  openTerminal,
  reportedByHash,
  scene,
  settled,
  simulatorFixture,
  waitFor,
} from './support';

const fx = simulatorFixture();

describe('credentials', () => {
  it('401 halfway: the worker stops and alerts, the documents wait, and it resumes with new credentials', async () => {
    const { sim, device } = fx;
    const time = new MovableTime(sim);
    const terminal = openTerminal(time);
    const docs = await issueMany(terminal, device, 40);
    // the keychain comes back with a stale secret halfway (a restore of an old backup, or the device onboarded again elsewhere)
    const stale: FatooraCredentials = { ...device.credentials, secret: new Secret('c3RhbGUtc2VjcmV0LW9mLWFuLW9sZC1vbmJvYXJkaW5n') };
    let current: FatooraCredentials | undefined = device.credentials;
    const asked: ReportingChain[] = [];
    const log = memoryLogSink();
    sim.faults.set({ latencyMs: 20, endpoints: ['reporting'] });
    const worker = newWorker(terminal, device, time, {
      concurrency: 2,
      credentials: async (chain) => {
        asked.push(chain);
        return current;
      },
      logger: createLogger({ sink: log.sink, minLevel: 'debug' }),
    });
    const alerts: ReportingAlert[] = [];
    worker.on('alert', (a) => alerts.push(a));
    let reported = 0;
    worker.on('outcome', (o) => {
      if (o.state === 'reported' && ++reported === 15) {
        current = stale;
        worker.credentialsChanged();
      }
    });
    worker.start();
    try {
      await waitFor(() => worker.status().mode === 'halted', 20_000, 'halted on 401');
      await waitFor(() => worker.status().counts.inFlight === 0, 5000, 'in-flight requests finished');
      const halted = worker.status();
      expect(halted.halt).toMatchObject({ reason: 'credentials-refused' });
      expect(alerts.filter((a) => a.kind === 'credentials-refused')).toHaveLength(1);
      expect(alerts.find((a) => a.kind === 'credentials-refused')).toMatchObject({ httpStatus: 401 });
      const states = jobStates(terminal.db);
      const refused = docs.filter((d) =>
        attemptsByDocument(terminal.db)
          .get(d.id)
          ?.some((a) => a.outcome === 'unauthorized' && a.http_status === 401),
      );
      expect(refused.length).toBeGreaterThanOrEqual(1);
      for (const d of refused) expect(states.get(d.id)).toBe('queued'); // waiting, not rejected
      expect([...states.values()].filter((s) => s === 'rejected')).toEqual([]);
      const queued = [...states.values()].filter((s) => s === 'queued').length;
      expect(queued).toBeGreaterThan(0);
      expect(halted.counts.queued).toBe(queued);

      // halted: nothing more is sent, however long it waits
      const sent = sim.records.submissions().length;
      const attemptCount = [...attemptsByDocument(terminal.db).values()].flat().length;
      worker.nudge();
      await new Promise((r) => setTimeout(r, 800));
      expect(sim.records.submissions().length).toBe(sent);
      expect([...attemptsByDocument(terminal.db).values()].flat().length).toBe(attemptCount);

      // new credentials: the worker asks the provider again and finishes the sync
      current = device.credentials;
      worker.credentialsChanged();
      await waitFor(() => settled(worker), 20_000, 'all reported after new credentials');
      expect(worker.status().mode).toBe('running');
      expect(new Set(jobStates(terminal.db).values())).toEqual(new Set(['reported']));
      const recorded = reportedByHash(sim);
      for (const d of docs) expect(recorded.get(d.hash)).toBe(1);
      // the provider was told which chain (CSID) each document was signed with
      expect(asked[0]!.certificate).toBe(device.signing.certificate.base64Der);
      expect(asked[0]!.certificateSerial).toBe(device.signing.certificate.serialDecimal);
    } finally {
      sim.faults.clear();
      await worker.stop();
    }
    const text = log.lines.join('\n');
    expect(text).toContain('reporting.halted');
    for (const secret of [device.credentials.secret.reveal(), stale.secret.reveal()]) expect(text).not.toContain(secret);
  });

  it('not onboarded: the worker waits with an alert, sends nothing, and starts when credentials exist', async () => {
    let current: FatooraCredentials | undefined;
    const { sim, device, terminal, worker, alerts } = scene(fx, { credentials: async () => current });
    const docs = await issueMany(terminal, device, 3);
    worker.start();
    try {
      await waitFor(() => worker.status().mode === 'halted', 5000, 'halted');
      expect(worker.status().halt).toMatchObject({ reason: 'no-credentials' });
      expect(alerts.map((a) => a.kind)).toEqual(['no-credentials']);
      expect(attemptsByDocument(terminal.db).size).toBe(0); // nothing claimed, nothing sent
      current = device.credentials;
      worker.resume();
      await waitFor(() => settled(worker), 10_000, 'reported');
      for (const d of docs) expect(reportedByHash(sim).get(d.hash)).toBe(1);
    } finally {
      await worker.stop();
    }
  });
});
