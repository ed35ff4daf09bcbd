// SPDX-License-Identifier: UNLICENSED
// The ledger reads the chain anchor needs (main/ledger/chainAnchor.ts): every chain with its head, and one document
// by chain and ICV. Read-only statements over the ledger tables of migration 0010; bound parameters only.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';

export interface ChainHeadOfCertificate {
  readonly chain_id: number;
  readonly issuer: string;
  readonly serial: string;
  /** 0 when the chain has no document yet. */
  readonly icv: number;
  readonly hash: string | null;
}

export interface AnchorStatements {
  /** Every chain with its newest document. */
  heads(): ChainHeadOfCertificate[];
  /** The chain of a certificate. */
  chainOf(issuer: string, serial: string): { id: number } | undefined;
  /** Hash and PIH of one document of a chain. */
  documentAt(chainId: number, icv: number): { hash: string; pih: string } | undefined;
  /** The chain and ICV of a stored document. */
  placeOf(documentId: number): { issuer: string; serial: string; icv: number; hash: string } | undefined;
}

export function anchorStatements(db: SqliteDatabase): AnchorStatements {
  const heads = db.prepare<[], ChainHeadOfCertificate>(
    `SELECT c.id AS chain_id, c.certificate_issuer AS issuer, c.certificate_serial AS serial,
       COALESCE((SELECT MAX(icv) FROM documents WHERE chain_id = c.id), 0) AS icv,
       (SELECT hash FROM documents WHERE chain_id = c.id ORDER BY icv DESC LIMIT 1) AS hash
     FROM chains c ORDER BY c.id`,
  );
  const chainOf = db.prepare<[string, string], { id: number }>('SELECT id FROM chains WHERE certificate_issuer = ? AND certificate_serial = ?');
  const documentAt = db.prepare<[number, number], { hash: string; pih: string }>('SELECT hash, pih FROM documents WHERE chain_id = ? AND icv = ?');
  const placeOf = db.prepare<[number], { issuer: string; serial: string; icv: number; hash: string }>(
    `SELECT c.certificate_issuer AS issuer, c.certificate_serial AS serial, d.icv, d.hash
     FROM documents d JOIN chains c ON c.id = d.chain_id WHERE d.id = ?`,
  );
  return {
    heads: () => heads.all(),
    chainOf: (issuer, serial) => chainOf.get(issuer, serial),
    documentAt: (chainId, icv) => documentAt.get(chainId, icv),
    placeOf: (documentId) => placeOf.get(documentId),
  };
}
