// SPDX-License-Identifier: UNLICENSED
import { openDeviceDatabase } from '../../db/openDeviceDatabase';
import { Ledger, type SaleInput } from '../../ledger/ledger';
import type { Command } from '../command';
import { integerFlag, optionalFlag, parseArgs, requireFlag } from '../parseArgs';
import { readCertificateFile, readJsonFile, signingKeyFromFile } from '../readInputs';

export const issueCommand: Command = {
  name: 'issue',
  summary: 'issue documents into a device ledger (the same path as the counter)',
  usage: `Usage: dukkan issue --db FILE --key KEY --cert CERT --in document.json [--count N] [--prefix T1]

  --db      the device ledger (SQLite; created if missing)
  --key     secp256k1 private key (PEM or the SDK's headerless base64)
  --cert    signing certificate (PEM, base64 DER or binarySecurityToken)
  --in      document JSON; number, uuid, issueDate and issueTime are assigned by the ledger
  --count   how many documents to issue (default 1); each gets a fresh number and UUID
  --prefix  invoice number prefix of this terminal (default T1)
Prints one line per committed document, after its commit is durable: ICV NUMBER HASH`,
  async run(argv, io) {
    const args = parseArgs(argv, ['db', 'key', 'cert', 'in', 'count', 'prefix']);
    const count = integerFlag(args, 'count', 1, 1);
    const sale = readJsonFile(requireFlag(args, 'in'), 'in') as SaleInput;
    const certificate = readCertificateFile(requireFlag(args, 'cert'));
    const key = signingKeyFromFile(requireFlag(args, 'key'));
    const signing = { certificate, sign: key.sign };
    const db = openDeviceDatabase(requireFlag(args, 'db'));
    try {
      const ledger = new Ledger(db, { numberPrefix: optionalFlag(args, 'prefix') ?? 'T1', environment: 'cli' });
      let stop = false;
      void io.stopSignal.then(() => (stop = true));
      for (let i = 0; i < count && !stop; i++) {
        const doc = await ledger.issue(sale, signing);
        // printed only after the durable commit (stdout writes to files and pipes are synchronous on Linux and macOS)
        io.stdout(`${doc.icv} ${doc.number} ${doc.hash}\n`);
      }
    } finally {
      db.close();
      key.destroy();
    }
    return 0;
  },
};
