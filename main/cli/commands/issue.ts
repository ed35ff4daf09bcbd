// SPDX-License-Identifier: UNLICENSED
import { randomUUID } from 'node:crypto';
import { parseDocumentInput } from '../../../app/document/documentInput';
import { INITIAL_PIH } from '../../../app/stamp/invoiceHash';
import { riyadhDateTime } from '../../../app/time/riyadhTime';
import { openDeviceDatabase } from '../../db/openDeviceDatabase';
import { Ledger, type SaleInput } from '../../ledger/ledger';
import { UsageError, type Command } from '../command';
import { integerFlag, optionalFlag, parseArgs, requireFlag } from '../parseArgs';
import { readCertificateFile, readJsonFile, signingKeyFromFile } from '../readInputs';
import { stampChecked } from '../stampChecked';

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
    const prefix = optionalFlag(args, 'prefix') ?? 'T1';
    if (!/^[A-Za-z0-9]{1,10}$/.test(prefix)) throw new UsageError('cli.prefix-format');
    const dbFile = requireFlag(args, 'db');
    const sale = readJsonFile(requireFlag(args, 'in'), 'in') as SaleInput;
    const files = { key: requireFlag(args, 'key'), cert: requireFlag(args, 'cert') };
    const certificate = readCertificateFile(files.cert);
    const key = signingKeyFromFile(files.key);
    const signing = { certificate, sign: key.sign };
    try {
      // a rehearsal with what the ledger would assign, before the ledger is opened (or created): a document, key or
      // certificate the ledger would refuse leaves no empty ledger behind. What only the ledger knows (a note's
      // original invoice) is still checked by the ledger itself.
      const now = new Date();
      const rehearsal = parseDocumentInput({ ...sale, number: `${prefix}-000001`, uuid: randomUUID(), ...riyadhDateTime(now) });
      await stampChecked(rehearsal, { icv: 1, pih: INITIAL_PIH }, { key, certificate, files }, now);
    } catch (err) {
      key.destroy();
      throw err;
    }
    const db = openDeviceDatabase(dbFile);
    try {
      const ledger = new Ledger(db, { numberPrefix: prefix, environment: 'cli' });
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
