// SPDX-License-Identifier: UNLICENSED
// Which certificate the server serves now, and what it announces (docs/store-server.md, "Replacing the
// certificate"). Either the shop's files (`--tls-cert/--tls-key`, with `--next-tls-cert/--next-tls-key` and
// `--tls-switch-at` during a handover) or the server's own self-signed one from the database (with the next one
// `rotate-certificate` stored). Before the switch time the current certificate is served and the pull answer carries
// "next fingerprint F2, from T" signed with the current key; from the switch time on, the next one is served.
import { DukkanError } from '../../app/errors/index';
import { signTlsAnnouncement, type TlsAnnouncement } from '../../app/x509/tlsAnnouncement';
import type { Storage } from '../db/storage';
import { readOwnTls, servedOf, type OwnTlsFiles, type ServedTls } from './ownCertificate';
import { storedTls } from './serverIdentity';

export interface OwnTlsOptions extends OwnTlsFiles {
  /** The certificate that replaces this one at `next.from` (a renewal), announced to the tills until then. */
  readonly next?: OwnTlsFiles & { readonly from: Date };
}

export interface TlsPlan {
  readonly served: ServedTls;
  readonly announcement: TlsAnnouncement | undefined;
}

export async function tlsPlan(storage: Storage, own: OwnTlsOptions | undefined, now: Date): Promise<TlsPlan> {
  if (own) {
    const current = readOwnTls(own, now);
    if (!own.next) return { served: current, announcement: undefined };
    const next = readOwnTls(own.next, now, { cert: '--next-tls-cert', key: '--next-tls-key' });
    if (own.next.from.getTime() <= now.getTime()) return { served: next, announcement: undefined };
    return { served: current, announcement: announce(current, next.fingerprint, own.next.from, '--next-tls-cert') };
  }
  const stored = await storedTls(storage, now);
  const current = servedOf(stored);
  return { served: current, announcement: stored.next && announce(current, stored.next.fingerprint, stored.next.switchAt, 'rotate-certificate') };
}

function announce(current: ServedTls, next: string, from: Date, option: string): TlsAnnouncement {
  if (!current.p256Key) throw new DukkanError('store.tls-announce-needs-p256', { option, algorithm: current.algorithm });
  return signTlsAnnouncement({ certificateDer: current.der, privateKey: current.p256Key, next, from });
}

/** The TLS options as the command line and the environment give them (docs/store-server.md), checked in pairs. */
export interface TlsOptionValues {
  readonly cert?: string | undefined;
  readonly key?: string | undefined;
  readonly nextCert?: string | undefined;
  readonly nextKey?: string | undefined;
  readonly switchAt?: string | undefined;
}

export function ownTlsOptions(v: TlsOptionValues): OwnTlsOptions | undefined {
  pair('--tls-cert', v.cert, '--tls-key', v.key);
  pair('--next-tls-cert', v.nextCert, '--next-tls-key', v.nextKey);
  if (v.nextCert && !v.cert) throw new DukkanError('store.tls-option-pair', { option: '--next-tls-cert', missing: '--tls-cert' });
  if (v.nextCert && !v.switchAt) throw new DukkanError('store.tls-option-pair', { option: '--next-tls-cert', missing: '--tls-switch-at' });
  if (v.switchAt && !v.nextCert) throw new DukkanError('store.tls-option-pair', { option: '--tls-switch-at', missing: '--next-tls-cert' });
  if (!v.cert || !v.key) return undefined;
  if (!v.nextCert || !v.nextKey || !v.switchAt) return { cert: v.cert, key: v.key };
  return { cert: v.cert, key: v.key, next: { cert: v.nextCert, key: v.nextKey, from: switchTime('--tls-switch-at', v.switchAt) } };
}

/** An ISO 8601 time with a zone (a switch time must mean the same instant at the server and at every till). */
export function switchTime(option: string, value: string): Date {
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(at.getTime())) {
    throw new DukkanError('store.tls-switch-time', { option, value: value.slice(0, 60) });
  }
  return at;
}

function pair(option: string, a: string | undefined, other: string, b: string | undefined): void {
  if (a && !b) throw new DukkanError('store.tls-option-pair', { option, missing: other });
  if (b && !a) throw new DukkanError('store.tls-option-pair', { option: other, missing: option });
}
