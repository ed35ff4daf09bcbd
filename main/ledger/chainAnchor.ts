// SPDX-License-Identifier: UNLICENSED
// The chain anchor: a record, kept OUTSIDE the database, of how far each hash chain of this device has got — the
// head's ICV and invoice hash, and the highest ICV Fatoora has acknowledged (reported or cleared). A database that
// was rolled back (an older copy restored, its WAL deleted before a checkpoint) no longer reaches its anchor, and
// issuing on it would reuse ICVs with other hashes: a forked chain ZATCA sees, which cannot be repaired afterwards
// (reference §11). docs/security.md ("The ledger's anchor") says what this covers and what it does not.
//
// The record lives in the device's keychain (the service of its device id, next to the device key): entry
// `ledger/chain-anchor`, a small JSON value. This module reads, writes and compares it; main/ledger/ledgerAnchor.ts
// keeps it up to date on the issuance path.
import { DukkanError } from '../../app/errors/index';
import type { SecretStore } from '../../native/keychain/secretStore';
import type { AnchorStatements } from './anchorStore';

export const ANCHOR_ENTRY = 'ledger/chain-anchor';

export interface AnchoredChain {
  /** The chain's certificate (its chain in the database is found by these, never by row id). */
  readonly issuer: string;
  readonly serial: string;
  /** The head the database reached: ICV and invoice hash. */
  readonly icv: number;
  readonly hash: string;
  /** The highest ICV of this chain Fatoora acknowledged (0: none yet). */
  readonly acknowledgedIcv: number;
  /** Set by `dukkan anchor --close` after documents were lost for good: the chain never issues again. */
  readonly closed?: { readonly at: string; readonly databaseIcv: number; readonly reason: string };
}

export interface AnchorRecord {
  readonly version: 1;
  readonly chains: readonly AnchoredChain[];
}

/** How the database stands against one anchored chain. */
export type AnchorFinding =
  | { readonly kind: 'in-step'; readonly chain: AnchoredChain }
  /** The database went on past the anchor, linked to it (the crash window between commit and anchor update). */
  | { readonly kind: 'ahead'; readonly chain: AnchoredChain; readonly databaseIcv: number; readonly databaseHash: string }
  /** The anchored document is not in the database: it ends at `databaseIcv` (0: the chain is not there at all). */
  | { readonly kind: 'behind'; readonly chain: AnchoredChain; readonly databaseIcv: number }
  /** The database holds another document at the anchored ICV (or one after it that does not link to it). */
  | { readonly kind: 'forked'; readonly chain: AnchoredChain; readonly icv: number; readonly databaseHash: string }
  /** A chain closed after a loss: reported, never issued on. */
  | { readonly kind: 'closed'; readonly chain: AnchoredChain; readonly databaseIcv: number };

export const sameCertificate = (a: { issuer: string; serial: string }, b: { issuer: string; serial: string }): boolean =>
  a.issuer === b.issuer && a.serial === b.serial;

/** Compares every anchored chain with the database. Chains the anchor does not know yet are not findings. */
export function compareWithAnchor(q: AnchorStatements, record: AnchorRecord): AnchorFinding[] {
  const heads = q.heads();
  return record.chains.map((chain): AnchorFinding => {
    const head = heads.find((h) => sameCertificate(h, chain));
    const databaseIcv = head?.icv ?? 0;
    if (chain.closed) return { kind: 'closed', chain, databaseIcv };
    if (!head || databaseIcv < chain.acknowledgedIcv) return { kind: 'behind', chain, databaseIcv };
    const anchored = q.documentAt(head.chain_id, chain.icv);
    if (!anchored) return { kind: 'behind', chain, databaseIcv };
    if (anchored.hash !== chain.hash) return { kind: 'forked', chain, icv: chain.icv, databaseHash: anchored.hash };
    if (databaseIcv === chain.icv) return { kind: 'in-step', chain };
    // past the anchor: the next document must carry the anchored hash as its PIH (reference §11)
    const next = q.documentAt(head.chain_id, chain.icv + 1);
    if (!next || next.pih !== chain.hash) return { kind: 'forked', chain, icv: chain.icv + 1, databaseHash: next?.hash ?? '' };
    return { kind: 'ahead', chain, databaseIcv, databaseHash: head.hash ?? '' };
  });
}

