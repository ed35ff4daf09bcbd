// SPDX-License-Identifier: UNLICENSED
// The day's X and Z reports of the mode in use (main/reports): X reads the open period, Z closes it and starts a
// backup, so the day's documents leave the till the same evening (docs/backups.md).
import type { ApiHandlers } from '../../ipc/dispatcher';
import type { DailyReports } from '../../reports/dailyReport';

export const REPORT_METHODS = ['reports.daily'] as const;

export interface ReportServices {
  reports(): Pick<DailyReports, 'x' | 'z'>;
  /** Called after each Z report (main/backup/backupService.ts afterZReport; never throws). */
  afterZReport?(): void;
}

export function reportHandlers(app: ReportServices): Pick<ApiHandlers, (typeof REPORT_METHODS)[number]> {
  return {
    'reports.daily': ({ kind }, { session: s }) => {
      if (kind === 'X') return app.reports().x();
      const z = app.reports().z(s.user?.id ?? null);
      app.afterZReport?.();
      return z;
    },
  };
}
