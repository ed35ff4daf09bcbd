// SPDX-License-Identifier: UNLICENSED
// The app's events for the screens (app/contract/events): one bus the shells subscribe to (Electron IPC, browser
// mode's server-sent events). A listener that throws is logged and does not keep the others from hearing.
import type { AppEvent } from '../../app/contract/events';
import type { StatusSnapshot } from '../../app/contract/types';
import { errorFields, type Logger } from '../log/logger';
import type { ReportingWorker } from '../reporting/index';
import { zatcaMessages } from './statusModel';

export class AppEventBus {
  private readonly listeners = new Set<(event: AppEvent) => void>();

  constructor(private readonly log: Logger) {}

  subscribe(listener: (event: AppEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: AppEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (e) {
        this.log.warn('app.listener-failed', errorFields(e));
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}

/** The reporting worker's news for the screens: the status strip, each report's outcome in the sync log; alerts to the log. */
export function forwardReportingEvents(
  worker: ReportingWorker,
  to: { readonly bus: AppEventBus; readonly status: () => StatusSnapshot; readonly clock: () => Date; readonly log: Logger },
): void {
  worker.on('status', () => to.bus.emit({ type: 'status', status: to.status() }));
  worker.on('outcome', (o) =>
    to.bus.emit({
      type: 'sync',
      entry: { at: to.clock().toISOString(), number: o.number, outcome: o.outcome, httpStatus: o.httpStatus ?? null, messages: zatcaMessages(o.messages) },
    }),
  );
  worker.on('alert', (a) => to.log.warn('reporting.alert', { kind: a.kind, message: a.message }));
}
