// SPDX-License-Identifier: UNLICENSED
import { INITIAL_PIH } from '../../../app/stamp/invoiceHash';
import { parseDocumentInput } from '../../../app/document/documentInput';
import { DukkanError } from '../../../app/errors/index';
import { base64ToBytes, isBase64 } from '../../../app/bytes/base64';
import { writeFileAtomic } from '../../fs/writeFileAtomic';
import { UsageError, type Command } from '../command';
import { integerFlag, optionalFlag, parseArgs, requireFlag } from '../parseArgs';
import { readCertificateFile, readJsonFile, signingKeyFromFile } from '../readInputs';
import { stampChecked } from '../stampChecked';

export const signCommand: Command = {
  name: 'sign',
  summary: 'build and stamp a document from JSON into signed UBL XML',
  usage: `Usage: dukkan sign --in document.json --key KEY --cert CERT [--icv N] [--pih B64] --out signed.xml

  --in    document JSON (see README "Document JSON"); - reads stdin
  --key   secp256k1 private key: PEM (EC PRIVATE KEY / PRIVATE KEY) or the SDK's headerless base64
  --cert  signing certificate (CSID): PEM, one-line base64 DER, or the Fatoora binarySecurityToken
  --icv   invoice counter value (default 1)
  --pih   previous invoice hash, base64 (default: the initial PIH of a new EGS unit)
  --out   where to write the signed XML; nothing is written when the document is invalid
The key must be the certificate's, and the certificate valid now and at the document's issue date and time.
Before writing, the signed document is checked against every business rule its content decides and its seller VAT
number against the certificate's; a document Fatoora would reject is refused with the rule and written nowhere.
Prints the invoice hash.`,
  async run(argv, io) {
    const args = parseArgs(argv, ['in', 'key', 'cert', 'icv', 'pih', 'out']);
    const out = requireFlag(args, 'out');
    const pih = optionalFlag(args, 'pih') ?? INITIAL_PIH;
    if (pih !== INITIAL_PIH && !(isBase64(pih) && base64ToBytes(pih).length === 32)) throw new UsageError('cli.pih-format');
    const icv = integerFlag(args, 'icv', 1, 1);
    const document = parseDocumentInput(readJsonFile(requireFlag(args, 'in'), 'in'));
    const files = { key: requireFlag(args, 'key'), cert: requireFlag(args, 'cert') };
    const key = signingKeyFromFile(files.key);
    const certificate = readCertificateFile(files.cert);
    let stamped;
    try {
      // a key of another certificate, or a certificate expired (now or at the document's signing time), is refused
      // before anything is built, and a document Fatoora would reject is not written: its ICV would be spent on it
      stamped = await stampChecked(document, { icv, pih }, { key, certificate, files }, new Date());
    } finally {
      key.destroy();
    }
    try {
      writeFileAtomic(out, stamped.bytes);
    } catch (err) {
      throw new DukkanError('cli.cannot-write', { option: 'out', file: out, detail: (err as NodeJS.ErrnoException).code ?? String(err) }, { cause: err });
    }
    io.stdout(`${stamped.hash}\n`);
    return 0;
  },
};
