// SPDX-License-Identifier: UNLICENSED
// The manager page's secret (docs/store-server.md, "Manager page"): the token the server prints at start, given once
// as ?token= (then kept in an HttpOnly, SameSite=Strict cookie) or as a bearer header by scripts. Compared in
// constant time.
import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

export const MANAGER_COOKIE = 'dukkan_manager';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function presentedToken(req: IncomingMessage, url: URL): string | undefined {
  const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (bearer) return bearer;
  const query = url.searchParams.get('token');
  if (query) return query;
  const cookie = (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([name]) => name === MANAGER_COOKIE);
  return cookie?.[1];
}

export const tokenMatches = (presented: string | undefined, token: string) => presented !== undefined && same(presented, token);
