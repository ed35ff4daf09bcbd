// SPDX-License-Identifier: UNLICENSED
import { existsSync } from 'node:fs';
import { openDeviceDatabase } from '../../db/openDeviceDatabase';
import { auditLedger } from '../../ledger/auditLedger';
import { UsageError, type Command } from '../command';
import { parseArgs, requireFlag } from '../parseArgs';

export const auditCommand: Command = {
  name: 'audit',
  summary: 're-verify every stored document and the hash chain of a ledger',
  usage: `Usage: dukkan audit --db FILE [--json]

Re-verifies every document (hash, signature, certificate, SignedProperties, QR) and the chain (ICV contiguous,
each PIH = the previous hash, no duplicate UUID or number). Reports the first break first. Exit 0 clean, 1 broken.`,
  async run(argv, io) {
    const args = parseArgs(argv, ['db'], ['json']);
    const file = requireFlag(args, 'db');
    if (!existsSync(file)) throw new UsageError(`no ledger at ${file}`);
    const db = openDeviceDatabase(file, { readonly: true });
    try {
      const report = auditLedger(db);
      if (args.flags.has('json')) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      else if (report.ok) io.stdout(`ledger OK: ${report.documents} documents in ${report.chains} chain(s), every stamp and link verified\n`);
      else {
        const [first] = report.breaks;
        io.stdout(
          `ledger BROKEN: first break at document ${first!.documentId} (chain ${first!.chainId}, ICV ${first!.icv}, ${first!.number}): ${first!.check}: ${first!.message}\n`,
        );
        for (const b of report.breaks.slice(1)) io.stdout(`  also document ${b.documentId} (ICV ${b.icv}, ${b.number}): ${b.check}: ${b.message}\n`);
      }
      return report.ok ? 0 : 1;
    } finally {
      db.close();
    }
  },
};
