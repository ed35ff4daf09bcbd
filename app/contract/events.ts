// SPDX-License-Identifier: UNLICENSED
// What main pushes to the renderer without being asked: on the EVENT_CHANNEL in Electron, as server-sent events in
// browser mode. Events only inform; the renderer re-reads anything it acts on through a method call.
import type { OnboardingProgress, PrintOutcome, StatusSnapshot, SyncLogEntry } from './types';
import type { CustomerDisplay } from './tillTypes';

export type AppEvent =
  | { readonly type: 'status'; readonly status: StatusSnapshot }
  | { readonly type: 'print'; readonly number: string; readonly outcome: PrintOutcome }
  | { readonly type: 'onboarding'; readonly progress: OnboardingProgress }
  | { readonly type: 'sync'; readonly entry: SyncLogEntry }
  /** The till's cart for the customer-facing display (a second tab or window). */
  | { readonly type: 'display'; readonly display: CustomerDisplay }
  /** Training ended (onboarding finished) or began: the renderer reloads the session. */
  | { readonly type: 'mode-changed' };

export type AppEventType = AppEvent['type'];
