// SPDX-License-Identifier: UNLICENSED
// `dukkan anchor`: the ledger against the chain head recorded in the OS keychain (docs/security.md, "The ledger's
// anchor"), and the last step of the recovery when a rolled-back ledger's documents are lost for good: --close marks
// each chain that is behind as closed, so it never issues again (its ICVs were used, reference §11); the shop then
// renews the CSID, which starts a new chain at ICV 1. Writes only the keychain entry, never the database.
import { existsSync } from 'node:fs';
import { DukkanError } from '../../../app/errors/index';
import { openReadOnlyLedger } from '../../db/openReadOnlyLedger';
import { isRollback, withChain, writeAnchor, type AnchorRecord } from '../../ledger/chainAnchor';
import { anchorAccess, anchorBroken, anchorLines, checkAgainstAnchor } from '../anchorFindings';
import { UsageError, type Command } from '../command';
import { optionalFlag, parseArgs, requireFlag } from '../parseArgs';

export const anchorCommand: Command = {
  name: 'anchor',
  summary: 'compare a ledger with its anchor in the OS keychain; close a chain whose documents are lost',
  usage: `Usage: dukkan anchor --db FILE [--close --reason TEXT] [--json]

Without --close: prints, per chain, where the database stands against the anchor (exit 1 when it is behind).
--close   for every chain behind its anchor, record in the keychain that its lost documents are accepted as lost
          (--reason says why, e.g. "disk failed, no backup; failure notification 2026-11-25"). A closed chain
          never issues again; renew the CSID to start a new chain. Read docs/security.md first.`,
  async run(argv, io) {
    const args = parseArgs(argv, ['db', 'reason'], ['close', 'json']);
    const file = requireFlag(args, 'db');
    if (!existsSync(file)) throw new UsageError('cli.no-ledger', { file });
    const close = args.flags.has('close');
    const reason = optionalFlag(args, 'reason');
    if (close && !reason?.trim()) throw new UsageError('cli.option-required', { option: 'reason' });
    const ledger = openReadOnlyLedger(file);
    try {
      const check = await checkAgainstAnchor(ledger.db);
      if (!close) {
        io.stdout(
          args.flags.has('json')
            ? `${JSON.stringify(check, null, 2)}\n`
            : anchorLines(check)
                .map((l) => `${l}\n`)
                .join(''),
        );
        return anchorBroken(check) ? 1 : 0;
      }
      if (check.status !== 'checked' || !anchorBroken(check)) throw new DukkanError('ledger.nothing-to-close');
      const access = anchorAccess(ledger.db);
      if ('detail' in access) throw new DukkanError('ledger.nothing-to-close');
      const at = new Date().toISOString();
      let record: AnchorRecord = check.record;
      for (const f of check.findings.filter(isRollback)) {
        const databaseIcv = f.kind === 'behind' ? f.databaseIcv : f.icv - 1;
        record = withChain(record, { ...f.chain, closed: { at, databaseIcv, reason: reason!.trim() } });
        io.stdout(`closed: chain of certificate ${f.chain.serial}, documents after ICV ${databaseIcv} up to ICV ${f.chain.icv} lost; it never issues again\n`);
      }
      await writeAnchor(access.secrets, record);
      io.stdout('next: renew the CSID (a new chain starts at ICV 1) and send ZATCA the failure notification for the lost documents\n');
      return 0;
    } finally {
      ledger.close();
    }
  },
};
