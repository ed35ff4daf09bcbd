// SPDX-License-Identifier: UNLICENSED
// ZATCA business rules over a parsed UBL 2.1 invoice, credit note or debit note: the subset of the SDK
// 238-R3.4.6 schematrons (KSA rules + ZATCA's EN 16931 file, SCH-3.4.6) that matters to a simplified-invoice POS
// and to the standard documents it may have to verify, with the validator's ids, severities and quirks
// (reference §7). Pure: the clock is an argument, nothing is read or written.
import type { XmlDocument } from 'libxml2-wasm';
import { NS } from '../xml/namespaces';
import type { Finding } from '../findings/finding';
import { checkAllowanceChargeArithmetic, checkDocumentAllowanceCharges, checkLineAllowanceCharges } from './allowanceCharges';
import { checkFieldLengths } from './fieldLengths';
import { checkCountryCodes, checkCurrencyIds, checkNonNegative } from './formats';
import {
  checkCurrencies,
  checkDocumentReferences,
  checkHeaderIdentity,
  checkNoteReferences,
  checkPaymentMeans,
  checkStampIdentifiers,
  checkTypeCode,
} from './header';
import { checkLineNetAmounts, checkLineStructure, checkLineVat, checkPrices } from './lines';
import { checkBuyer, checkBuyerForSpecialSupplies, checkPartyIdentifiers, checkSeller } from './parties';
import { createRuleContext, type RuleCheck } from './ruleContext';
import { withQueryMemo } from './xmlQuery';
import {
  checkBreakdownStructure,
  checkCategoryCodes,
  checkCategoryRates,
  checkCategoryTaxableAmounts,
  checkCategoryTaxAmounts,
  checkExemptionReasons,
} from './taxCategories';
import { checkDateFormats, checkIssueDateNotFuture, checkReportingDelay, checkSupplyDates } from './timing';
import { checkMonetaryTotals, checkTaxTotals } from './totals';

export interface BusinessRuleOptions {
  /** The validator's clock: BR-KSA-04 compares IssueDate with this date in Riyadh, BR-KSA-98 measures 24 h from it. */
  readonly now: Date;
}

/** Every check, grouped by topic; each one cites its rules. */
export const BUSINESS_RULE_CHECKS: readonly RuleCheck[] = [
  // header (§7.2, §7.3)
  checkHeaderIdentity,
  checkTypeCode,
  checkCurrencies,
  checkDocumentReferences,
  checkStampIdentifiers,
  checkPaymentMeans,
  checkNoteReferences,
  // timing (§11)
  checkDateFormats,
  checkIssueDateNotFuture,
  checkReportingDelay,
  checkSupplyDates,
  // parties (§7.4)
  checkSeller,
  checkPartyIdentifiers,
  checkBuyer,
  checkBuyerForSpecialSupplies,
  // lines (§7.5)
  checkLineStructure,
  checkLineNetAmounts,
  checkLineVat,
  checkPrices,
  checkLineAllowanceCharges,
  checkDocumentAllowanceCharges,
  checkAllowanceChargeArithmetic,
  // totals and VAT breakdown (§7.6, §7.7)
  checkMonetaryTotals,
  checkTaxTotals,
  checkBreakdownStructure,
  checkCategoryCodes,
  checkCategoryRates,
  checkCategoryTaxableAmounts,
  checkCategoryTaxAmounts,
  checkExemptionReasons,
  // value formats
  checkNonNegative,
  checkCurrencyIds,
  checkCountryCodes,
  checkFieldLengths,
];

/**
 * The checks that read the validator's clock: BR-KSA-04 (issue date not in the future) and BR-KSA-98 (reported
 * within 24 hours). They judge when a document is checked, not what it says.
 */
export const CLOCK_RULE_CHECKS: readonly RuleCheck[] = [checkIssueDateNotFuture, checkReportingDelay];

/**
 * Every rule that the document's content alone decides — all but CLOCK_RULE_CHECKS — as the issuance path runs them
 * before a document takes its place in the chain.
 */
export function checkContentRules(doc: XmlDocument): Finding[] {
  const root = requireInvoiceRoot(doc);
  // no check run here reads the clock; the context still needs one
  return withQueryMemo(() => {
    const ctx = createRuleContext(root, new Date(0));
    return BUSINESS_RULE_CHECKS.filter((check) => !CLOCK_RULE_CHECKS.includes(check)).flatMap((check) => check(ctx));
  });
}

function requireInvoiceRoot(doc: XmlDocument): XmlDocument['root'] {
  const root = doc.root;
  if (root.name !== 'Invoice' || root.namespaceUri !== NS.inv) {
    throw new Error(`checkBusinessRules: the root element is {${root.namespaceUri}}${root.name}; ZATCA documents are UBL 2.1 {${NS.inv}}Invoice`);
  }
  return root;
}

/**
 * Checks the business rules of a parsed document. Returns findings in topic order (no finding = the rules pass).
 * Throws if the root is not a UBL Invoice (ZATCA uses the Invoice root for 388, 381 and 383 alike), or if `now`
 * is not a valid date.
 */
export function checkBusinessRules(doc: XmlDocument, options: BusinessRuleOptions): Finding[] {
  const root = requireInvoiceRoot(doc);
  if (!(options.now instanceof Date) || Number.isNaN(options.now.getTime())) {
    throw new Error('checkBusinessRules: options.now must be a valid Date (the validator clock for BR-KSA-04 and BR-KSA-98)');
  }
  return withQueryMemo(() => {
    const ctx = createRuleContext(root, options.now);
    return BUSINESS_RULE_CHECKS.flatMap((check) => check(ctx));
  });
}