/** A finding that must stop issuing. */
export const isRollback = (f: AnchorFinding): f is Extract<AnchorFinding, { kind: 'behind' | 'forked' }> => f.kind === 'behind' || f.kind === 'forked';

/** The refusal for a rolled-back or forked chain, naming what the anchor holds and what the database holds. */
export function rollbackError(f: Extract<AnchorFinding, { kind: 'behind' | 'forked' }>): DukkanError {
  const common = { serial: f.chain.serial, anchorIcv: f.chain.icv, anchorHash: f.chain.hash, acknowledgedIcv: f.chain.acknowledgedIcv };
  if (f.kind === 'behind') return new DukkanError('ledger.rolled-back', { ...common, databaseIcv: f.databaseIcv });
  return new DukkanError('ledger.chain-forked', { ...common, icv: f.icv, databaseHash: f.databaseHash || 'none' });
}

export function describeFinding(f: AnchorFinding): string {
  switch (f.kind) {
    case 'in-step':
      return `chain of certificate ${f.chain.serial}: at its anchor, ICV ${f.chain.icv}`;
    case 'ahead':
      return `chain of certificate ${f.chain.serial}: ICV ${f.databaseIcv}, past its anchor ICV ${f.chain.icv} and linked to it (the anchor catches up at the next issue)`;
    case 'closed':
      return `chain of certificate ${f.chain.serial}: closed on ${f.chain.closed!.at} (${f.chain.closed!.reason}); the database ends at ICV ${f.databaseIcv}, the anchor recorded ICV ${f.chain.icv}`;
    default:
      return rollbackError(f).message;
  }
}

// ── the record in the keychain ───────────────────────────────────────────────────────────────────────────────

const HASH = /^[A-Za-z0-9+/]{43}=$/;

function parseChain(v: unknown): AnchoredChain {
  const c = v as Partial<AnchoredChain> | null;
  const ok =
    !!c &&
    typeof c.issuer === 'string' &&
    typeof c.serial === 'string' &&
    Number.isSafeInteger(c.icv) &&
    c.icv! >= 1 &&
    typeof c.hash === 'string' &&
    HASH.test(c.hash) &&
    Number.isSafeInteger(c.acknowledgedIcv) &&
    c.acknowledgedIcv! >= 0;
  if (!ok) throw new Error('chain entry');
  return c as AnchoredChain;
}

/** Reads the anchor; undefined when the keychain has none. A damaged value is a refusal, never a fresh start. */
export async function readAnchor(secrets: SecretStore): Promise<AnchorRecord | undefined> {
  const text = await secrets.get(ANCHOR_ENTRY);
  if (text === undefined) return undefined;
  try {
    const v = JSON.parse(text) as { version?: unknown; chains?: unknown };
    if (v.version !== 1 || !Array.isArray(v.chains)) throw new Error('shape');
    return { version: 1, chains: v.chains.map(parseChain) };
  } catch {
    throw new DukkanError('ledger.anchor-unreadable', { entry: ANCHOR_ENTRY });
  }
}

export async function writeAnchor(secrets: SecretStore, record: AnchorRecord): Promise<void> {
  await secrets.set(ANCHOR_ENTRY, JSON.stringify(record));
}

/** The record with one chain replaced (or added). */
export function withChain(record: AnchorRecord | undefined, chain: AnchoredChain): AnchorRecord {
  const chains = record?.chains ?? [];
  const known = chains.some((c) => sameCertificate(c, chain));
  return { version: 1, chains: known ? chains.map((c) => (sameCertificate(c, chain) ? chain : c)) : [...chains, chain] };
}
