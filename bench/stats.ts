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
