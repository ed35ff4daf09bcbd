// SPDX-License-Identifier: UNLICENSED
// What the main thread did during a stall, for the soak (bench/soak.ts): the garbage collector's pauses, always, and
// with `--profile-stalls` a CPU profile of the thread kept in a ring and cut to each stall's window.
//
// The pauses come from perf_hooks' `gc` entries (cheap enough to leave on). The profile is V8's sampling profiler
// through an inspector session on this same thread, stopped and restarted every ROTATE_MS: a stall seen by the timer
// lies within the profile that is running, so at the next rotation that profile's samples inside the stall's window
// are summed by function ("(garbage collector)" is V8's own name for its pauses) and the profile is dropped. Sampling
// costs the thread a little CPU and each rotation a few ms, so the option is off unless asked for.
import { Session } from 'node:inspector';
import { pathToFileURL } from 'node:url';
import { PerformanceObserver, constants } from 'node:perf_hooks';

const ROTATE_MS = 2000;
const SAMPLE_US = 1000;
const TOP = 5;
/** GC pauses shorter than this are not kept: scavenges of a few ms happen many times a second. */
export const KEEP_GC_MS = 2;

export interface GcPause {
  /** performance.now() at the pause's start. */
  readonly at: number;
  readonly ms: number;
  readonly kind: 'minor' | 'major' | 'incremental' | 'weak callbacks';
}

export interface StallWindow {
  readonly from: number;
  readonly to: number;
  readonly what: string;
  readonly cpuMs: number;
}

export interface ExplainedStall extends StallWindow {
  /** GC pauses inside the window, in ms. */
  readonly gcMs: number;
  readonly gcKinds: readonly string[];
  /** With --profile-stalls: the functions with the most self time in the window, `name (file:line) ms`. */
  readonly top?: readonly string[];
}

function kindOf(kind: number): GcPause['kind'] {
  if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) return 'major';
  if (kind === constants.NODE_PERFORMANCE_GC_INCREMENTAL) return 'incremental';
  if (kind === constants.NODE_PERFORMANCE_GC_WEAKCB) return 'weak callbacks';
  return 'minor';
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Files of this checkout by their path in it (the bench runs from its root): main/app/…, node_modules/…. */
const ROOTS = [`${pathToFileURL(process.cwd()).href}/`, `${process.cwd()}/`];

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const root = ROOTS.find((r) => url.startsWith(r));
  const file = root === undefined ? url : url.slice(root.length);
  return url === '' ? functionName || '(anonymous)' : `${functionName || '(anonymous)'} (${file}:${lineNumber + 1})`;
}

/** Self time by function within [fromUs, toUs] of a profile (µs on the profile's clock), the largest first. */
export function selfTimeIn(profile: Profile, fromUs: number, toUs: number): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = new Map<string, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    // a sample stands for the interval before it
    if (t < fromUs || t - dt > toUs) continue;
    const node = byId.get(profile.samples[i]!);
    if (node === undefined) continue;
    const name = label(node);
    if (name === '(idle)') continue;
    total.set(name, (total.get(name) ?? 0) + dt / 1000);
  }
  return [...total].sort((a, b) => b[1] - a[1]);
}

export class StallExplainer {
  private readonly gcs: GcPause[] = [];
  private readonly observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration < KEEP_GC_MS) continue;
      const { detail } = e as PerformanceEntry & { detail?: { kind?: number } };
      this.gcs.push({ at: e.startTime, ms: e.duration, kind: kindOf(detail?.kind ?? 0) });
    }
  });
  private readonly session: Session | undefined;
  private lastRotation = performance.now();
  /** Stalls waiting for the running profile to be cut. */
  private pending: StallWindow[] = [];
  private readonly tops = new Map<StallWindow, string[]>();
  private readonly stalls: StallWindow[] = [];
  /** The bench's own work (a sample's forced full GC): its pauses are not the app's. */
  private readonly excluded: [number, number][] = [];
  /** performance.now() in ms → the profile's clock (the monotonic clock in µs). */
  private readonly clockOffsetUs = Number(process.hrtime.bigint() / 1000n) - performance.now() * 1000;

  constructor(profile: boolean) {
    this.observer.observe({ entryTypes: ['gc'] });
    if (!profile) return;
    this.session = new Session();
    this.session.connect();
    this.session.post('Profiler.enable');
    this.session.post('Profiler.setSamplingInterval', { interval: SAMPLE_US });
    this.session.post('Profiler.start');
  }

  /** Whether a profile has run ROTATE_MS: the stall watch then rotates it between two of its ticks (unseen). */
  get due(): boolean {
    return this.session !== undefined && performance.now() - this.lastRotation >= ROTATE_MS;
  }

  /** Notes a stall the watch saw; its GC pauses and profile are matched later. */
  stall(window: StallWindow): void {
    this.stalls.push(window);
    if (this.session !== undefined) this.pending.push(window);
  }

  /** Leaves the pauses between `from` and `to` (performance.now()) out: the bench's own work. */
  exclude(from: number, to: number): void {
    this.excluded.push([from, to]);
  }

  /** The pauses kept, those in the bench's own work left out. */
  private pauses(): GcPause[] {
    return this.gcs.filter((g) => !this.excluded.some(([from, to]) => g.at >= from && g.at <= to));
  }

  /** Forgets what was seen so far (the warm-up). */
  clear(): void {
    this.stalls.length = 0;
    this.gcs.length = 0;
    this.pending = [];
    this.tops.clear();
  }

  /**
   * Stops the running profile, explains the stalls that lie in it and starts the next. Synchronous: an inspector
   * session on the same thread answers at once, so the stall watch can leave this bench work out (unseen).
   */
  rotate(): void {
    const session = this.session;
    if (session === undefined) return;
    this.lastRotation = performance.now();
    let profile: Profile | undefined;
    session.post('Profiler.stop', (err, r) => {
      if (err === null) profile = r.profile as Profile;
    });
    session.post('Profiler.start');
    if (profile === undefined || this.pending.length === 0) return;
    for (const s of this.pending) {
      const top = selfTimeIn(profile, s.from * 1000 + this.clockOffsetUs, s.to * 1000 + this.clockOffsetUs)
        .slice(0, TOP)
        .map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`);
      this.tops.set(s, top);
    }
    this.pending = [];
  }

  /** GC pauses since the last clear: major ones, and all of them, as counts, total and largest. */
  gcSummary(): { readonly majors: readonly number[]; readonly all: readonly number[] } {
    const pauses = this.pauses();
    return { majors: pauses.filter((g) => g.kind === 'major').map((g) => g.ms), all: pauses.map((g) => g.ms) };
  }

  /** Every stall with the GC pauses that fell in it and, when profiled, what ran. Call after stop(). */
  explained(): ExplainedStall[] {
    const pauses = this.pauses();
    return this.stalls.map((s) => {
      const inside = pauses.filter((g) => g.at < s.to && g.at + g.ms > s.from);
      return {
        ...s,
        gcMs: inside.reduce((sum, g) => sum + g.ms, 0),
        gcKinds: [...new Set(inside.map((g) => g.kind))],
        ...(this.tops.has(s) ? { top: this.tops.get(s)! } : {}),
      };
    });
  }

  stop(): void {
    this.rotate();
    this.session?.post('Profiler.stop');
    this.session?.disconnect();
    // the observer is asynchronous: entries of the last moments may not have arrived; they are after the last stall
    this.observer.disconnect();
  }
}
