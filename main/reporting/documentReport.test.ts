// SPDX-License-Identifier: UNLICENSED
// What the manager is told to do about a document that cannot be reported as it is: a rejection is corrected by a
// new document (reference §11); a 413 cannot get through; a 303 means the document must be cleared, not reported
// (reference §9.1) — three different sentences, one per cause.
import { describe, expect, it } from 'vitest';
import { correctiveActionFor } from './documentReport';
import type { DocumentStatusRow } from './reportingStore';

const row = (over: Partial<DocumentStatusRow>): DocumentStatusRow => ({
  id: 7,
  chain_id: 1,
  icv: 7,
  uuid: '3cf5ee18-ee25-44ea-a444-2c37ba7f28be',
  number: 'T1-000007',
  kind: 'invoice',
  profile: 'standard',
  issue_date: '2026-11-23',
  issue_time: '14:05:09',
  issued_at: 0,
  hash: 'x',
  corrects_document_id: null,
  state: 'queued',
  attempts: 1,
  next_attempt_at: 0,
  last_attempt_at: 0,
  last_status: null,
  last_messages: null,
  updated_at: 0,
  corrected_by: null,
  corrected_by_number: null,
  alerted_12h_at: null,
  alerted_20h_at: null,
  overdue_at: null,
  certificate_serial: '1',
  ...over,
});

describe('corrective action per cause', () => {
  it('303: the document must be cleared; 413: too large; 400: reissue; a queued document needs none', () => {
    expect(correctiveActionFor(row({ state: 'failed', last_status: 303 }))).toMatchObject({
      kind: 'contact-support',
      summary: expect.stringMatching(/must be cleared, not reported \(HTTP 303\)/),
    });
    expect(correctiveActionFor(row({ state: 'failed', last_status: 413 }))).toMatchObject({
      kind: 'contact-support',
      summary: expect.stringMatching(/payload too large/),
    });
    expect(correctiveActionFor(row({ state: 'rejected', last_status: 400 }))).toMatchObject({ kind: 'reissue', originalNumber: 'T1-000007' });
    expect(correctiveActionFor(row({ state: 'queued' }))).toBeUndefined();
  });
});
