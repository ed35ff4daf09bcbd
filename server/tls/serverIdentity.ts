// SPDX-License-Identifier: UNLICENSED
// The store server's TLS identity (docs/store-server.md, "TLS and the pinned certificate"): read from the database,
// or on the very first start made — a fresh P-256 key and a self-signed certificate valid 30 years, since the tills
// pin it and a renewal would mean enrolling every till again — and stored. Two servers starting on one new database
// at once both end up serving the row stored first.
import { randomBytes } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import { createTlsIdentity, type TlsIdentity } from '../../app/x509/tlsCertificate';
import type { Storage } from '../db/storage';
import { tlsIdentityStore } from '../stores/tlsIdentityStore';

const VALID_YEARS = 30;

export async function serverTlsIdentity(storage: Storage, now: Date): Promise<TlsIdentity> {
  const stored = await tlsIdentityStore.get(storage);
  if (stored) return stored;
  // a day back: a till whose clock is a little behind still finds the certificate valid
  const notBefore = new Date(now.getTime() - 24 * 3600_000);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALID_YEARS);
  const serial = (BigInt(`0x${randomBytes(16).toString('hex')}`) >> 1n) | 1n; // positive, never zero
  const fresh = createTlsIdentity({ privateKey: p256.utils.randomSecretKey(), commonName: 'Dukkan store server', notBefore, notAfter, serial });
  await tlsIdentityStore.keep(storage, fresh, now);
  return (await tlsIdentityStore.get(storage))!;
}
