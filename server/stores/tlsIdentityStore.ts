// SPDX-License-Identifier: UNLICENSED
// SQL of the server's TLS identity (server/db/migrations/0007-server-tls.ts) and of the next self-signed certificate
// announced to the tills before it replaces it (0009-server-tls-next.ts).
import type { TlsIdentity } from '../../app/x509/tlsCertificate';
import type { Queryable } from '../db/storage';

export interface StoredTls extends TlsIdentity {
  readonly next?: TlsIdentity & { readonly switchAt: Date };
}

export const tlsIdentityStore = {
  async get(db: Queryable): Promise<StoredTls | undefined> {
    const [row] = await db.query<{
      certificate: string;
      private_key: string;
      fingerprint: string;
      next_certificate: string | null;
      next_private_key: string | null;
      next_fingerprint: string | null;
      switch_at: Date | string | null;
    }>('SELECT certificate, private_key, fingerprint, next_certificate, next_private_key, next_fingerprint, switch_at FROM server_tls WHERE id = 1');
    if (!row) return undefined;
    const current = { certificatePem: row.certificate, privateKeyPem: row.private_key, fingerprint: row.fingerprint };
    if (!row.next_certificate || !row.next_private_key || !row.next_fingerprint || row.switch_at === null) return current;
    return {
      ...current,
      next: { certificatePem: row.next_certificate, privateKeyPem: row.next_private_key, fingerprint: row.next_fingerprint, switchAt: new Date(row.switch_at) },
    };
  },

  /** Keeps `identity` unless another server process stored one first; either way the stored one wins. */
  async keep(db: Queryable, identity: TlsIdentity, now: Date): Promise<void> {
    await db.query('INSERT INTO server_tls (id, certificate, private_key, fingerprint, created_at) VALUES (1, $1, $2, $3, $4) ON CONFLICT (id) DO NOTHING', [
      ...columnsOf(identity),
      now,
    ]);
  },

  /** Sets (or replaces) the next certificate and its switch time. */
  async keepNext(db: Queryable, next: TlsIdentity, switchAt: Date): Promise<void> {
    await db.query('UPDATE server_tls SET next_certificate = $1, next_private_key = $2, next_fingerprint = $3, switch_at = $4 WHERE id = 1', [
      ...columnsOf(next),
      switchAt,
    ]);
  },

  /** The next certificate becomes the current one, once its time has come; a second process doing it too is a no-op. */
  async promote(db: Queryable, now: Date): Promise<void> {
    await db.query(
      `UPDATE server_tls SET certificate = next_certificate, private_key = next_private_key, fingerprint = next_fingerprint, created_at = switch_at,
         next_certificate = NULL, next_private_key = NULL, next_fingerprint = NULL, switch_at = NULL
       WHERE id = 1 AND next_certificate IS NOT NULL AND switch_at <= $1`,
      [now],
    );
  },
};

const columnsOf = (identity: TlsIdentity) => [identity.certificatePem, identity.privateKeyPem, identity.fingerprint];
