// SPDX-License-Identifier: UNLICENSED
// Restart in the middle of a sync: a worker in its own process is killed with SIGKILL while requests are in flight
// (the simulator holds each one 200 ms, then records it whether or not anyone is still listening). A new worker on
// the same database takes the lease over from the dead process, closes the open attempts as interrupted, resends
// those documents with the identical payload — Fatoora answers 409 for the ones it had recorded — and finishes.
// Every document is reported exactly once and none is changed.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { ReportingLeaseError } from '../../main/reporting/index';
import { REPO_ROOT } from '../vectors';
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
  waitFor,
} from './support';

const fx = simulatorFixture();

describe('restart in the middle of a sync', () => {
  it('SIGKILL with requests in flight: the next worker resends them unchanged and everything is reported once', async () => {
    const { sim, device } = fx;
    const time = new MovableTime(sim);
    const terminal = openTerminal(time);
    const docs = await issueMany(terminal, device, 120);
    const before = fingerprints(terminal.db);
    sim.faults.set({ latencyMs: 200, endpoints: ['reporting'] });

    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'test', 'reporting', 'workerProcess.ts')], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (c: string) => lines.push(...c.split('\n').filter((l) => l !== '')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));
    child.stdin.end(
      JSON.stringify({
        db: terminal.file,
        baseUrl: sim.urls.simulation,
        token: device.credentials.binarySecurityToken,
        secret: device.credentials.secret.reveal(),
      }),
    );
    try {
      await waitFor(() => lines.filter((l) => l.endsWith(' reported')).length >= 30, 60_000, `the child reported 30 documents (stderr: ${stderr})`);
      // mid-sync, with up to 8 requests held by the simulator's latency
      await waitFor(
        () => (terminal.db.prepare("SELECT COUNT(*) AS n FROM reporting_jobs WHERE state = 'in-flight'").get() as { n: number }).n >= 4,
        10_000,
        'requests in flight',
      );
    } finally {
      child.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');

    const inFlightAtKill = (terminal.db.prepare("SELECT document_id FROM reporting_jobs WHERE state = 'in-flight'").all() as { document_id: number }[]).map(
      (r) => r.document_id,
    );
    const openAtKill = (terminal.db.prepare('SELECT document_id FROM reporting_attempts WHERE finished_at IS NULL').all() as { document_id: number }[]).map(
      (r) => r.document_id,
    );
    expect(inFlightAtKill.length).toBeGreaterThanOrEqual(1);
    expect(openAtKill.sort()).toEqual([...inFlightAtKill].sort());
    await new Promise((r) => setTimeout(r, 400)); // the simulator finishes the requests the dead process left behind

    // the lease still names the dead process: a new worker takes it over (its process no longer exists)
    const worker = newWorker(terminal, device, time, { concurrency: 8 });
    worker.start();
    expect(() => newWorker(terminal, device, time).start()).toThrow(ReportingLeaseError); // but only one worker at a time
    try {
      await waitFor(() => settled(worker), 60_000, 'all reported');
    } finally {
      await worker.stop();
      sim.faults.clear();
    }

    expect(new Set(jobStates(terminal.db).values())).toEqual(new Set(['reported']));
    const recorded = reportedByHash(sim);
    for (const d of docs) expect(recorded.get(d.hash)).toBe(1);
    const attempts = attemptsByDocument(terminal.db);
    let answered409 = 0;
    for (const id of inFlightAtKill) {
      const list = attempts.get(id)!;
      const i = list.findIndex((a) => a.outcome === 'interrupted');
      expect(list[i]).toMatchObject({ reason: 'worker-stopped' });
      const resend = list[i + 1]!;
      expect(['accepted', 'already-done']).toContain(resend.outcome);
      if (resend.outcome === 'already-done') answered409++;
    }
    // the requests had reached the simulator before the kill (it records after its latency): resends answered 409
    expect(answered409).toBeGreaterThanOrEqual(1);
    expect(fingerprints(terminal.db)).toEqual(before);
    const reopened = openDeviceDatabase(terminal.file, { readonly: true });
    expect((reopened.prepare('SELECT COUNT(*) AS n FROM reporting_attempts WHERE finished_at IS NULL').get() as { n: number }).n).toBe(0);
    reopened.close();
  }, 180_000);
});
