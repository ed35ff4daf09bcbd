// SPDX-License-Identifier: UNLICENSED
// Connectivity: an outage is detected from the answers, then watched with a cheap probe on an exponential schedule;
// the OS "online" event (nudge) brings an immediate attempt; an outage answered 503 + Retry-After is waited out as
// the server asks, without resending every document.
import { describe, expect, it } from 'vitest';
import {
  attemptsByDocument,
  issueMany,
  jobStates,
  MovableTime,
  newWorker,
  openTerminal,
  refuseConnections,
  reportedByHash,
  scene,
  settled,
  simulatorFixture,
  waitFor,
} from './support';

const fx = simulatorFixture();

describe('connectivity', () => {
  it('nudge() when the network comes back: an immediate attempt instead of waiting for the probe schedule', async () => {
    // a probe schedule of 10 minutes: only the nudge can explain a prompt recovery
    const { sim, device, time, terminal, worker } = scene(fx, { probe: { initialMs: 600_000, maxMs: 600_000 } });
    worker.start();
    await refuseConnections(sim, time);
    try {
      const docs = await issueMany(terminal, device, 5);
      worker.nudge();
      await waitFor(() => worker.status().connectivity === 'offline', 10_000, 'offline');
      const probesBefore = worker.status().probes;
      expect(worker.status().nextProbeAt!.getTime() - time.now()).toBeGreaterThan(200_000);
      await new Promise((r) => setTimeout(r, 600)); // > poll interval: offline, nothing is sent and nothing probed
      expect(worker.status().probes).toBe(probesBefore);
      expect([...attemptsByDocument(terminal.db).values()].flat().length).toBeLessThanOrEqual(1);

      sim.faults.set({});
      await new Promise((r) => setTimeout(r, 300)); // listening again
      const back = time.now();
      worker.nudge();
      await waitFor(() => settled(worker), 20_000, 'reported after the nudge');
      expect(worker.status().probes).toBe(probesBefore + 1); // the nudge probed once, then the canary went through
      const recorded = reportedByHash(sim);
      for (const d of docs) expect(recorded.get(d.hash)).toBe(1);
      const firstSent = Math.min(
        ...[...attemptsByDocument(terminal.db).values()]
          .flat()
          .filter((a) => a.outcome === 'accepted')
          .map((a) => a.started_at),
      );
      expect(firstSent - back).toBeLessThan(600_000); // long before the next scheduled probe
      expect(worker.status().connectivity).toBe('online');
    } finally {
      sim.faults.set({});
      await worker.stop();
    }
  });

  it('without a nudge, the probe finds Fatoora again and everything that waited is sent at once', async () => {
    const { sim, device, time, terminal, worker } = scene(fx, { probe: { initialMs: 300, maxMs: 1000 }, retry: { initialMs: 60_000, maxMs: 600_000 } });
    worker.start();
    await refuseConnections(sim, time);
    try {
      const docs = await issueMany(terminal, device, 6);
      worker.nudge();
      await waitFor(() => worker.status().connectivity === 'offline', 10_000, 'offline');
      await new Promise((r) => setTimeout(r, 1500));
      const offline = worker.status();
      expect(offline.probes).toBeGreaterThanOrEqual(1);
      expect(offline.probes).toBeLessThanOrEqual(8); // 1.5 s at ≥ 150 ms, then ≥ 500 ms per probe
      sim.faults.set({});
      // the one document tried before the outage was noticed has a 60 s backoff; coming back makes it due at once
      await waitFor(() => settled(worker), 20_000, 'reported after the probe');
      expect(new Set(jobStates(terminal.db).values())).toEqual(new Set(['reported']));
      for (const d of docs) expect(reportedByHash(sim).get(d.hash)).toBe(1);
    } finally {
      sim.faults.set({});
      await worker.stop();
    }
  });

  it('503 with Retry-After during an outage: nothing is resent or probed before the time the server gave', async () => {
    const { sim, device } = fx;
    const time = new MovableTime(sim);
    const terminal = openTerminal(time);
    const docs = await issueMany(terminal, device, 8);
    sim.faults.set({ outages: [{ from: new Date(time.now() - 1000), until: new Date(time.now() + 3000), mode: 'unavailable' }] });
    const worker = newWorker(terminal, device, time, { probe: { initialMs: 100, maxMs: 400 }, retry: { initialMs: 100, maxMs: 10_000 } });
    worker.start();
    try {
      await waitFor(() => settled(worker), 30_000, 'reported after the outage');
    } finally {
      sim.faults.set({});
      await worker.stop();
    }
    const all = [...attemptsByDocument(terminal.db).values()].flat().sort((a, b) => a.started_at - b.started_at);
    const refused = all.filter((a) => a.http_status === 503);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeLessThanOrEqual(2); // one canary, not one request per document
    const first = refused[0]!;
    expect(first.retry_at! - first.finished_at!).toBeGreaterThanOrEqual(1000); // Retry-After: seconds to the end
    for (const a of all.filter((x) => x.started_at > first.finished_at!)) expect(a.started_at).toBeGreaterThanOrEqual(first.retry_at!);
    for (const d of docs) expect(reportedByHash(sim).get(d.hash)).toBe(1);
  });
});
