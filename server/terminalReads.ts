// SPDX-License-Identifier: UNLICENSED
// What an enrolled till reads from the store server (docs/store-server.md): master data changes after its cursor
// (the server wins) — with the announcement of the server's next TLS certificate while one is pending
// (docs/store-server.md, "Replacing the certificate") — and any document of the shop by number or QR — for a return of another till's sale.
import type { ServerResponse } from 'node:http';
import type { PullAnswer } from '../app/contract/storeSync';
import type { TlsAnnouncement } from '../app/x509/tlsAnnouncement';
import { DukkanError } from '../app/errors/index';
import type { Storage } from './db/storage';
import { sendJson } from './http/answers';
import { documentSearchStore } from './stores/documentSearchStore';
import { masterDataStore } from './stores/masterDataStore';
import type { TerminalRow } from './stores/terminalStore';

const PULL_PAGE = 500;

export async function handleTerminalReads(c: {
  res: ServerResponse;
  url: URL;
  storage: Storage;
  terminal: TerminalRow;
  tlsNext?: TlsAnnouncement | undefined;
}): Promise<boolean> {
  if (c.url.pathname === '/api/pull') {
    const after = c.url.searchParams.get('after') ?? '0';
    if (!/^\d{1,15}$/.test(after)) {
      throw new DukkanError('store.malformed', { count: 1 }, { problems: [{ path: 'after', code: 'input.whole-number' }] });
    }
    const changes = await masterDataStore.changesAfter(c.storage, Number(after), PULL_PAGE + 1);
    const page = changes.slice(0, PULL_PAGE);
    const answer: PullAnswer = {
      changes: page,
      cursor: page.at(-1)?.version ?? Number(after),
      more: changes.length > PULL_PAGE,
      ...(c.tlsNext ? { tlsNext: c.tlsNext } : {}),
    };
    sendJson(c.res, 200, { ok: true, value: answer });
    return true;
  }
  if (c.url.pathname === '/api/documents') {
    const asked = (['number', 'qr', 'uuid'] as const).flatMap((key) => {
      const value = c.url.searchParams.get(key);
      return value === null ? [] : [{ key, value: value.trim() }];
    });
    const query = asked[0];
    if (asked.length !== 1 || !query || query.value.length > 4000) {
      throw new DukkanError('store.malformed', { count: 1 }, { problems: [{ path: 'number', code: 'input.invalid' }] });
    }
    const search = { number: documentSearchStore.byNumber, qr: documentSearchStore.byQr, uuid: documentSearchStore.byUuid }[query.key];
    const found = await search(c.storage, query.value, c.terminal.id);
    sendJson(c.res, 200, { ok: true, value: { documents: found } });
    return true;
  }
  return false;
}
