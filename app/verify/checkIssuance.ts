// SPDX-License-Identifier: UNLICENSED
// What must hold before a built document takes its place in the chain. An ICV, once given, is never given back
// and the document keeps its place whatever Fatoora answers (reference §11), so a document Fatoora would reject is
// refused here instead: every business rule its content decides (errors only; the clock rules BR-KSA-04 and
// BR-KSA-98 judge the moment of checking, not the document), and the seller VAT number against the signing
// certificate. `dukkan sign` and the ledger run it on the stamped bytes before anything is written.
import type { XmlDocument } from 'libxml2-wasm';
import { DukkanError, type FieldProblem } from '../errors';
import { withProblemLines } from '../errors/problemLines';
import type { Finding } from '../findings/finding';
import { checkContentRules } from '../rules/checkBusinessRules';
import { ruleStatementAr } from '../rules/ruleStatementsAr';
import type { Certificate } from '../x509/parseCertificate';
import { parseXml } from '../xml/parseXml';
import { firstText, SELLER_VAT } from './readInvoiceFields';
import { SELLER_VAT_STATEMENT_AR, sellerVatFinding } from './sellerCertificate';

/** The errors that would make Fatoora reject the stamped document; empty when it may be issued. */
export function issuanceErrors(xml: string | Uint8Array, certificate: Certificate): Finding[] {
  const doc = parseXml(xml);
  try {
    return issuanceErrorsOf(doc, certificate);
  } finally {
    doc.dispose();
  }
}

/** The same, on a document already parsed (the ledger parses the stamped bytes once for this and the re-hash). */
export function issuanceErrorsOf(doc: XmlDocument, certificate: Certificate): Finding[] {
  const errors = checkContentRules(doc).filter((f) => f.severity === 'error');
  // the one field this check needs, not all twenty of readInvoiceFields (it runs before every ICV)
  const vat = sellerVatFinding(firstText(doc, SELLER_VAT), certificate);
  return vat ? [vat, ...errors] : errors;
}

/**
 * A built document that breaks a rule Fatoora rejects for: nothing was written, no ICV was used. Each broken rule
 * is one problem (rule id, the check's own statement, where), listed after the refusal in both languages.
 */
export class IssuanceRefusedError extends DukkanError {
  override readonly name = 'IssuanceRefusedError';
  constructor(readonly findings: readonly Finding[]) {
    super('issuance.refused', { count: findings.length }, { problems: findings.map(brokenRule) });
    this.message = this.text('en');
  }

  override text(locale: 'en' | 'ar'): string {
    return withProblemLines(super.text(locale), this.problems, locale);
  }
}

/**
 * One broken rule as a problem line; the ledger's refusals list theirs the same way. `message` is the check's
 * English statement of what it found; `messageAr` states in Arabic what the rule requires, looked up by rule id,
 * so the Arabic text of the refusal carries no English sentence (docs/ARCHITECTURE.md "Errors").
 */
export function brokenRule(f: Finding): FieldProblem {
  const params = { rule: f.rule, message: f.message, messageAr: statementAr(f.rule) };
  return f.location
    ? { path: '', code: 'issuance.rule-broken-at', params: { ...params, location: f.location } }
    : { path: '', code: 'issuance.rule-broken', params };
}

/** The Arabic statement of a rule: the business rules' table, the certificate check's own, else a plain sentence. */
export function statementAr(rule: string): string {
  if (rule === 'certificate-permissions') return SELLER_VAT_STATEMENT_AR;
  return ruleStatementAr(rule) ?? 'لا يستوفي المستند هذه القاعدة من قواعد منصة فاتورة.';
}
