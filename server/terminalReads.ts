// SPDX-License-Identifier: UNLICENSED
// What an enrolled till reads from the store server (docs/store-server.md): master data changes after its cursor
// (the server wins), and any document of the shop by number or QR — for a return of another till's sale.
import type { ServerResponse } from 'node:http';
import type { PullAnswer } from '../app/contract/storeSync';
import { DukkanError } from '../app/errors/index';
import type { Storage } from './db/storage';
import { sendJson } from './http/answers';
import { documentSearchStore } from './stores/documentSearchStore';
import { masterDataStore } from './stores/masterDataStore';
import type { TerminalRow } from './stores/terminalStore';

const PULL_PAGE = 500;

export async function handleTerminalReads(c: { res: ServerResponse; url: URL; storage: Storage; terminal: TerminalRow }): Promise<boolean> {
  if (c.url.pathname === '/api/pull') {
    const after = c.url.searchParams.get('after') ?? '0';
    if (!/^\d{1,15}$/.test(after)) {
      throw new DukkanError('store.malformed', { count: 1 }, { problems: [{ path: 'after', code: 'input.whole-number' }] });
    }
    const changes = await masterDataStore.changesAfter(c.storage, Number(after), PULL_PAGE + 1);
    const page = changes.slice(0, PULL_PAGE);
    const answer: PullAnswer = { changes: page, cursor: page.at(-1)?.version ?? Number(after), more: changes.length > PULL_PAGE };
    sendJson(c.res, 200, { ok: true, value: answer });
    return true;
  }
  if (c.url.pathname === '/api/documents') {
    const number = c.url.searchParams.get('number');
    const qr = c.url.searchParams.get('qr');
    if ((number === null) === (qr === null) || (number ?? qr ?? '').length > 4000) {
      throw new DukkanError('store.malformed', { count: 1 }, { problems: [{ path: 'number', code: 'input.invalid' }] });
    }
    const found = number !== null ? await documentSearchStore.byNumber(c.storage, number.trim()) : await documentSearchStore.byQr(c.storage, qr!.trim());
    sendJson(c.res, 200, { ok: true, value: { documents: found } });
    return true;
  }
  return false;
}
