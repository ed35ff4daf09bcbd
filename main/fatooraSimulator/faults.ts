// SPDX-License-Identifier: UNLICENSED
// Fault injection. Two ways to ask for trouble, both changeable while the simulator runs:
// - settings: rates (seeded, reproducible) of error statuses, timeouts, resets and lost responses, added latency,
//   and outage windows on the simulator clock (connections refused, or every request answered 503);
// - a script: one-shot faults for the next matching requests ("the next reporting call loses its response").
// A fault decision is taken per request, before the request is handled; `lost-response` lets the handler run
// (the document is recorded) and then drops the connection without an answer — the classic cause of duplicates;
// `recorded-then-status` lets it run too and then answers a 5xx, as a gateway that failed after the service recorded
// the document does (reference §9.1: a 503/504 followed, on resend, by a duplicate answer).
import type { FatooraEndpoint } from '../fatoora/outcome';
import type { SeededRandom } from './random';

export type InjectedStatus = 429 | 500 | 502 | 503 | 504;
/** A 5xx sent after the request was handled and recorded. */
export type RecordedStatus = 500 | 502 | 503 | 504;

export interface OutageWindow {
  readonly from: Date;
  readonly until: Date;
  /** `refuse`: the port stops listening (clients see ECONNREFUSED). `unavailable`: every request gets 503. */
  readonly mode: 'refuse' | 'unavailable';
}

export interface FaultSettings {
  /** Added before every answer: a fixed delay or a uniform range, in ms. */
  readonly latencyMs?: number | { readonly min: number; readonly max: number };
  /** Probability (0–1) that a request is answered with one of `errorStatuses` instead of being handled. */
  readonly errorRate?: number;
  /** Default [500, 503, 429]. */
  readonly errorStatuses?: readonly InjectedStatus[];
  /** Retry-After sent with 429 and 503. Default 1. */
  readonly retryAfterSeconds?: number;
  /** Probability that a request is held without an answer until the client gives up. */
  readonly timeoutRate?: number;
  /** Probability that the connection is reset before the request is handled. */
  readonly resetRate?: number;
  /** Probability that the request is handled (and recorded) but the connection is dropped before the answer. */
  readonly lostResponseRate?: number;
  /** Probability that the request is handled (and recorded) and then answered with a 5xx of `recordedStatuses`. */
  readonly recordedErrorRate?: number;
  /** Default [503, 504] (nginx pages, as seen in the field). */
  readonly recordedStatuses?: readonly RecordedStatus[];
  readonly outages?: readonly OutageWindow[];
  /** Endpoints the rates and latency apply to; default all. Outages always apply to everything. */
  readonly endpoints?: readonly FatooraEndpoint[];
}

export type ScriptedFault =
  | { readonly kind: 'status'; readonly status: InjectedStatus | 413; readonly retryAfterSeconds?: number; readonly format?: 'json' | 'html' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'lost-response' }
  | { readonly kind: 'recorded-then-status'; readonly status: RecordedStatus }
  | { readonly kind: 'latency'; readonly ms: number };

export type FaultDecision =
  | { readonly kind: 'none'; readonly latencyMs: number }
  | { readonly kind: 'status'; readonly latencyMs: number; readonly status: number; readonly retryAfterSeconds?: number; readonly format: 'json' | 'html' }
  | { readonly kind: 'timeout' | 'reset' | 'lost-response'; readonly latencyMs: number }
  | { readonly kind: 'recorded-then-status'; readonly latencyMs: number; readonly status: RecordedStatus; readonly retryAfterSeconds?: number };

export interface FaultController {
  readonly settings: FaultSettings;
  /** Replaces all settings. */
  set(settings: FaultSettings): void;
  /** Merges into the current settings. */
  update(settings: Partial<FaultSettings>): void;
  /** Queues one-shot faults for the next requests (to `endpoint` only, when given). */
  enqueue(fault: ScriptedFault, options?: { readonly endpoint?: FatooraEndpoint; readonly times?: number }): void;
  /** Removes every setting and queued fault. */
  clear(): void;
  /** The outage window in force at `now`, if any. */
  outageAt(now: Date): OutageWindow | undefined;
  decide(endpoint: FatooraEndpoint | undefined): FaultDecision;
  /** How many faults of each kind were injected so far. */
  readonly injected: Readonly<Record<string, number>>;
}

function checkRate(name: string, v: number | undefined): void {
  if (v !== undefined && !(Number.isFinite(v) && v >= 0 && v <= 1)) throw new Error(`faults.${name}: must be a probability between 0 and 1`);
}

