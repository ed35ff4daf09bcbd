// SPDX-License-Identifier: UNLICENSED
// What every business-rule check receives: the parsed document's root plus the document facts most rules branch
// on (type code, transaction subtype, currencies), read once. Rule ids, severities and guards follow the SDK
// 238-R3.4.6 schematrons (20210819_ZATCA_E-invoice_Validation_Rules.xsl and CEN-EN16931-UBL.xsl, SCH-3.4.6).
import type { XmlElement, XmlNode } from 'libxml2-wasm';
import type { Finding } from '../findings/finding';
import { attr, elements, first, locate, norm, text } from './xmlQuery';

export interface RuleContext {
  readonly root: XmlElement;
  readonly now: Date;
  /** cbc:InvoiceTypeCode, normalized (388, 381, 383, 386). */
  readonly typeCode: string;
  /** cbc:InvoiceTypeCode/@name, the KSA-2 transaction code "NNPNESB(CG)", raw. */
  readonly transaction: string;
  /** KSA-2 positions 1-2 = 01: tax invoice and its notes. */
  readonly isStandard: boolean;
  /** KSA-2 positions 1-2 = 02: simplified tax invoice and its notes. */
  readonly isSimplified: boolean;
  /** Credit (381) or debit (383) note; the schematron compares the raw text. */
  readonly isNote: boolean;
  readonly documentCurrency: string;
  readonly lines: readonly XmlElement[];
}

export type RuleCheck = (ctx: RuleContext) => Finding[];

export function createRuleContext(root: XmlElement, now: Date): RuleContext {
  const typeEl = first(root, 'cbc:InvoiceTypeCode');
  const transaction = attr(typeEl, 'name') ?? '';
  const rawType = typeEl?.content ?? '';
  return {
    root,
    now,
    typeCode: norm(rawType),
    transaction,
    // SCH-3.4.6 guards standard-only rules with matches(@name, '01\d{5}') and simplified-only ones with
    // matches(@name, '02\d{5}') or substring(@name, 1, 2) = '02'.
    isStandard: /01\d{5}/.test(transaction),
    isSimplified: transaction.startsWith('02'),
    isNote: rawType === '381' || rawType === '383',
    documentCurrency: norm(text(root, 'cbc:DocumentCurrencyCode')),
    lines: elements(root, 'cac:InvoiceLine'),
  };
}

export function error(rule: string, message: string, node?: XmlNode, hint?: string): Finding {
  return make(rule, 'error', message, node, hint);
}

export function warning(rule: string, message: string, node?: XmlNode, hint?: string): Finding {
  return make(rule, 'warning', message, node, hint);
}

function make(rule: string, severity: Finding['severity'], message: string, node?: XmlNode, hint?: string): Finding {
  const location = locate(node);
  return {
    rule,
    severity,
    message,
    ...(location ? { location } : {}),
    ...(hint ? { hint } : {}),
  };
}

/** Quotes a document value for a message, showing absence plainly. */
export function q(value: string | undefined): string {
  return value === undefined ? '(absent)' : JSON.stringify(value);
}
