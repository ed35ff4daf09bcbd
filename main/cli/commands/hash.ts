// SPDX-License-Identifier: UNLICENSED
import { computeInvoiceHash } from '../../../app/stamp/invoiceHash';
import { UsageError, type Command } from '../command';
import { parseArgs } from '../parseArgs';
import { readFileSync } from 'node:fs';

export const hashCommand: Command = {
  name: 'hash',
  summary: "print a document's invoice hash (reference §1)",
  usage: 'Usage: dukkan hash FILE\n\nPrints base64(SHA-256(C14N 1.1 of FILE without UBLExtensions, cac:Signature and the QR reference)).',
  async run(argv, io) {
    const args = parseArgs(argv, []);
    if (args.positional.length !== 1) throw new UsageError('cli.one-file');
    io.stdout(`${computeInvoiceHash(readFileSync(args.positional[0]!))}\n`);
    return 0;
  },
};
