// SPDX-License-Identifier: UNLICENSED
// Every schema step, in order. Add a step as migrations/NNNN-name.ts and list it here; never edit a released one.
import { ledgerMigration } from './0010-ledger';
import { onboardingMigration } from './0020-onboarding';
import { reportingMigration } from './0030-reporting';
import { terminalMigration } from './0040-terminal';
import { shiftsAuditMigration } from './0050-shifts-audit';
import { b2bMigration } from './0060-b2b';
import { catalogUnitsMigration } from './0070-catalog-units';
import { heldSalesMigration } from './0080-held-sales';
import { storeSyncMigration } from './0090-store-sync';
import { foreignReturnsMigration } from './0095-foreign-returns';
import { tendersMigration } from './0100-tenders';
import { storeMasterDataMigration } from './0110-store-master-data';
import { storeTlsPinsMigration } from './0120-store-tls-pins';
import { reportIndexMigration } from './0130-report-index';
import { storeTlsNextMigration } from './0140-store-tls-next';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  ledgerMigration,
  onboardingMigration,
  reportingMigration,
  terminalMigration,
  shiftsAuditMigration,
  b2bMigration,
  catalogUnitsMigration,
  heldSalesMigration,
  storeSyncMigration,
  foreignReturnsMigration,
  tendersMigration,
  storeMasterDataMigration,
  storeTlsPinsMigration,
  reportIndexMigration,
  storeTlsNextMigration,
];
