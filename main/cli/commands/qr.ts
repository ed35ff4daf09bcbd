// SPDX-License-Identifier: UNLICENSED
import { readFileSync } from 'node:fs';
import { decodeQr } from '../../../app/qr/tlv';
import { DukkanError } from '../../../app/errors/index';
import { bytesToBase64 } from '../../../app/bytes/base64';
import { bytesToHex } from '../../../app/bytes/hex';
import { withXml } from '../../../app/xml/parseXml';
import { firstText } from '../../../app/verify/readInvoiceFields';
import { UsageError, type Command } from '../command';
import { parseArgs } from '../parseArgs';

export const qrCommand: Command = {
  name: 'qr',
  summary: "decode a document's QR code into its TLV tags (JSON)",
  usage: 'Usage: dukkan qr FILE\n\nPrints tags 1–9 as JSON (text tags as text; tags 8 and 9 as base64 and hex).',
  async run(argv, io) {
    const args = parseArgs(argv, []);
    if (args.positional.length !== 1) throw new UsageError('cli.one-file');
    const text = withXml(readFileSync(args.positional[0]!), (doc) =>
      firstText(doc, "/*/cac:AdditionalDocumentReference[cbc:ID='QR']/cac:Attachment/cbc:EmbeddedDocumentBinaryObject"),
    );
    if (!text) throw new DukkanError('cli.no-qr');
    const { fields } = decodeQr(text);
    const binary = (b: Uint8Array | undefined) => (b ? { base64: bytesToBase64(b), hex: bytesToHex(b) } : undefined);
    const out = {
      '1_sellerName': fields.sellerName,
      '2_vatNumber': fields.vatNumber,
      '3_timestamp': fields.timestamp,
      '4_totalWithVat': fields.totalWithVat,
      '5_vatTotal': fields.vatTotal,
      '6_invoiceHash': fields.invoiceHash,
      '7_signature': fields.signature,
      '8_publicKey': binary(fields.publicKey),
      '9_certificateSignature': binary(fields.certificateSignature),
      length: text.length,
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  },
};
