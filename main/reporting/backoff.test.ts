// Backoff delays: within half and all of the exponential step, capped, finite, and the policy checks.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffDelay, checkBackoffPolicy } from './backoff';

describe('backoffDelay', () => {
  it('stays between half and all of the exponential step, capped at maxMs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (failures, initialMs, factor, r) => {
          const policy = { initialMs, maxMs: initialMs * factor };
          const step = Math.min(policy.maxMs, initialMs * 2 ** Math.min(failures - 1, 60));
          const d = backoffDelay(failures, policy, () => r);
          expect(d).toBeGreaterThanOrEqual(Math.floor(step / 2));
          expect(d).toBeLessThanOrEqual(Math.ceil(step));
          expect(Number.isFinite(d)).toBe(true);
        },
      ),
    );
  });

  it('doubles per failure until the cap; jitter spreads documents that failed together', () => {
    const policy = { initialMs: 1000, maxMs: 60_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(n, policy, () => 0))).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    expect(backoffDelay(7, policy, () => 0.999999)).toBe(60_000);
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const delays = new Set(Array.from({ length: 100 }, () => backoffDelay(3, policy, random)));
    expect(delays.size).toBeGreaterThan(90);
  });

  it('refuses nonsense policies, naming the field', () => {
    expect(() => checkBackoffPolicy({ initialMs: 0, maxMs: 10 }, 'retry')).toThrow(/retry\.initialMs/);
    expect(() => checkBackoffPolicy({ initialMs: 100, maxMs: 10 }, 'probe')).toThrow(/probe\.maxMs/);
    expect(() => checkBackoffPolicy({ initialMs: 100, maxMs: 1000, multiplier: 0.5 }, 'retry')).toThrow(/retry\.multiplier/);
  });
});
