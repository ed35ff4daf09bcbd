// SPDX-License-Identifier: UNLICENSED
// The simulator's document checks one at a time, with the event loop's timers served between two checks
// (main/fatooraSimulator/validatorQueue.ts): in training mode they run on the till's main thread.
import { describe, expect, it } from 'vitest';
import type { InvoiceVerification } from '../../main/fatooraSimulator/invoiceChecks';
import { oneAtATime } from '../../main/fatooraSimulator/validatorQueue';

const now = new Date();
const answer = (n: number): InvoiceVerification => ({ findings: [], invoiceHash: `hash-${n}` });
const doc = (n: number) => new Uint8Array([n]);

describe('the simulator’s checks, one at a time', () => {
  it('never runs two checks at once, and answers each request with its own document’s result, in order', async () => {
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const validate = oneAtATime(async (xml) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 2));
      order.push(xml[0]!);
      running--;
      return answer(xml[0]!);
    });
    const results = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((n) => validate(doc(n), { now })));
    expect(most).toBe(1);
    expect(order).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(results.map((r) => r.invoiceHash)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `hash-${n}`));
  });

  it('lets a due timer run between two checks that each hold the thread', async () => {
    const log: string[] = [];
    const validate = oneAtATime((xml) => {
      const until = Date.now() + 3; // longer than the timer below waits: it is due when the first check ends
      while (Date.now() < until) {
        // a check's own CPU work, without yielding
      }
      log.push(`check ${xml[0]}`);
      return answer(xml[0]!);
    });
    const timer = new Promise<void>((resolve) => setTimeout(() => (log.push('timer'), resolve()), 1));
    await Promise.all([validate(doc(1), { now }), validate(doc(2), { now }), validate(doc(3), { now }), timer]);
    expect(log.indexOf('timer')).toBeLessThan(log.indexOf('check 2'));
    expect(log.filter((l) => l.startsWith('check'))).toEqual(['check 1', 'check 2', 'check 3']);
  });

  it('goes on with the next document after a check that throws', async () => {
    const validate = oneAtATime((xml) => {
      if (xml[0] === 1) throw new Error('unreadable');
      return answer(xml[0]!);
    });
    const [first, second] = await Promise.allSettled([validate(doc(1), { now }), validate(doc(2), { now })]);
    expect(first.status).toBe('rejected');
    expect(second).toEqual({ status: 'fulfilled', value: answer(2) });
  });
});
