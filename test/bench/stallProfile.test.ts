// SPDX-License-Identifier: UNLICENSED
// The soak's stall explainer (bench/stallProfile.ts) on real work: a busy function is found in the profile cut to
// its window, a forced full GC is seen as a major pause unless it is the bench's own (excluded), and a stall without
// the profiler still gets its GC share.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { StallExplainer } from '../../bench/stallProfile';

function fullGc(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function busyCountingPrimes(ms: number): number {
  let found = 0;
  const end = performance.now() + ms;
  for (let n = 2; performance.now() < end; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = false;
    if (prime) found++;
  }
  return found;
}

/** Lets the asynchronous gc entries arrive. */
const entriesArrive = () => new Promise((resolve) => setTimeout(resolve, 50));

let explainer: StallExplainer | undefined;
afterEach(() => explainer?.stop());

describe('the soak stall explainer', () => {
  it('names the function that ran in a stall from the profile cut to its window', () => {
    explainer = new StallExplainer(true);
    busyCountingPrimes(30); // before the window: must not count
    const from = performance.now();
    busyCountingPrimes(120);
    const to = performance.now();
    explainer.stall({ from, to, what: 'printing', cpuMs: 120 });
    explainer.rotate();
    explainer.stop();
    const [stall] = explainer.explained();
    expect(stall?.top?.[0]).toMatch(/^busyCountingPrimes \(test\/bench\/stallProfile\.test\.ts:\d+\) \d+ ms$/);
    const busyMs = Number(/(\d+) ms$/.exec(stall!.top![0]!)![1]);
    expect(busyMs).toBeGreaterThan(60);
    expect(busyMs).toBeLessThanOrEqual(130); // only the window's samples, not the 30 ms before it
    explainer = undefined;
  });

  it('counts a full GC in a stall as a major pause, and leaves the bench’s own out', async () => {
    explainer = new StallExplainer(false);
    const keep: unknown[] = [];
    for (let i = 0; i < 200_000; i++) keep.push({ i, s: `x${i}` }); // a heap worth marking
    const from = performance.now();
    fullGc();
    const to = performance.now();
    explainer.stall({ from, to, what: 'sale', cpuMs: to - from });
    const ownFrom = performance.now();
    fullGc();
    explainer.exclude(ownFrom, performance.now());
    await entriesArrive();
    expect(keep.length).toBe(200_000);
    const gc = explainer.gcSummary();
    expect(gc.majors).toHaveLength(1);
    const [stall] = explainer.explained();
    expect(stall?.gcKinds).toContain('major');
    expect(stall?.gcMs).toBeGreaterThan(0);
    expect(stall?.gcMs).toBeLessThanOrEqual(to - from + 1);
    expect(stall?.top).toBeUndefined();
  });

  it('forgets the warm-up on clear', async () => {
    explainer = new StallExplainer(false);
    fullGc();
    await entriesArrive();
    explainer.stall({ from: 0, to: performance.now(), what: 'sale', cpuMs: 60 });
    expect(explainer.gcSummary().majors.length).toBeGreaterThan(0);
    explainer.clear();
    expect(explainer.gcSummary().majors).toHaveLength(0);
    expect(explainer.explained()).toHaveLength(0);
  });
});
