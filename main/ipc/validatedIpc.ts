// SPDX-License-Identifier: UNLICENSED
// The only place that talks to Electron's ipcMain (VS Code's validatedIpcMain, Electron advisory GHSA-mq8j-3h7h-p8g7):
// one `handle` per contract method on the `pos:` channel prefix, and every call is refused unless
//   - it comes from a window we created (its webContents id is registered),
//   - from that window's main frame (no iframe can call), and
//   - the frame shows our own app://dukkan origin (a navigated or hijacked page cannot call).
// Only then does the dispatcher validate the argument against the contract's schema and run the handler.
import { CHANNEL_PREFIX, EVENT_CHANNEL, METHOD_NAMES } from '../../app/contract/methodNames';
import type { ApiResult } from '../../app/contract/errors';
import type { AppEvent } from '../../app/contract/events';
import { DukkanError } from '../../app/errors/index';
import type { Logger } from '../log/logger';
import type { ClientSession } from '../users/sessions';
import { apiErrorOf } from './apiErrors';
import type { Dispatcher } from './dispatcher';

/** The parts of Electron's WebFrameMain used here. */
export interface FrameLike {
  readonly url: string;
}

/** The parts of Electron's IpcMainInvokeEvent used here. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
  readonly sender: { readonly id: number; readonly mainFrame: FrameLike };
}

/** The parts of Electron's ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface EventTarget {
  readonly id: number;
  send(channel: string, event: AppEvent): void;
  isDestroyed(): boolean;
}

export const APP_SCHEME = 'app';
export const APP_HOST = 'dukkan';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Whether a frame URL is a page of our app: app://dukkan/… (custom schemes have an opaque URL.origin, so compare parts). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

export type SenderCheck = { readonly ok: true } | { readonly ok: false; readonly reason: 'unknown-window' | 'no-frame' | 'not-main-frame' | 'foreign-origin' };

export function checkSender(event: InvokeEventLike, trustedWindows: ReadonlySet<number>): SenderCheck {
  if (!trustedWindows.has(event.sender.id)) return { ok: false, reason: 'unknown-window' };
  const frame = event.senderFrame;
  if (!frame) return { ok: false, reason: 'no-frame' };
  if (frame !== event.sender.mainFrame) return { ok: false, reason: 'not-main-frame' };
  if (!isAppUrl(frame.url)) return { ok: false, reason: 'foreign-origin' };
  return { ok: true };
}

export interface ValidatedIpc {
  /** Lets a window we created call the API (call when creating it). */
  trustWindow(target: EventTarget): void;
  /** Sends a window the events without letting it call anything (the customer display only listens). */
  listenOnly(target: EventTarget): void;
  forgetWindow(id: number): void;
  /** Sends an event to every window told of (trusted or listening). */
  broadcast(event: AppEvent): void;
  dispose(): void;
}

export function registerValidatedIpc(
  ipcMain: IpcMainLike,
  dispatcher: Dispatcher,
  sessions: { get(clientId: string): ClientSession },
  logger: Logger,
): ValidatedIpc {
  const log = logger.child({ component: 'ipc' });
  const windows = new Map<number, EventTarget>();
  const trusted = new Set<number>();
  for (const method of METHOD_NAMES) {
    ipcMain.handle(`${CHANNEL_PREFIX}${method}`, async (event, ...args): Promise<ApiResult<unknown>> => {
      const check = checkSender(event, trusted);
      if (!check.ok) {
        log.warn('ipc.refused-sender', { method, reason: check.reason });
        return { ok: false, error: apiErrorOf(new DukkanError('api.foreign-window')) };
      }
      if (args.length > 1) return { ok: false, error: apiErrorOf(new DukkanError('api.one-argument')) };
      return dispatcher.call(method, args[0], sessions.get(`window-${event.sender.id}`));
    });
  }
  return {
    trustWindow(target) {
      windows.set(target.id, target);
      trusted.add(target.id);
    },
    listenOnly(target) {
      windows.set(target.id, target);
    },
    forgetWindow(id) {
      windows.delete(id);
      trusted.delete(id);
    },
    broadcast(event) {
      for (const w of windows.values()) if (!w.isDestroyed()) w.send(EVENT_CHANNEL, event);
    },
    dispose() {
      for (const method of METHOD_NAMES) ipcMain.removeHandler(`${CHANNEL_PREFIX}${method}`);
      windows.clear();
      trusted.clear();
    },
  };
}
