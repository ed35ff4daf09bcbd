// SPDX-License-Identifier: UNLICENSED
// The full verifier taking a turn of the event loop per step (reading, stamp, XSD, business rules): the same report
// as the check made at once — for ZATCA's signed samples, one altered after signing and one that is not XML — and
// between its steps the event loop serves other work (a chain of immediates moves on while it runs; made at once,
// the same chain does not).
import { describe, expect, it } from 'vitest';
import { verifyInvoiceInTurns } from '../../app/verify/verifyInvoice';
import { listSampleXml, readVector } from '../../test/vectors';
import { verifyDocument, verifyDocumentInTurns } from './verifier';

const now = new Date('2026-12-05T09:00:00Z');
const samples = listSampleXml()
  .filter((p) => /Simplified|Standard/.test(p))
  .slice(0, 6);

/** Counts the turns of the event loop while it runs: a chain of immediates, one link per turn. */
function turnCounter() {
  let turns = 0;
  let on = true;
  const tick = () => {
    if (!on) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  return {
    stop: () => {
      on = false;
      return turns;
    },
  };
}

describe('the verifier, a step per turn of the event loop', () => {
  it('reports what the check made at once reports', async () => {
    expect(samples.length).toBeGreaterThanOrEqual(4);
    const altered = readVector(samples[0]!)
      .toString('utf8')
      .replace(/(<cbc:PayableAmount[^>]*>)([\d.]+)</, (_, open: string, v: string) => `${open}${(Number(v) + 1).toFixed(2)}<`);
    for (const xml of [...samples.map((p) => new Uint8Array(readVector(p))), altered, 'not xml']) {
      const inTurns = await verifyDocumentInTurns(xml, { now });
      expect(inTurns).toEqual(verifyDocument(xml, { now }));
    }
    expect((await verifyDocumentInTurns(altered, { now })).valid).toBe(false);
  });

  it('lets the event loop turn between its steps', async () => {
    const xml = new Uint8Array(readVector(samples[1]!));
    const inTurns = turnCounter();
    await verifyDocumentInTurns(xml, { now });
    expect(inTurns.stop()).toBeGreaterThanOrEqual(3);
    const atOnce = turnCounter();
    verifyDocument(xml, { now });
    await Promise.resolve();
    expect(atOnce.stop()).toBe(0);
  });

  it('pauses between reading, the stamp, XSD and the rules, and not for a document it cannot read', async () => {
    let pauses = 0;
    const pause = async () => void pauses++;
    await verifyInvoiceInTurns(new Uint8Array(readVector(samples[2]!)), { now }, pause);
    expect(pauses).toBe(3);
    pauses = 0;
    expect((await verifyInvoiceInTurns('<Invoice', { now }, pause)).findings[0]!.rule).toBe('XML');
    expect(pauses).toBe(0);
  });
});
