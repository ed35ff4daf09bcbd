// SPDX-License-Identifier: UNLICENSED
// What the store-server tests push: documents shaped as a till pushes them (app/contract/storeSync.ts), chained by
// hash like a real ledger (each PIH is the previous document's hash, reference §11), and a manager/terminal pair.
import { createHash, randomUUID } from 'node:crypto';
import type { PushedDocument } from '../../app/contract/storeSync';
import { enrolTerminal, newTerminalKey, type StoreCredentials } from '../../main/storeSync/storeClient';

const sha = (text: string) => createHash('sha256').update(text).digest('base64');

/** `count` chained documents of `chain` from `fromIcv`, after a document whose hash is `pih`. */
export function chainedDocuments(chain: string, fromIcv: number, count: number, pih = sha('genesis'), day = '2026-12-01'): PushedDocument[] {
  const docs: PushedDocument[] = [];
  let previous = pih;
  for (let i = 0; i < count; i++) {
    const icv = fromIcv + i;
    const xml = `<Invoice><ICV>${icv}</ICV><uuid>${randomUUID()}</uuid></Invoice>`;
    const hash = sha(xml);
    docs.push({
      chain,
      icv,
      uuid: randomUUID(),
      number: `${chain.slice(0, 4).toUpperCase()}-${String(icv).padStart(6, '0')}`,
      kind: 'invoice',
      profile: 'simplified',
      issueDate: day,
      issueTime: '10:15:00',
      issuedAt: `${day}T07:15:00.000Z`,
      cashier: 'Noura',
      hash,
      pih: previous,
      qr: Buffer.from(`qr-${chain}-${icv}`).toString('base64'),
      xml,
      totals: { taxExclusive: '100.00', vat: '15.00', taxInclusive: '115.00' },
      vatBreakdown: [{ category: 'S', rate: '15', taxable: '100.00', vat: '15.00' }],
      payments: [{ means: icv % 2 === 0 ? 'card' : 'cash', amount: '115.00' }],
    });
    previous = hash;
  }
  return docs;
}

export async function managerCall(
  url: string,
  token: string,
  path: string,
  body: unknown,
): Promise<{ status: number; body: any }> /* eslint-disable-line @typescript-eslint/no-explicit-any -- JSON answers read by the tests */ {
  const response = await fetch(new URL(path, url), { method: 'POST', body: JSON.stringify(body), headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.json() };
}

/** A terminal enrolled with a fresh key through a code the manager made. */
export async function enrolledTerminal(url: string, token: string, branch: string, terminalName: string): Promise<StoreCredentials> {
  const code = await managerCall(url, token, '/manager/api/codes', { branch, terminalName });
  const secretKey = newTerminalKey();
  const answer = await enrolTerminal(url, code.body.value.code, secretKey);
  return { url, terminalId: answer.terminalId, secretKey };
}

/** The DukkanError a call rejects with; fails the test when it resolves. */
export async function refusalOf(run: () => Promise<unknown>): Promise<{ code: string; params: Record<string, unknown> }> {
  try {
    await run();
  } catch (e) {
    return e as { code: string; params: Record<string, unknown> };
  }
  throw new Error('expected a refusal, but the call succeeded');
}
