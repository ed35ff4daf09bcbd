// SPDX-License-Identifier: UNLICENSED
// The engine's front door: a validated document + its place in the chain + a signing certificate and signer →
// the final, stamped UBL document, its hash and its QR text. Pure: no clock, no randomness, no I/O of its own.
import type { DocumentInput } from '../document/documentInput';
import type { MessageSigner } from '../crypto/ecdsa';
import { utf8ToBytes } from '../bytes/utf8';
import { computeTotals, type DocumentTotals } from '../totals/computeTotals';
import { buildUnsignedInvoice, type ChainPosition } from '../ubl/buildInvoiceXml';
import { stampInvoice, type SigningCertificate, type StampOptions } from '../stamp/stampInvoice';

export interface Signing {
  readonly certificate: SigningCertificate;
  readonly sign: MessageSigner;
}

export interface StampedDocument {
  readonly document: DocumentInput;
  readonly totals: DocumentTotals;
  readonly icv: number;
  readonly pih: string;
  /** The signed XML as text (LF only) and as the exact UTF-8 bytes to store and send. */
  readonly xml: string;
  readonly bytes: Uint8Array;
  /** Invoice hash (base64): the next document's PIH, QR tag 6, the API's invoiceHash. */
  readonly hash: string;
  readonly signatureValue: string;
  /** Base64 TLV QR payload (reference §6), exactly as in the XML. */
  readonly qr: string;
  readonly uuid: string;
  readonly number: string;
}

export async function buildAndStamp(document: DocumentInput, chain: ChainPosition, signing: Signing, options: StampOptions = {}): Promise<StampedDocument> {
  const totals = computeTotals(document);
  const unsigned = buildUnsignedInvoice(document, totals, chain);
  const stamp = await stampInvoice(
    unsigned,
    {
      sellerName: document.seller.name,
      vatNumber: document.seller.vatNumber,
      issueDate: document.issueDate,
      issueTime: document.issueTime,
      totalWithVat: totals.taxInclusive.toFixed(2),
      vatTotal: totals.vat.toFixed(2),
      simplified: document.profile === 'simplified',
    },
    signing.certificate,
    signing.sign,
    options,
  );
  return {
    document,
    totals,
    icv: chain.icv,
    pih: chain.pih,
    xml: stamp.xml,
    bytes: utf8ToBytes(stamp.xml),
    hash: stamp.hash,
    signatureValue: stamp.signatureValue,
    qr: stamp.qr,
    uuid: document.uuid.toLowerCase(),
    number: document.number,
  };
}
