// SPDX-License-Identifier: UNLICENSED
// The simulator's submission log with a state folder keeps its records in the file only and, in memory, where each
// accepted hash's record starts (main/fatooraSimulator/submissionLog.ts): the duplicate check must still find the
// last accepted submission — with its invoice, which a clearance duplicate returns — in the same run, after a
// restart and after a torn last line; and without a folder the log behaves the same from memory.
import { describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createStateStore } from '../../main/fatooraSimulator/stateStore';
import { createSubmissionLog, type Submission } from '../../main/fatooraSimulator/submissionLog';

function submission(n: number, over: Partial<Submission> = {}): Submission {
  return {
    endpoint: 'reporting',
    environment: 'simulation',
    at: new Date(Date.UTC(2026, 11, 4, 8, 0, n)).toISOString(),
    httpStatus: 202,
    validationStatus: 'PASS',
    invoiceHash: `hash-${n}`,
    uuid: `uuid-${n}`,
    csidRequestId: '1234',
    codes: [],
    invoice: Buffer.from(`<Invoice n="${n}">سطر</Invoice>`).toString('base64'),
    ...over,
  };
}

// a cleared invoice larger than one read of the file (64 KiB), with multi-byte text before it in the file
const BIG = Buffer.from(`<Invoice>${'ف'.repeat(60_000)}</Invoice>`).toString('base64');
const SENT = [
  submission(1),
  submission(2, { endpoint: 'clearance', httpStatus: 200, invoice: BIG }),
  submission(3, { httpStatus: 400, validationStatus: 'ERROR', codes: ['BR-KSA-03'] }),
  submission(4, { invoiceHash: 'hash-1', at: '2026-12-04T09:00:00.000Z' }),
  submission(5, { environment: 'production' }),
];

function expectLookups(log: ReturnType<typeof createSubmissionLog>): void {
  // the later of two accepted submissions of one hash
  expect(log.lastAccepted('reporting', 'simulation', 'hash-1')).toEqual(SENT[3]);
  expect(log.lastAccepted('clearance', 'simulation', 'hash-2')).toEqual(SENT[1]);
  expect(log.lastAccepted('clearance', 'simulation', 'hash-2')?.invoice).toBe(BIG);
  // refused, another endpoint, another environment, never sent
  expect(log.lastAccepted('reporting', 'simulation', 'hash-3')).toBeUndefined();
  expect(log.lastAccepted('reporting', 'simulation', 'hash-2')).toBeUndefined();
  expect(log.lastAccepted('reporting', 'simulation', 'hash-5')).toBeUndefined();
  expect(log.lastAccepted('reporting', 'production', 'hash-5')).toEqual(SENT[4]);
  expect(log.lastAccepted('reporting', 'simulation', 'hash-9')).toBeUndefined();
  expect(log.all()).toEqual(SENT);
}

describe('simulator submission log', () => {
  it('with a state folder: found from the file in the same run, after a restart and after a torn line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-sublog-'));
    const log = createSubmissionLog(createStateStore(dir));
    for (const s of SENT) log.add(s);
    expectLookups(log);
    expect(readFileSync(path.join(dir, 'submissions.jsonl'), 'utf8').trim().split('\n')).toHaveLength(SENT.length);

    appendFileSync(path.join(dir, 'submissions.jsonl'), '{"endpoint":"clearance","invoiceHa');
    const again = createSubmissionLog(createStateStore(dir));
    expectLookups(again);
    // appended after the torn line was cut: its offset is right too
    const sixth = submission(6, { endpoint: 'clearance', httpStatus: 200, invoice: BIG });
    again.add(sixth);
    expect(again.lastAccepted('clearance', 'simulation', 'hash-6')).toEqual(sixth);
    expect(createSubmissionLog(createStateStore(dir)).lastAccepted('clearance', 'simulation', 'hash-6')).toEqual(sixth);
  });

  it('without a state folder: the same answers from memory', () => {
    const log = createSubmissionLog(createStateStore(undefined));
    for (const s of SENT) log.add(s);
    expectLookups(log);
  });
});