export function checkFaultSettings(s: FaultSettings): FaultSettings {
  checkRate('errorRate', s.errorRate);
  checkRate('timeoutRate', s.timeoutRate);
  checkRate('resetRate', s.resetRate);
  checkRate('lostResponseRate', s.lostResponseRate);
  checkRate('recordedErrorRate', s.recordedErrorRate);
  const total = (s.errorRate ?? 0) + (s.timeoutRate ?? 0) + (s.resetRate ?? 0) + (s.lostResponseRate ?? 0) + (s.recordedErrorRate ?? 0);
  if (total > 1 + 1e-9) throw new Error('faults: errorRate + timeoutRate + resetRate + lostResponseRate + recordedErrorRate must not exceed 1');
  for (const st of s.recordedStatuses ?? []) if (![500, 502, 503, 504].includes(st)) throw new Error('faults.recordedStatuses: only 500, 502, 503, 504');
  if (s.recordedStatuses?.length === 0) throw new Error('faults.recordedStatuses: must not be empty');
  const l = s.latencyMs;
  if (l !== undefined && (typeof l === 'number' ? !(l >= 0) : !(l.min >= 0 && l.max >= l.min))) {
    throw new Error('faults.latencyMs: must be ≥ 0, or {min, max} with 0 ≤ min ≤ max');
  }
  for (const st of s.errorStatuses ?? []) if (![429, 500, 502, 503, 504].includes(st)) throw new Error('faults.errorStatuses: only 429, 500, 502, 503, 504');
  if (s.errorStatuses?.length === 0) throw new Error('faults.errorStatuses: must not be empty');
  for (const w of s.outages ?? []) {
    if (!(w.from instanceof Date) || !(w.until instanceof Date) || !(w.until.getTime() > w.from.getTime())) {
      throw new Error('faults.outages: each window needs Dates with until after from');
    }
    if (w.mode !== 'refuse' && w.mode !== 'unavailable') throw new Error("faults.outages: mode must be 'refuse' or 'unavailable'");
  }
  return s;
}

export function createFaultController(random: SeededRandom, initial: FaultSettings = {}, onChange: () => void = () => undefined): FaultController {
  let settings = checkFaultSettings(initial);
  const queue: { fault: ScriptedFault; endpoint?: FatooraEndpoint }[] = [];
  const injected: Record<string, number> = {};
  const count = (kind: string): void => {
    injected[kind] = (injected[kind] ?? 0) + 1;
  };

  const latency = (): number => {
    const l = settings.latencyMs;
    if (l === undefined) return 0;
    return typeof l === 'number' ? l : Math.round(l.min + random.next() * (l.max - l.min));
  };

  return {
    get settings() {
      return settings;
    },
    set(next) {
      settings = checkFaultSettings(next);
      onChange();
    },
    update(partial) {
      settings = checkFaultSettings({ ...settings, ...partial });
      onChange();
    },
    enqueue(fault, options = {}) {
      const times = options.times ?? 1;
      if (!Number.isInteger(times) || times < 1) throw new Error('faults.enqueue: times must be a positive integer');
      for (let i = 0; i < times; i++) queue.push({ fault, ...(options.endpoint ? { endpoint: options.endpoint } : {}) });
    },
    clear() {
      settings = {};
      queue.length = 0;
      onChange();
    },
    outageAt(now) {
      const t = now.getTime();
      return settings.outages?.find((w) => w.from.getTime() <= t && t < w.until.getTime());
    },
    decide(endpoint) {
      const scriptedIndex = queue.findIndex((q) => q.endpoint === undefined || q.endpoint === endpoint);
      if (scriptedIndex >= 0) {
        const [{ fault }] = queue.splice(scriptedIndex, 1) as [{ fault: ScriptedFault }];
        count(fault.kind === 'status' ? `status-${fault.status}` : fault.kind === 'recorded-then-status' ? `recorded-then-${fault.status}` : fault.kind);
        switch (fault.kind) {
          case 'latency':
            return { kind: 'none', latencyMs: fault.ms };
          case 'status':
            return {
              kind: 'status',
              latencyMs: 0,
              status: fault.status,
              format: fault.format ?? 'json',
              ...(fault.retryAfterSeconds !== undefined ? { retryAfterSeconds: fault.retryAfterSeconds } : {}),
            };
          case 'recorded-then-status':
            return { kind: 'recorded-then-status', latencyMs: 0, status: fault.status };
          default:
            return { kind: fault.kind, latencyMs: 0 };
        }
      }
      const applies = !settings.endpoints || (endpoint !== undefined && settings.endpoints.includes(endpoint));
      if (!applies) return { kind: 'none', latencyMs: 0 };
      const latencyMs = latency();
      // one draw per request, split into bands, so a seed gives the same sequence of faults
      const r = random.next();
      let edge = settings.errorRate ?? 0;
      if (r < edge) {
        const statuses = settings.errorStatuses ?? [500, 503, 429];
        const status = statuses[Math.floor(random.next() * statuses.length)] ?? 500;
        count(`status-${status}`);
        return {
          kind: 'status',
          latencyMs,
          status,
          format: status === 502 || status === 504 ? 'html' : 'json',
          ...(status === 429 || status === 503 ? { retryAfterSeconds: settings.retryAfterSeconds ?? 1 } : {}),
        };
      }
      for (const [kind, rate] of [
        ['timeout', settings.timeoutRate],
        ['reset', settings.resetRate],
        ['lost-response', settings.lostResponseRate],
      ] as const) {
        edge += rate ?? 0;
        if (r < edge) {
          count(kind);
          return { kind, latencyMs };
        }
      }
      edge += settings.recordedErrorRate ?? 0;
      if (r < edge) {
        const statuses = settings.recordedStatuses ?? [503, 504];
        const status = statuses[Math.floor(random.next() * statuses.length)] ?? 503;
        count(`recorded-then-${status}`);
        return { kind: 'recorded-then-status', latencyMs, status, ...(status === 503 ? { retryAfterSeconds: settings.retryAfterSeconds ?? 1 } : {}) };
      }
      return { kind: 'none', latencyMs };
    },
    get injected() {
      return { ...injected };
    },
  };
}
