// SPDX-License-Identifier: UNLICENSED
// How the store server answers over HTTP: `{ ok: true, value }`, or `{ ok: false, error }` where the error carries
// its catalog code, parameters and both texts (English and Arabic), and each field problem likewise, so a till or a
// script shows the refusal in its own language without a catalog of its own. Anything that is not a DukkanError is
// a bug: logged with its stack, answered "internal" with no detail.
import type { ServerResponse } from 'node:http';
import { DukkanError, errorText, type ErrorCode } from '../../app/errors/index';

const STATUS: Partial<Record<ErrorCode, number>> = {
  'store.malformed': 400,
  'store.enrolment-code': 400,
  'store.unsigned': 401,
  'store.unknown-terminal': 401,
  'store.bad-signature': 401,
  'store.check-unavailable': 503,
  'store.stale-request': 401,
  'store.manager-token': 401,
  'store.terminal-removed': 403,
  'store.enrolment-refused': 403,
  'store.key-in-use': 409,
  'store.not-found': 404,
  'store.too-large': 413,
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function errorBody(e: DukkanError) {
  return {
    code: e.code,
    params: e.params,
    en: e.text('en'),
    ar: e.text('ar'),
    ...(e.field !== undefined ? { field: e.field } : {}),
    problems: e.problems.map((p) => ({
      path: p.path,
      code: p.code,
      params: p.params ?? {},
      en: errorText(p.code, p.params ?? {}, 'en'),
      ar: errorText(p.code, p.params ?? {}, 'ar'),
    })),
  };
}

export function sendError(res: ServerResponse, err: unknown, log: (line: string) => void): void {
  if (err instanceof DukkanError) {
    sendJson(res, STATUS[err.code] ?? 409, { ok: false, error: errorBody(err) });
    return;
  }
  log(`store-server internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  sendJson(res, 500, { ok: false, error: errorBody(new DukkanError('api.internal')) });
}
