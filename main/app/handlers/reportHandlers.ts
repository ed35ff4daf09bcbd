// SPDX-License-Identifier: UNLICENSED
// The day's X and Z reports of the mode in use (main/reports): X reads the open period, Z closes it.
import type { ApiHandlers } from '../../ipc/dispatcher';
import type { DailyReports } from '../../reports/dailyReport';

export const REPORT_METHODS = ['reports.daily'] as const;

export interface ReportServices {
  reports(): Pick<DailyReports, 'x' | 'z'>;
}

export function reportHandlers(app: ReportServices): Pick<ApiHandlers, (typeof REPORT_METHODS)[number]> {
  return {
    'reports.daily': ({ kind }, { session: s }) => (kind === 'X' ? app.reports().x() : app.reports().z(s.user?.id ?? null)),
  };
}
