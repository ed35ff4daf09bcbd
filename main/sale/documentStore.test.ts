// SPDX-License-Identifier: UNLICENSED
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDeviceDatabase } from '../db/openDeviceDatabase';
import { PERIOD_ROWS_AFTER } from './documentStore';

describe('the reports read of a period', () => {
  it('is answered from the documents_report index, never the rows with their signed XML', () => {
    const db = openDeviceDatabase(path.join(mkdtempSync(path.join(tmpdir(), 'dukkan-report-plan-')), 'device.sqlite'));
    try {
      const plan = db
        .prepare<[number], { detail: string }>(`EXPLAIN QUERY PLAN ${PERIOD_ROWS_AFTER}`)
        .all(0)
        .map((r) => r.detail);
      expect(plan[0]).toBe('SEARCH documents USING COVERING INDEX documents_report (id>?)');
      expect(plan.join('\n')).not.toMatch(/SCAN documents\b|USE TEMP B-TREE/);
    } finally {
      db.close();
    }
  });
});
