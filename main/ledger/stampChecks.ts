// SPDX-License-Identifier: UNLICENSED
// The two checks the ledger runs on a stamped document before its transaction: that the stamp verifies (hash,
// signature, QR) and that Fatoora would not reject the content. Both throw a LedgerError and store nothing.
import type { Signing, StampedDocument } from '../../app/engine/buildAndStamp';
import { computeInvoiceHash, computeInvoiceHashOfParsed } from '../../app/stamp/invoiceHash';
import { decodeQr } from '../../app/qr/tlv';
import { base64ToBytes } from '../../app/bytes/base64';
import { verifySignature } from '../../app/crypto/signingKey';
import { brokenRule, issuanceErrors, issuanceErrorsOf } from '../../app/verify/checkIssuance';
import type { Finding } from '../../app/findings/finding';
import { parseXml } from '../../app/xml/parseXml';
import { LedgerError } from './ledgerErrors';

/**
 * Nothing is stored that does not verify: the final bytes re-hash to the stamped hash (real C14N), the signature
 * verifies with the certificate's key (catches a keychain key that does not match the CSID), and the QR carries
 * that hash and signature.
 */
export function verifyBeforeStoring(stamped: StampedDocument, signing: Signing, rehash = computeInvoiceHash(stamped.bytes)): void {
  // each problem in English and Arabic: the refusal is shown in the screen's language (docs/ARCHITECTURE.md, errors)
  const problems: string[] = [];
  const problemsAr: string[] = [];
  if (rehash !== stamped.hash) {
    problems.push(`the final document hashes to ${rehash}, not ${stamped.hash}`);
    problemsAr.push(`بصمة المستند النهائي ${rehash} وليست ${stamped.hash}`);
  }
  // verifySignature keeps tables per public key (app/crypto/signingKey.ts), found again by the key's bytes: the
  // Signing, with its parsed certificate, is made anew for every sale (main/onboarding signingFor), so tables kept
  // per certificate object were rebuilt at every issuance (~11 ms a sale in a profiled 150-sale soak)
  if (!verifySignature(base64ToBytes(stamped.signatureValue), base64ToBytes(stamped.hash), signing.certificate.publicKey)) {
    problems.push("the signature does not verify with the certificate's public key: the signing key does not belong to this CSID");
    problemsAr.push('التوقيع لا يتحقق بالمفتاح العام للشهادة: مفتاح التوقيع لا يخص شهادة الختم هذه');
  }
  const qr = decodeQr(stamped.qr).fields;
  if (qr.invoiceHash !== stamped.hash || qr.signature !== stamped.signatureValue) {
    problems.push('the QR does not carry the document hash and signature');
    problemsAr.push('رمز الاستجابة السريعة لا يحمل بصمة المستند وتوقيعه');
  }
  if (problems.length > 0) throw new LedgerError('ledger.stamp-self-check', { details: problems.join('; '), detailsAr: problemsAr.join('؛ ') });
}

/**
 * Nothing gets an ICV that Fatoora would reject (reference §11: the number stays spent whatever the answer): the
 * business rules the stamped document's content decides, errors only, and the seller VAT number against the
 * certificate's. Runs before the transaction, so a refusal stores nothing and consumes no ICV or number.
 */
export function refuseWhatFatooraRejects(stamped: StampedDocument, signing: Signing, errors = issuanceErrors(stamped.bytes, signing.certificate)): void {
  if (errors.length === 0) return;
  // each broken rule as a problem: its rule id (the same in both languages) and the rule check's own statement,
  // which quotes the schematron's English terms; the refusal itself is in both languages
  const problems = errors.map(brokenRule);
  if (errors.every((f) => f.rule === 'certificate-permissions'))
    throw new LedgerError('ledger.seller-not-in-certificate', {}, { field: 'seller.vatNumber', problems });
  throw new LedgerError('ledger.business-rules', { count: errors.length, rules: [...new Set(errors.map((f) => f.rule))].join(', ') }, { problems });
}

/**
 * Both checks on one parse of the stamped bytes: the rules read the document first, then the re-hash removes the
 * excluded blocks from the same tree and canonicalises it (a parse is about a tenth of the check, BENCHMARKS.md
 * ledger section). The stamp's verdict comes first, as when the two ran separately. `rules: false` on a rebuild
 * after the head moved (the ledger checks the content once per issuance).
 */
export function checkBeforeStoring(stamped: StampedDocument, signing: Signing, options: { readonly rules: boolean }): void {
  const doc = parseXml(stamped.bytes);
  let errors: Finding[] = [];
  let rehash: string;
  try {
    if (options.rules) errors = issuanceErrorsOf(doc, signing.certificate);
    rehash = computeInvoiceHashOfParsed(doc);
  } finally {
    doc.dispose();
  }
  verifyBeforeStoring(stamped, signing, rehash);
  if (options.rules) refuseWhatFatooraRejects(stamped, signing, errors);
}
