// SPDX-License-Identifier: UNLICENSED
// The fixed UTC+3 offset against the time-zone database: Intl's Asia/Riyadh is the oracle here, and only here.
// Instants start in 1950: before 1947 the database gives Riyadh its local mean time (+03:06:52), which no terminal
// will ever issue at.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { riyadhDate, riyadhDateTime } from './riyadhTime';

const INTL_RIYADH = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Riyadh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function oracle(instant: Date): { issueDate: string; issueTime: string } {
  const parts = Object.fromEntries(INTL_RIYADH.formatToParts(instant).map((p) => [p.type, p.value]));
  return { issueDate: `${parts.year}-${parts.month}-${parts.day}`, issueTime: `${parts.hour}:${parts.minute}:${parts.second}` };
}

const FROM = Date.UTC(1950, 0, 1);
const TO = Date.UTC(2200, 0, 1);
const instant = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms));
/** Instants within two seconds of a Riyadh midnight (21:00 UTC), where a wrong offset shows in the date. */
const nearMidnight = fc
  .tuple(fc.integer({ min: 0, max: Math.floor((TO - FROM) / 86_400_000) }), fc.integer({ min: -2000, max: 2000 }))
  .map(([day, ms]) => new Date(FROM + day * 86_400_000 + 21 * 3_600_000 + ms));

describe('Riyadh time', () => {
  it('agrees with Intl Asia/Riyadh at random instants', () => {
    fc.assert(
      fc.property(instant, (at) => {
        expect(riyadhDateTime(at)).toEqual(oracle(at));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with Intl Asia/Riyadh around every midnight, and the date alone is the same date', () => {
    fc.assert(
      fc.property(nearMidnight, (at) => {
        expect(riyadhDateTime(at)).toEqual(oracle(at));
        expect(riyadhDate(at)).toBe(oracle(at).issueDate);
      }),
      { numRuns: 2000 },
    );
  });

  it('is already tomorrow in Riyadh from 21:00 UTC, with no fractions of a second', () => {
    expect(riyadhDateTime(new Date('2026-11-23T20:59:59.999Z'))).toEqual({ issueDate: '2026-11-23', issueTime: '23:59:59' });
    expect(riyadhDateTime(new Date('2026-11-23T22:30:05.789Z'))).toEqual({ issueDate: '2026-11-24', issueTime: '01:30:05' });
    expect(riyadhDate(new Date('2028-02-28T21:00:00Z'))).toBe('2028-02-29');
  });
});
