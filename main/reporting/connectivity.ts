// SPDX-License-Identifier: UNLICENSED
// Is Fatoora reachable? Learned from the answers themselves, without extra traffic while things work, and with a
// cheap probe (a HEAD of the base URL through the client's own HTTP stack, no API call, no credentials) on an
// exponential schedule while they do not — so an outage of days costs a few dozen probes, not one request per
// document (reference §11). The probe goes where the requests go: behind a shop's proxy a direct TCP connection to
// Fatoora may be refused while the proxy reaches it.
//
//   unknown ──answer──▶ online ──N failures in a row / refused──▶ offline ──probe OK──▶ unknown (one canary request)
//      └──────────────────failure────────────────────────────────────────▲
// Any answer from the server (even 400/401/429) proves it is reachable. Retry-After is honoured by the probe schedule.
import { backoffDelay, type BackoffPolicy } from './backoff';

export type Connectivity = 'unknown' | 'online' | 'offline';

export interface ConnectivityOptions {
  /** Consecutive transient failures (5xx, timeouts, broken connections) that mean "down". */
  readonly failuresToOffline: number;
  /** Probe schedule while offline. */
  readonly probe: BackoffPolicy;
}

export type ConnectivityFailure = 'unreachable' | 'transient';

export class ConnectivityTracker {
  state: Connectivity = 'unknown';
  offlineSince: number | undefined;
  nextProbeAt: number | undefined;
  /** Probes run so far in this outage (for the status, and to show that the server was not hammered). */
  probes = 0;
  private failures = 0;
  private probeFailures = 0;

  constructor(
    private readonly options: ConnectivityOptions,
    private readonly random: () => number,
  ) {}

  /** How many requests may be in flight now. */
  limit(concurrency: number): number {
    if (this.state === 'online') return concurrency;
    if (this.state === 'unknown') return 1; // a canary: the first answer decides
    return 0;
  }

  /** The server answered. Returns true when this brings us back online. */
  answered(): boolean {
    this.failures = 0;
    this.probeFailures = 0;
    this.nextProbeAt = undefined;
    const wasDown = this.state !== 'online';
    const cameBack = this.offlineSince !== undefined;
    this.state = 'online';
    this.offlineSince = undefined;
    return wasDown && cameBack;
  }

  /** A request failed without an answer from the server. Returns true when this takes us offline. */
  failed(kind: ConnectivityFailure, now: number, retryAfterMs?: number): boolean {
    if (this.state === 'offline') {
      // late failures of requests sent before the outage was noticed: only Retry-After may push the probe back
      if (retryAfterMs !== undefined && this.nextProbeAt !== undefined) this.nextProbeAt = Math.max(this.nextProbeAt, now + retryAfterMs);
      return false;
    }
    this.failures++;
    const down = kind === 'unreachable' || this.state === 'unknown' || this.failures >= this.options.failuresToOffline;
    if (!down) return false;
    this.state = 'offline';
    this.offlineSince ??= now;
    this.scheduleProbe(now, retryAfterMs);
    return true;
  }

  /** A probe found the server unreachable. */
  probeFailed(now: number): void {
    this.probes++;
    this.scheduleProbe(now);
  }

  /** A probe connected: let one request through to see whether the API answers. */
  probeSucceeded(): void {
    this.probes++;
    this.nextProbeAt = undefined;
    this.state = 'unknown';
  }

  /** The OS says the network is back (or the app asks): probe at once instead of waiting for the schedule. */
  nudge(now: number): void {
    if (this.state === 'offline') this.nextProbeAt = now;
  }

  private scheduleProbe(now: number, retryAfterMs?: number): void {
    this.probeFailures++;
    const delay = backoffDelay(this.probeFailures, this.options.probe, this.random);
    this.nextProbeAt = now + Math.max(delay, retryAfterMs ?? 0);
  }
}
