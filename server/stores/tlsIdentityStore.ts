// SPDX-License-Identifier: UNLICENSED
// SQL of the server's TLS identity (server/db/migrations/0007-server-tls.ts).
import type { TlsIdentity } from '../../app/x509/tlsCertificate';
import type { Queryable } from '../db/storage';

export const tlsIdentityStore = {
  async get(db: Queryable): Promise<TlsIdentity | undefined> {
    const [row] = await db.query<{ certificate: string; private_key: string; fingerprint: string }>(
      'SELECT certificate, private_key, fingerprint FROM server_tls WHERE id = 1',
    );
    return row && { certificatePem: row.certificate, privateKeyPem: row.private_key, fingerprint: row.fingerprint };
  },

  /** Keeps `identity` unless another server process stored one first; either way the stored one wins. */
  async keep(db: Queryable, identity: TlsIdentity, now: Date): Promise<void> {
    await db.query('INSERT INTO server_tls (id, certificate, private_key, fingerprint, created_at) VALUES (1, $1, $2, $3, $4) ON CONFLICT (id) DO NOTHING', [
      identity.certificatePem,
      identity.privateKeyPem,
      identity.fingerprint,
      now,
    ]);
  },
};
