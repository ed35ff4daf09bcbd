// SPDX-License-Identifier: UNLICENSED
// The store server's schema steps, in order. Add one by writing migrations/NNNN-name.ts and listing it here.
import { fleetMigration } from './0001-fleet';
import { masterDataMigration } from './0002-master-data';
import { dayTotalsMigration } from './0003-day-totals';
import { returnsMigration } from './0004-returns';
import { terminalBackupsMigration } from './0005-terminal-backups';
import { chainCertificatesMigration } from './0006-chain-certificates';
import { serverTlsMigration } from './0007-server-tls';
import { returnReservationsMigration } from './0008-return-reservations';
import { serverTlsNextMigration } from './0009-server-tls-next';
import type { ServerMigration } from './types';

export const SERVER_MIGRATIONS: readonly ServerMigration[] = [
  fleetMigration,
  masterDataMigration,
  dayTotalsMigration,
  returnsMigration,
  terminalBackupsMigration,
  chainCertificatesMigration,
  serverTlsMigration,
  returnReservationsMigration,
  serverTlsNextMigration,
];
