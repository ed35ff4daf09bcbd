// SPDX-License-Identifier: UNLICENSED
// The store server's TLS identity (docs/store-server.md, "TLS and the pinned certificate"): read from the database,
// or on the very first start made — a fresh P-256 key and a self-signed certificate valid 30 years — and stored.
// Two servers starting on one new database at once both end up serving the row stored first. A replacement
// (`rotate-certificate`, "Replacing the certificate") is a second certificate kept beside it with its switch time:
// announced to the tills until then, served from then on.
import { randomBytes } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import { createTlsIdentity, type TlsIdentity } from '../../app/x509/tlsCertificate';
import type { Storage } from '../db/storage';
import { tlsIdentityStore, type StoredTls } from '../stores/tlsIdentityStore';

const VALID_YEARS = 30;

function selfSigned(now: Date): TlsIdentity {
  // a day back: a till whose clock is a little behind still finds the certificate valid
  const notBefore = new Date(now.getTime() - 24 * 3600_000);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALID_YEARS);
  const serial = (BigInt(`0x${randomBytes(16).toString('hex')}`) >> 1n) | 1n; // positive, never zero
  return createTlsIdentity({ privateKey: p256.utils.randomSecretKey(), commonName: 'Dukkan store server', notBefore, notAfter, serial });
}

/** The stored identity (made on the first start), its replacement promoted first when its time has come. */
export async function storedTls(storage: Storage, now: Date): Promise<StoredTls> {
  let stored = await tlsIdentityStore.get(storage);
  if (!stored) {
    await tlsIdentityStore.keep(storage, selfSigned(now), now);
    stored = (await tlsIdentityStore.get(storage))!;
  }
  if (stored.next && stored.next.switchAt.getTime() <= now.getTime()) {
    await tlsIdentityStore.promote(storage, now);
    stored = (await tlsIdentityStore.get(storage))!;
  }
  return stored;
}

export async function serverTlsIdentity(storage: Storage, now: Date): Promise<TlsIdentity> {
  const { certificatePem, privateKeyPem, fingerprint } = await storedTls(storage, now);
  return { certificatePem, privateKeyPem, fingerprint };
}

/**
 * Makes the next self-signed certificate, to be served from `switchAt` (docs/store-server.md, "Replacing the
 * certificate"); until then every till's pull carries its announcement. A second call replaces the pending one.
 */
export async function rotateSelfSigned(storage: Storage, now: Date, switchAt: Date): Promise<{ current: string; next: string; switchAt: Date }> {
  const current = await storedTls(storage, now);
  const next = selfSigned(now);
  await tlsIdentityStore.keepNext(storage, next, switchAt);
  return { current: current.fingerprint, next: next.fingerprint, switchAt };
}
