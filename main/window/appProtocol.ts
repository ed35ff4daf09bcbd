// SPDX-License-Identifier: UNLICENSED
// The app:// protocol (Actual's, VS Code's practice) instead of file://: the renderer is served from the built
// renderer folder only, GET only, on the single host app://dukkan, with no way out of that folder (no `..`, no
// encoded separators, no absolute paths, no symlinks followed out), and every answer carries the CSP.
import { realpathSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from '../ipc/validatedIpc';
import { securityHeaders } from './csp';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export type AssetAnswer =
  { readonly status: 200; readonly file: string; readonly contentType: string } | { readonly status: 400 | 403 | 404 | 405; readonly reason: string };

/** Where an app:// request may be answered from, decided without touching anything outside `root`. */
export function resolveAppAsset(method: string, url: string, root: string): AssetAnswer {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, reason: 'only GET' };
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { status: 400, reason: 'not a URL' };
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return { status: 403, reason: 'foreign host' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return { status: 400, reason: 'bad escape' };
  }
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').some((part) => part === '..' || part === '.'))
    return { status: 403, reason: 'path traversal' };
  const contentType = TYPES[path.extname(pathname).toLowerCase()];
  if (!contentType) return { status: 404, reason: 'unknown type' };
  const base = realpathSync(root);
  const candidate = path.resolve(base, `.${pathname}`);
  if (!candidate.startsWith(base + path.sep)) return { status: 403, reason: 'outside the app' };
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch {
    return { status: 404, reason: 'not found' };
  }
  if (!real.startsWith(base + path.sep) || !statSync(real).isFile()) return { status: 403, reason: 'outside the app' };
  return { status: 200, file: real, contentType };
}

/** The protocol handler: a Fetch API Response for Electron's protocol.handle. */
export function appProtocolHandler(root: string): (request: Request) => Response {
  return (request) => {
    const answer = resolveAppAsset(request.method, request.url, root);
    if (answer.status !== 200) return new Response(null, { status: answer.status, headers: securityHeaders('text/plain; charset=utf-8') });
    return new Response(request.method === 'HEAD' ? null : readFileSync(answer.file), { status: 200, headers: securityHeaders(answer.contentType) });
  };
}

/** Registered before the app is ready: a standard, secure scheme (origin semantics, CSP 'self' works). */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: false,
  corsEnabled: false,
  stream: false,
  bypassCSP: false,
  allowServiceWorkers: false,
  codeCache: true,
} as const;
