// SPDX-License-Identifier: UNLICENSED
// The manager's side of the store server (docs/store-server.md, "Manager page"): enrolment codes, removing a
// terminal, the consolidated report, the fleet, the document search and the tills' backups — as an Arabic/English
// page and as JSON for scripts. Everything behind the manager token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { rule } from '../../app/contract/schemas';
import { DukkanError } from '../../app/errors/index';
import type { Storage } from '../db/storage';
import { dayReport } from '../dayReport';
import { createEnrolmentCode, formatCode } from '../enrolment';
import { putMasterData } from '../masterData';
import { sendJson } from '../http/answers';
import { parsePayload } from '../http/payload';
import { jsonOf, readBody } from '../http/readBody';
import { Decimal } from '../../app/money/decimal';
import { returnReservationStore } from '../stores/returnReservationStore';
import { terminalStore } from '../stores/terminalStore';
import { MANAGER_COOKIE, presentedToken, tokenMatches } from './managerAuth';
import { renderManagerPage } from './managerPage';
import { managerBackups, sendBackupFile } from './backupDownloads';

const label = z.string(rule('input.text')).trim().min(1, rule('input.empty')).max(60, rule('input.too-long'));
const codeRequest = z.object({ branch: label, terminalName: label }).strict();
const removeRequest = z.object({ terminalId: z.string(rule('input.text')).min(1).max(64) }).strict();

export interface ManagerContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly storage: Storage;
  readonly now: () => Date;
  readonly token: string;
  /** The TLS certificate's fingerprint the tills pin, shown beside each code; null when serving plain HTTP. */
  readonly fingerprint: string | null;
}

export async function handleManager(c: ManagerContext): Promise<void> {
  const presented = presentedToken(c.req, c.url);
  if (!tokenMatches(presented, c.token)) throw new DukkanError('store.manager-token');
  const method = c.req.method ?? 'GET';
  if (method === 'GET' && c.url.searchParams.has('token')) {
    // keep the token out of the address bar and history: a cookie from now on
    c.url.searchParams.delete('token');
    c.res.writeHead(303, {
      location: `${c.url.pathname}${c.url.search}`,
      'set-cookie': `${MANAGER_COOKIE}=${c.token}; HttpOnly; SameSite=Strict; Path=/`,
    });
    c.res.end();
    return;
  }
  if (method === 'POST' && c.url.pathname === '/manager/api/codes') {
    const request = parsePayload(codeRequest, jsonOf(await readBody(c.req, 4096)));
    const { code, expiresAt } = await createEnrolmentCode(c.storage, request.branch, request.terminalName, c.now(), c.fingerprint);
    sendJson(c.res, 200, { ok: true, value: { code: formatCode(code), expiresAt: expiresAt.toISOString(), fingerprint: c.fingerprint } });
    return;
  }
  if (method === 'POST' && c.url.pathname === '/manager/codes') {
    // the page's own form (SameSite=Strict cookie: another site cannot post it for the manager)
    const form = Object.fromEntries(new URLSearchParams((await readBody(c.req, 4096)).toString('utf8')));
    const request = parsePayload(codeRequest, form);
    const { code } = await createEnrolmentCode(c.storage, request.branch, request.terminalName, c.now(), c.fingerprint);
    sendPage(c.res, await renderManagerPage(c.storage, c.url, c.now(), { code: { code: formatCode(code), ...request }, fingerprint: c.fingerprint }));
    return;
  }
  if (method === 'GET' && c.url.pathname === '/manager/api/day') {
    const query: Record<string, string> = { date: c.url.searchParams.get('date') ?? '' };
    const branch = c.url.searchParams.get('branch');
    if (branch !== null) query.branch = branch;
    sendJson(c.res, 200, { ok: true, value: await dayReport(c.storage, query) });
    return;
  }
  if (method === 'POST' && c.url.pathname === '/manager/api/master-data') {
    sendJson(c.res, 200, { ok: true, value: await putMasterData(c.storage, jsonOf(await readBody(c.req, 64 * 1024)), c.now()) });
    return;
  }
  if (method === 'POST' && c.url.pathname === '/manager/api/remove') {
    const request = parsePayload(removeRequest, jsonOf(await readBody(c.req, 4096)));
    const removed = await terminalStore.remove(c.storage, request.terminalId, c.now());
    sendJson(c.res, 200, { ok: true, value: { removed } });
    return;
  }
  if (method === 'GET' && c.url.pathname === '/manager/api/backups') {
    sendJson(c.res, 200, { ok: true, value: await managerBackups(c.storage) });
    return;
  }
  if (method === 'GET' && c.url.pathname === '/manager/api/over-returns') {
    // the page's "Over-returned invoices" for scripts (docs/store-server.md, "Returns at another till")
    const rows = await returnReservationStore.overReturns(c.storage);
    const value = rows.map((o) => ({
      invoice: o.original_number,
      invoiceUuid: o.original_uuid,
      invoiceTill: o.original_till,
      line: o.original_line,
      sold: Decimal.parse(o.sold).toMinimal(),
      returned: Decimal.parse(o.returned).toMinimal(),
      creditNote: o.note_number,
      till: o.terminal_name,
      branch: o.branch,
      recordedAt: o.detected_at.toISOString(),
    }));
    sendJson(c.res, 200, { ok: true, value });
    return;
  }
  if (method === 'GET' && c.url.pathname === '/manager/backups/file') {
    await sendBackupFile(c.res, c.storage, c.url);
    return;
  }
  if (method === 'GET' && (c.url.pathname === '/manager' || c.url.pathname === '/')) {
    sendPage(c.res, await renderManagerPage(c.storage, c.url, c.now(), { fingerprint: c.fingerprint }));
    return;
  }
  throw new DukkanError('store.not-found', { path: c.url.pathname.slice(0, 200) });
}

function sendPage(res: ServerResponse, html: string): void {
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // no script at all; styles inline; forms only to this server
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  });
  res.end(html);
}
