// SPDX-License-Identifier: UNLICENSED
// The renderer's Content Security Policy, one definition for the Electron app:// protocol, browser mode's HTTP
// server and the <meta> tag of index.html (a test keeps the three identical). Everything is off unless named:
// scripts and styles only from our own origin (no inline code, no eval), images from our origin or data: (the
// receipt preview PNG), network only to our own origin (browser mode's /api), no frames, no objects, no workers,
// and Trusted Types with no policy at all, so no HTML string can ever reach an HTML sink (innerHTML & co.).
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'media-src': "'none'",
  'object-src': "'none'",
  'frame-src': "'none'",
  'worker-src': "'none'",
  'manifest-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
  'require-trusted-types-for': "'script'",
  'trusted-types': "'none'",
};

/** Directives a <meta> CSP cannot carry (browsers ignore them there, with a console warning). */
const HEADER_ONLY = new Set(['frame-ancestors']);

export function cspHeader(): string {
  return Object.entries(CSP_DIRECTIVES)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
}

export function cspMeta(): string {
  return Object.entries(CSP_DIRECTIVES)
    .filter(([k]) => !HEADER_ONLY.has(k))
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
}

/** Headers sent with every renderer file, on either transport. */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': cspHeader(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), payment=()',
    'Cache-Control': 'no-store',
  };
}
