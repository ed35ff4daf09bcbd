// SPDX-License-Identifier: UNLICENSED
// The X and Z reports read the open period's documents by id with their kind, amount, correction and commit time
// (main/reports/dailyReport.ts). Those columns come after the signed XML and the input in a documents row, so a scan
// of the table walked every row's overflow pages to reach them: 16 µs a document, 32 ms for a day of 2,000 sales
// at each report. An index holding exactly those columns answers the scan from the index alone (5 ms for 2,000;
// BENCHMARKS.md, "Reports"), for one more index entry per issuance.
import type { Migration } from './types';

export const reportIndexMigration: Migration = {
  version: 130,
  name: '0130-report-index',
  up(db) {
    db.exec('CREATE INDEX documents_report ON documents (id, kind, payable, corrects_document_id, committed_at);');
  },
};
