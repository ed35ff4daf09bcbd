// SPDX-License-Identifier: UNLICENSED
// Percentiles and formatting shared by the benchmarks.
import v8 from 'node:v8';
import vm from 'node:vm';

export interface LatencySummary {
  readonly runs: number;
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  readonly max: number;
  /**
   * Mean CPU time of this process per run (user + system), when measured. On a machine shared with other work the
   * wall-clock figures include waiting for a core; this one does not, so it shows the work itself.
   */
  readonly cpuMean?: number;
}

export function summarize(samplesMs: readonly number[]): LatencySummary {
  const s = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { runs: s.length, p50: at(0.5), p99: at(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length, max: s.at(-1)! };
}

export async function measure(runs: number, warmup: number, fn: () => unknown): Promise<LatencySummary> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return { ...summarize(samples), cpuMean: cpuMs(process.cpuUsage(cpu0)) / runs };
}

/** A process.cpuUsage() difference in ms (user + system). */
export const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

export const ms = (v: number) => `${v.toFixed(2)} ms`;

/** The result every benchmark module returns: a markdown section for BENCHMARKS.md plus raw figures. */
export interface BenchSection {
  readonly title: string;
  readonly markdown: string;
  readonly figures: Record<string, unknown>;
}

/** A full garbage collection, when the runtime lets us ask for one (see `collectGarbage`). */
const fullGc: (() => void) | undefined = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
})();

/**
 * Runs the variants in rotating blocks (`block` runs of one, then the next, round after round) and summarises each
 * one's samples. Rotation spreads the shared VM's minute-to-minute speed over all variants alike; the blocks, with
 * a full GC between them, make each variant pay for its own garbage — run one by one, a variant that allocates
 * ten times more would leave its major GCs to whichever variant runs next. GCs inside a block are the variant's own
 * and stay in its figures.
 */
export async function measureInterleaved<K extends string>(
  variants: Record<K, () => unknown>,
  runs: number,
  block = Math.max(1, Math.min(100, Math.floor(runs / 10))),
): Promise<Record<K, LatencySummary>> {
  const names = Object.keys(variants) as K[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  const cpu = Object.fromEntries(names.map((n) => [n, 0])) as Record<K, number>;
  for (let done = 0; done < runs; done += block) {
    for (const n of names) {
      if (fullGc) {
        fullGc();
        await variants[n](); // unrecorded: the first run after a forced full GC re-warms what the GC discarded
      }
      const cpu0 = process.cpuUsage();
      for (let i = done; i < Math.min(runs, done + block); i++) {
        const t0 = performance.now();
        await variants[n]();
        samples[n].push(performance.now() - t0);
      }
      cpu[n] += cpuMs(process.cpuUsage(cpu0));
    }
  }
  return Object.fromEntries(names.map((n) => [n, { ...summarize(samples[n]), cpuMean: cpu[n] / samples[n].length }])) as Record<K, LatencySummary>;
}
