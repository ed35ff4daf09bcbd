// SPDX-License-Identifier: UNLICENSED
// Percentiles and formatting shared by the benchmarks.

export interface LatencySummary {
  readonly runs: number;
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  readonly max: number;
}

export function summarize(samplesMs: readonly number[]): LatencySummary {
  const s = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { runs: s.length, p50: at(0.5), p99: at(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length, max: s.at(-1)! };
}

export async function measure(runs: number, warmup: number, fn: () => unknown): Promise<LatencySummary> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

export const ms = (v: number) => `${v.toFixed(2)} ms`;

/** The result every benchmark module returns: a markdown section for BENCHMARKS.md plus raw figures. */
export interface BenchSection {
  readonly title: string;
  readonly markdown: string;
  readonly figures: Record<string, unknown>;
}

/** Runs the variants round-robin, `runs` times each, and summarises each one's samples. */
export async function measureInterleaved<K extends string>(variants: Record<K, () => unknown>, runs: number): Promise<Record<K, LatencySummary>> {
  const names = Object.keys(variants) as K[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < runs; i++) {
    for (const n of names) {
      const t0 = performance.now();
      await variants[n]();
      samples[n].push(performance.now() - t0);
    }
  }
  return Object.fromEntries(names.map((n) => [n, summarize(samples[n])])) as Record<K, LatencySummary>;
}
