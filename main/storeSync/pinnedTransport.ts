// SPDX-License-Identifier: UNLICENSED
// Every till→store-server request (docs/store-server.md, "TLS and the pinned certificate"): over TLS to the
// certificate this till pinned at enrolment, or — only for a server on this machine — plain HTTP. The TLS
// connection is opened first and the certificate the server proved it holds the key of (the TLS handshake's own
// signature, checked by node:tls whatever the trust settings) is compared with the pinned SHA-256 fingerprint before
// a single byte of the request is written; no CA is asked, since the server's certificate is its own. A different
// certificate is store.certificate-mismatch, naming both fingerprints; a server that cannot be reached is
// store.unreachable, which the workers retry — neither is ever in a sale's way.
import { request, type IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { connect, type TLSSocket } from 'node:tls';
import { DukkanError } from '../../app/errors/index';

/** What a TLS connection must present: the pinned fingerprint, or a check of it (enrolment, docs/store-server.md). */
export type CertificateCheck = (fingerprint: string) => void;

export interface TransportRequest {
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  readonly body?: Buffer;
  readonly timeoutMs: number;
}

export interface TransportAnswer {
  readonly status: number;
  readonly body: Buffer;
}

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** Refuses an address a till may not talk to: anything but https://, except http:// to this machine. */
export function checkStoreUrl(url: URL): void {
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return;
  throw new DukkanError('store.tls-required', { url: url.origin });
}

/** A next certificate the server announced, signed with the pinned one's key (docs/store-server.md, "Replacing the certificate"). */
export interface AcceptedNext {
  readonly fingerprint: string;
  /** Called once the server presented it: it becomes the pin, and the old one is dropped. */
  readonly seen: () => void;
}

/**
 * The check of a connection to a pinned server: the fingerprint it presented is the pinned one — or the next one
 * its signed announcement named, which then becomes the pin.
 */
export function pinnedTo(url: URL, pinned: string, next?: AcceptedNext): CertificateCheck {
  return (fingerprint) => {
    if (fingerprint === pinned) return;
    if (next && fingerprint === next.fingerprint) {
      next.seen();
      return;
    }
    throw new DukkanError('store.certificate-mismatch', { url: url.origin, fingerprint, pinned });
  };
}

/** Opens a TLS connection to `url`'s server and runs `check` on its certificate's fingerprint; nothing is sent yet. */
export function openChecked(url: URL, check: CertificateCheck, timeoutMs: number): Promise<TLSSocket> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    const socket = connect({
      host,
      port: Number(url.port || 443),
      ...(isIP(host) ? {} : { servername: host }),
      // trust is the pinned fingerprint below, not a CA: the server's certificate is self-signed (docs/store-server.md)
      rejectUnauthorized: false,
      minVersion: 'TLSv1.2',
    });
    const fail = (err: unknown) => {
      socket.destroy();
      reject(err instanceof DukkanError ? err : new DukkanError('store.unreachable', { url: url.origin }, { cause: err }));
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`no TLS handshake within ${timeoutMs} ms`)));
    socket.once('error', fail);
    socket.once('secureConnect', () => {
      try {
        const fingerprint = socket.getPeerCertificate().fingerprint256;
        if (!fingerprint) throw new Error('the server presented no certificate');
        check(fingerprint);
      } catch (err) {
        fail(err);
        return;
      }
      socket.setTimeout(0);
      socket.off('error', fail);
      resolve(socket);
    });
  });
}

/**
 * One request and its whole answer. `check` is required for https:// (the pinned fingerprint, or the enrolment
 * code's check); http:// is allowed only to this machine (checkStoreUrl).
 */
export async function storeTransport(url: URL, init: TransportRequest, check: CertificateCheck | undefined): Promise<TransportAnswer> {
  checkStoreUrl(url);
  const deadline = AbortSignal.timeout(init.timeoutMs);
  let socket: TLSSocket | undefined;
  if (url.protocol === 'https:') {
    if (!check) throw new DukkanError('store.tls-required', { url: url.origin });
    socket = await openChecked(url, check, init.timeoutMs);
  }
  return new Promise<TransportAnswer>((resolve, reject) => {
    const unreachable = (err: unknown) => reject(new DukkanError('store.unreachable', { url: url.origin }, { cause: err }));
    const req = request(
      {
        method: init.method,
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: Number(url.port || (socket ? 443 : 80)),
        path: url.pathname + url.search,
        headers: { ...init.headers, host: url.host, connection: 'close', ...(init.body ? { 'content-length': String(init.body.length) } : {}) },
        signal: deadline,
        ...(socket ? { createConnection: () => socket } : {}),
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.once('error', unreachable);
        res.once('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      },
    );
    req.once('error', (err) => {
      socket?.destroy();
      unreachable(err);
    });
    req.end(init.body);
  });
}
