// SPDX-License-Identifier: UNLICENSED
// The terminal's standing with ZATCA: the status strip every screen shows, the device status page, the sync log,
// the documents that need the manager, and "retry now" (main/app/statusModel builds the answers).
import type { AppMode, StatusSnapshot } from '../../../app/contract/types';
import type { ApiHandlers } from '../../ipc/dispatcher';
import type { ModeServices } from '../modeServices';
import { deviceStatus, problems, syncLog } from '../statusModel';

export const STATUS_METHODS = ['status.get', 'device.status', 'sync.log', 'sync.problems', 'sync.retryNow'] as const;

export interface StatusServices {
  status(): StatusSnapshot;
  mode(): AppMode;
  /** The data folder of the mode in use. */
  folder(): Pick<ModeServices, 'onboarding' | 'worker' | 'documents' | 'backups'>;
  readonly dataDir: string;
  /** Standard documents by clearance state (ClearanceStore.counts), or null before the mode can sell. */
  clearance?(): { awaiting: number; rejected: number; cleared: number } | null;
}

export function statusHandlers(app: StatusServices): Pick<ApiHandlers, (typeof STATUS_METHODS)[number]> {
  return {
    'status.get': () => app.status(),
    'device.status': () => {
      const m = app.folder();
      const status = deviceStatus(app.mode(), m.onboarding.status(), m.worker, m.documents, app.dataDir, m.backups?.health() ?? null);
      const clearance = app.clearance?.() ?? null;
      return clearance ? { ...status, clearance } : status;
    },
    'sync.log': ({ limit }) => syncLog(app.folder().documents, limit),
    'sync.problems': () => problems(app.folder().worker, app.folder().documents),
    'sync.retryNow': () => {
      app.folder().worker?.nudge();
      return app.status();
    },
  };
}
