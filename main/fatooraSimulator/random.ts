// SPDX-License-Identifier: UNLICENSED
// Seedable randomness for fault injection (mulberry32), so a failing run can be replayed from its seed. Only faults
// use it: certificates, secrets and serial numbers use node:crypto.
import { randomInt } from 'node:crypto';

export interface SeededRandom {
  readonly seed: number;
  /** Uniform in [0, 1). */
  next(): number;
}

export function createRandom(seed: number = randomInt(0, 2 ** 31)): SeededRandom {
  if (!Number.isInteger(seed)) throw new Error('seed: must be an integer');
  let state = seed >>> 0;
  return {
    seed,
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}
