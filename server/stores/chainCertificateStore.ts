// SPDX-License-Identifier: UNLICENSED
// SQL of the signing certificate pinned to each till's chain (server/db/migrations/0006-chain-certificates.ts).
import type { Queryable } from '../db/storage';

export interface PinnedCertificate {
  readonly terminal_id: string;
  readonly chain: string;
  readonly certificate_sha256: string;
  readonly serial: string;
}

export const chainCertificateStore = {
  /** The certificate pinned to this terminal's chain, if any. */
  async pinned(db: Queryable, terminalId: string, chain: string): Promise<PinnedCertificate | undefined> {
    const rows = await db.query<PinnedCertificate>(
      'SELECT terminal_id, chain, certificate_sha256, serial FROM chain_certificates WHERE terminal_id = $1 AND chain = $2',
      [terminalId, chain],
    );
    return rows[0];
  },

  /**
   * Where else a certificate signs, among terminals not removed: another terminal, or another chain of this one.
   * Serialised per certificate for the rest of the transaction, so two pushes cannot pin one certificate twice.
   */
  async pinnedElsewhere(db: Queryable, certificateSha256: string, terminalId: string, chain: string): Promise<PinnedCertificate | undefined> {
    await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`certificate:${certificateSha256}`]);
    const rows = await db.query<PinnedCertificate>(
      `SELECT c.terminal_id, c.chain, c.certificate_sha256, c.serial FROM chain_certificates c JOIN terminals t ON t.id = c.terminal_id
        WHERE c.certificate_sha256 = $1 AND t.removed_at IS NULL AND NOT (c.terminal_id = $2 AND c.chain = $3) LIMIT 1`,
      [certificateSha256, terminalId, chain],
    );
    return rows[0];
  },

  async pin(db: Queryable, terminalId: string, chain: string, c: { sha256: string; serial: string; text: string }, now: Date): Promise<void> {
    await db.query('INSERT INTO chain_certificates (terminal_id, chain, certificate_sha256, serial, certificate, pinned_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      terminalId,
      chain,
      c.sha256,
      c.serial,
      c.text,
      now.toISOString(),
    ]);
  },
};
