// SPDX-License-Identifier: UNLICENSED
import { existsSync } from 'node:fs';
import { checkDatabase, databaseOk, type DatabaseChecks } from '../../db/databaseChecks';
import { openReadOnlyLedger } from '../../db/openReadOnlyLedger';
import { auditLedger, type AuditReport } from '../../ledger/auditLedger';
import { anchorBroken, anchorLines, checkAgainstAnchor } from '../anchorFindings';
import { UsageError, type Command } from '../command';
import { parseArgs, requireFlag } from '../parseArgs';

/** The chain audit; on a damaged file it may fail to read at all, which SQLite's own checks then explain. */
function auditChain(db: Parameters<typeof auditLedger>[0], database: DatabaseChecks): AuditReport | { readonly unreadable: string } {
  try {
    return auditLedger(db);
  } catch (e) {
    if (databaseOk(database)) throw e;
    return { unreadable: e instanceof Error ? e.message : String(e) };
  }
}

export const auditCommand: Command = {
  name: 'audit',
  summary: 're-verify every stored document and the hash chain of a ledger',
  usage: `Usage: dukkan audit --db FILE [--json]

Checks the database file itself (SQLite integrity_check and foreign_key_check), then re-verifies every document
(hash, signature, certificate, SignedProperties, QR) and the chain (ICV contiguous, each PIH = the previous hash, no
duplicate UUID or number), and finally compares the ledger with its anchor in the OS keychain (the chain head the
app recorded outside the database): a database restored from an older copy, or one that lost its WAL, is behind it.
Reports the first break first. Reads only: a ledger in a read-only folder is read from a private temporary copy.
Exit 0 clean, 1 broken.`,
  async run(argv, io) {
    const args = parseArgs(argv, ['db'], ['json']);
    const file = requireFlag(args, 'db');
    if (!existsSync(file)) throw new UsageError('cli.no-ledger', { file });
    const ledger = openReadOnlyLedger(file);
    try {
      const database = checkDatabase(ledger.db);
      const chain = auditChain(ledger.db, database);
      // a database whose documents cannot be read cannot be compared with its anchor either
      const anchor = 'unreadable' in chain ? undefined : await checkAgainstAnchor(ledger.db);
      const ok = databaseOk(database) && !('unreadable' in chain) && chain.ok && !(anchor && anchorBroken(anchor));
      if (args.flags.has('json')) {
        const databaseJson = { integrityCheck: database.integrity, foreignKeyCheck: database.foreignKeys };
        io.stdout(`${JSON.stringify({ ...chain, ok, database: databaseJson, anchor }, null, 2)}\n`);
        return ok ? 0 : 1;
      }
      for (const line of database.integrity) io.stdout(`ledger BROKEN: SQLite integrity_check: ${line}\n`);
      for (const line of database.foreignKeys) io.stdout(`ledger BROKEN: SQLite foreign_key_check: ${line}\n`);
      if ('unreadable' in chain) io.stdout(`ledger BROKEN: the documents cannot be read (${chain.unreadable}); restore the ledger from a backup\n`);
      else if (chain.ok && ok) io.stdout(`ledger OK: ${chain.documents} documents in ${chain.chains} chain(s), every stamp and link verified\n`);
      else if (chain.ok) io.stdout(`the chain itself: ${chain.documents} documents in ${chain.chains} chain(s), every stamp and link verified\n`);
      else {
        const [first] = chain.breaks;
        io.stdout(
          `ledger BROKEN: first break at document ${first!.documentId} (chain ${first!.chainId}, ICV ${first!.icv}, ${first!.number}): ${first!.check}: ${first!.message}\n`,
        );
        for (const b of chain.breaks.slice(1)) io.stdout(`  also document ${b.documentId} (ICV ${b.icv}, ${b.number}): ${b.check}: ${b.message}\n`);
      }
      for (const line of anchor ? anchorLines(anchor) : []) io.stdout(`${line}\n`);
      return ok ? 0 : 1;
    } finally {
      ledger.close();
    }
  },
};
