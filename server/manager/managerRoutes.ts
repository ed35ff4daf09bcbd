// SPDX-License-Identifier: UNLICENSED
// The manager's side of the store server (docs/store-server.md, "Manager page"): enrolment codes, removing a
// terminal, the consolidated report, the fleet, the document search, the tills' backups and the catalog — as an
// Arabic/English page and as JSON for scripts. Everything behind the manager token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { rule } from '../../app/contract/schemas';
import { DukkanError } from '../../app/errors/index';
import { checkProduct, productBody, productForm } from '../catalog';
import type { Storage } from '../db/storage';
import { dayQuery, dayReport } from '../dayReport';
import { createEnrolmentCode, formatCode } from '../enrolment';
import { putMasterData } from '../masterData';
import { errorBody, sendJson } from '../http/answers';
import { parsePayload } from '../http/payload';
import { jsonOf, readBody } from '../http/readBody';
import { Decimal } from '../../app/money/decimal';
import { returnReservationStore } from '../stores/returnReservationStore';
import { auditTrailStore } from '../stores/auditTrailStore';
import { terminalStore } from '../stores/terminalStore';
import { MANAGER_COOKIE, presentedToken, tokenMatches } from './managerAuth';
import { AUDIT_API_LIMIT } from './auditSection';
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
  if (method === 'POST' && (c.url.pathname === '/manager/catalog' || c.url.pathname === '/manager/catalog/remove')) {
    // the page's catalog form: checked as the tills check it (server/catalog.ts); a refusal shows the form as typed
    const remove = c.url.pathname === '/manager/catalog/remove';
    const form = productForm(Object.fromEntries(new URLSearchParams((await readBody(c.req, 16 * 1024)).toString('utf8'))));
    try {
      const body = remove ? null : productBody(form);
      // the body's own paths on the form (price, barcodes.1); the JSON change's key is checked by putMasterData
      if (body !== null) checkProduct(form.key.trim(), body);
      const change = { kind: 'product', key: form.key, body };
      const { version } = await putMasterData(c.storage, change, c.now());
      const done = { key: form.key.trim(), version, removed: remove };
      sendPage(c.res, await renderManagerPage(c.storage, c.url, c.now(), { fingerprint: c.fingerprint, catalog: { done } }));
    } catch (e) {
      if (!(e instanceof DukkanError)) throw e;
      const page = await renderManagerPage(c.storage, c.url, c.now(), { fingerprint: c.fingerprint, catalog: { form, refusal: e } });
      sendPage(c.res, page, 400);
    }
    return;
  }
  if (method === 'GET' && c.url.pathname === '/manager/api/day') {
    const query: Record<string, string> = { date: c.url.searchParams.get('date') ?? '' };
    const branch = c.url.searchParams.get('branch');
    if (branch !== null) query.branch = branch;
    sendJson(c.res, 200, { ok: true, value: await dayReport(c.storage, query) });
    return;
  }
  if (method === 'GET' && c.url.pathname === '/manager/api/audit') {
    const query: Record<string, string> = { date: c.url.searchParams.get('date') ?? '' };
    const branch = c.url.searchParams.get('branch');
    if (branch !== null) query.branch = branch;
    const { date, branch: chosen } = parsePayload(dayQuery, query);
    const events = await auditTrailStore.ofDay(c.storage, { date, ...(chosen ? { branch: chosen } : {}) }, AUDIT_API_LIMIT);
    sendJson(c.res, 200, { ok: true, value: events.map((e) => ({ branch: e.branch, till: e.terminal_name, at: e.occurred_at.toISOString(), ...e.body })) });
    return;
  }
  if (method === 'POST' && c.url.pathname === '/manager/api/master-data') {
    const input = jsonOf(await readBody(c.req, 64 * 1024));
    try {
      sendJson(c.res, 200, { ok: true, value: await putMasterData(c.storage, input, c.now()) });
    } catch (e) {
      // a product the tills could not use is bad input, as a malformed change is (400), not a conflict
      if (!(e instanceof DukkanError) || e.code !== 'store.product-invalid') throw e;
      sendJson(c.res, 400, { ok: false, error: errorBody(e) });
    }
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

function sendPage(res: ServerResponse, html: string, status = 200): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // no script at all; styles inline; forms only to this server
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  });
  res.end(html);
}
