// SPDX-License-Identifier: UNLICENSED
// The 24-hour deadline (reference §11) with the simulator's clock and the worker's moved forward: alerts at 12 h and
// 20 h, exactly the right documents flagged overdue past 24 h (unreported ones and a rejected one never corrected;
// not the reported ones, not a rejected one whose correction was reported, not younger ones), the evidence export
// (JSON + CSV) for ZATCA's failure notification, and the late documents reported afterwards with BR-KSA-98 kept.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EVIDENCE_CSV_COLUMNS, evidenceCsv } from '../../main/reporting/index';
import {
  attemptsByDocument,
  HOUR,
  issueForAnotherShop,
  issueMany,
  jobStates,
  refuseConnections,
  saleOf,
  scene,
  settled,
  simulatorFixture,
  waitFor,
} from './support';

const fx = simulatorFixture();

/** RFC 4180 reader, independent of the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  return rows;
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 100));

describe('deadline watchdog', () => {
  it('alerts at 12 h and 20 h, flags exactly the overdue documents past 24 h, and exports the evidence', async () => {
    const { sim, device, time, terminal, worker, alerts } = scene(fx);
    const deadlineAlerts = (kind: 'first-alert' | 'second-alert' | 'overdue'): number[] =>
      alerts
        .flatMap((a) =>
          (a.kind === 'overdue' && kind === 'overdue') || (a.kind === 'deadline' && a.level === kind) ? a.documents.map((d) => d.documentId) : [],
        )
        .sort((x, y) => x - y);
    worker.start();
    const ids = (docs: { id: number }[]): number[] => docs.map((d) => d.id).sort((x, y) => x - y);
    try {
      // T0: A reported at once; R1 rejected and never corrected; R2 rejected and corrected at once
      const A = await issueMany(terminal, device, 3);
      const R1 = await issueForAnotherShop(terminal);
      const R2 = await issueForAnotherShop(terminal);
      worker.nudge();
      await waitFor(() => settled(worker), 20_000, 'A reported, R rejected');
      const R2fix = await terminal.ledger.reissueRejected(R2.id, saleOf(), device.signing);
      worker.nudge();
      await waitFor(() => settled(worker), 20_000, 'correction reported');
      expect(jobStates(terminal.db).get(R2fix.id)).toBe('reported');

      // T0+1h: Fatoora goes away; B is issued and waits
      time.advance(1 * HOUR);
      await refuseConnections(sim, time);
      const B = await issueMany(terminal, device, 4);
      worker.nudge();
      await waitFor(() => worker.status().connectivity === 'offline', 10_000, 'offline');

      // T0+10h: C is issued
      time.advance(9 * HOUR);
      const C = await issueMany(terminal, device, 2);
      await tick();
      expect(alerts.filter((a) => a.kind === 'deadline' || a.kind === 'overdue')).toEqual([]);

      // T0+13h: R1 and B pass 12 h
      time.advance(3 * HOUR);
      await tick();
      expect(worker.checkDeadlines()).toEqual({ firstAlert: [], secondAlert: [], overdue: [] }); // the timer already ran
      expect(deadlineAlerts('first-alert')).toEqual(ids([R1, ...B]));
      expect(deadlineAlerts('second-alert')).toEqual([]);

      // T0+21h: R1 and B pass 20 h; C (11 h) nothing yet
      time.advance(8 * HOUR);
      await tick();
      expect(deadlineAlerts('second-alert')).toEqual(ids([R1, ...B]));
      expect(deadlineAlerts('overdue')).toEqual([]);

      // T0+25.5h: R1 and B are overdue; C (15.5 h) gets its first alert; A, R2 and its correction are not flagged
      time.advance(4.5 * HOUR);
      await tick();
      expect(deadlineAlerts('overdue')).toEqual(ids([R1, ...B]));
      expect(deadlineAlerts('first-alert')).toEqual(ids([R1, ...B, ...C]));
      expect(alerts.filter((a) => a.kind === 'overdue')).toHaveLength(1); // one alert listing them all
      const status = worker.status();
      expect(status.counts.overdue).toBe(5);
      expect(status.nearestDeadline).toMatchObject({ documentId: R1.id });
      expect(status.nearestDeadline!.remainingMs).toBeLessThan(-1.4 * HOUR);
      for (const d of [...A, R2, R2fix]) {
        const report = worker.document(d.id)!;
        expect(report.alertedAt).toEqual({});
        expect(report.overdueSince).toBeUndefined();
      }
      expect(worker.document(B[0]!.id)!.overdueSince).toBeInstanceOf(Date);

      // the evidence: exactly the overdue documents, with issue times and every attempt
      const evidence = worker.overdueEvidence();
      // in chain order: this terminal's chain, then the other shop's
      expect(evidence.documents.map((d) => d.number)).toEqual([...B, R1].map((d) => d.number));
      const attempts = attemptsByDocument(terminal.db);
      for (const d of [R1, ...B]) {
        const e = evidence.documents.find((x) => x.uuid === d.uuid)!;
        expect(e).toMatchObject({ icv: d.icv, issueDate: d.issueDate, issueTime: d.issueTime, invoiceHash: d.hash, reportedAt: null });
        expect(e.attempts.map((a) => [a.attempt, a.outcome, a.httpStatus])).toEqual(
          (attempts.get(d.id) ?? []).map((a) => [a.attempt, a.outcome, a.http_status]),
        );
        expect(Date.parse(e.deadline) - Date.parse(e.issuedAt)).toBe(24 * HOUR);
        expect(e.delayHours).toBeGreaterThanOrEqual(24);
      }
      expect(evidence.documents.find((d) => d.uuid === R1.uuid)!.attempts[0]).toMatchObject({
        outcome: 'rejected',
        httpStatus: 400,
        messageCodes: expect.arrayContaining(['certificate-permissions']),
      });
      const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-evidence-'));
      const files = worker.writeOverdueEvidence(dir, evidence);
      expect(JSON.parse(readFileSync(files.json, 'utf8'))).toEqual(JSON.parse(JSON.stringify(evidence)));
      const csv = parseCsv(readFileSync(files.csv, 'utf8'));
      expect(csv[0]).toEqual([...EVIDENCE_CSV_COLUMNS]);
      expect(csv.slice(1).map((r) => [r[0], r[1], r[9]])).toEqual(evidence.documents.map((d) => [d.number, d.uuid, d.state]));
      for (const r of csv.slice(1)) expect(r).toHaveLength(EVIDENCE_CSV_COLUMNS.length);

      // Fatoora comes back: B is reported late — 202 with BR-KSA-98, kept — and stays on the evidence list
      sim.faults.set({});
      await new Promise((r) => setTimeout(r, 300));
      worker.nudge();
      await waitFor(() => settled(worker), 20_000, 'late documents reported');
      for (const d of B) {
        expect(jobStates(terminal.db).get(d.id)).toBe('reported-with-warnings');
        expect(worker.document(d.id)!.messages.map((m) => m.code)).toContain('BR-KSA-98');
      }
      for (const d of C) expect(jobStates(terminal.db).get(d.id)).toBe('reported');
      const after = worker.status();
      expect(after.counts).toMatchObject({ overdue: 1, reportedWithWarnings: 4, rejected: 2 });
      const later = worker.overdueEvidence();
      expect(later.documents.map((d) => d.number)).toEqual([...B, R1].map((d) => d.number));
      for (const e of later.documents.slice(0, B.length)) {
        expect(e.state).toBe('reported-with-warnings');
        expect(e.reportedAt).not.toBeNull();
        expect(e.attempts.at(-1)!.messageCodes).toContain('BR-KSA-98');
      }
      expect(evidenceCsv(later)).toContain('BR-KSA-98');
    } finally {
      sim.faults.set({});
      await worker.stop();
    }
  });
});
