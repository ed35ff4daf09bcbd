// SPDX-License-Identifier: UNLICENSED
// Every rule id the business-rule checks can emit has an Arabic statement, and every statement is Arabic. The ids
// are read two ways: from the check sources (every quoted 'BR-…' literal, and the `BR-${category}-NN` templates
// over S, Z, E, O), and from running the checks over every official sample and over broken variants of them, so a
// new rule without its Arabic statement fails here whichever way it is written.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { XmlDocument } from 'libxml2-wasm';
import { checkBusinessRules } from './checkBusinessRules';
import { RULE_STATEMENT_TABLES_AR, ruleStatementAr, rulesWithStatementAr } from './ruleStatementsAr';
import { listSampleXml, readVector } from '../../test/vectors';

const ARABIC_LETTER = /[\u0621-\u064A]/;
/** Three Latin words in a row: an English phrase. Ids, codes and XPath names (no spaces inside) do not match. */
const ENGLISH_PHRASE = /[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}/;

/** The rule ids written in the sources of app/rules (the checks, not this table or the tests). */
function idsInSources(): { ids: Set<string>; unexpanded: string[] } {
  const dir = import.meta.dirname;
  const ids = new Set<string>();
  const unexpanded: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('ruleStatementsAr'))) {
    const source = readFileSync(path.join(dir, file), 'utf8');
    for (const [, , id] of source.matchAll(/(['`])(BR-[A-Za-z0-9${}-]*?)\1/g)) {
      if (!id!.includes('${')) ids.add(id!);
      else if (/^BR-\$\{category\}-\d\d$/.test(id!)) for (const category of ['S', 'Z', 'E', 'O']) ids.add(id!.replace('${category}', category));
      else unexpanded.push(`${file}: ${id}`);
    }
  }
  return { ids, unexpanded };
}

/** The rule ids the checks report on `xml` (validator clock after the issue date, so BR-KSA-98 fires too). */
function idsFound(xml: string): string[] {
  const doc = XmlDocument.fromString(xml);
  try {
    return checkBusinessRules(doc, { now: new Date('2099-01-01T00:00:00Z') }).map((f) => f.rule);
  } finally {
    doc.dispose();
  }
}

describe('Arabic statements of the business rules', () => {
  const { ids, unexpanded } = idsInSources();

  it('the sources name their rule ids so they can be read: literals, or BR-${category}-NN', () => {
    expect(unexpanded).toEqual([]);
    // the parse found the rules of every topic file, not a few
    expect(ids.size).toBeGreaterThan(200);
    for (const id of ['BR-KSA-40', 'BR-CO-15', 'BR-KSA-F-06-C19', 'BR-DEC-23', 'BR-O-08', 'BR-CUSTOM-VALIDATION-01', 'BR-CL-KSA-14']) expect(ids).toContain(id);
  });

  it('every rule id in the checks has an Arabic statement', () => {
    expect([...ids].filter((id) => ruleStatementAr(id) === undefined)).toEqual([]);
  });

  it('the table holds no id the checks do not emit, and each id is in one topic table only', () => {
    expect(rulesWithStatementAr().filter((id) => !ids.has(id))).toEqual([]);
    const perTable = RULE_STATEMENT_TABLES_AR.flatMap((table) => Object.keys(table));
    expect(perTable.length).toBe(new Set(perTable).size);
  });

  it('every statement is an Arabic sentence: Arabic letters, no English phrase', () => {
    const notArabic = rulesWithStatementAr().filter((id) => {
      const text = ruleStatementAr(id)!;
      return !ARABIC_LETTER.test(text) || ENGLISH_PHRASE.test(text) || text.trim() !== text || !/[.]$/.test(text);
    });
    expect(notArabic).toEqual([]);
  });

  it('what the checks actually report on the official samples and on broken variants of them is covered', () => {
    const seen = new Set<string>();
    for (const rel of listSampleXml()) {
      const xml = readVector(rel).toString('utf8');
      for (const id of idsFound(xml)) seen.add(id);
      // the R3.4.6 samples (whose rules these are) broken: every value negative with three decimals, emptied, too
      // long; parts removed; amounts negative and rates wrong; a summary B2G education sale; bad percentages
      if (!rel.startsWith('sdk-238-R3.4.6')) continue;
      const variants = [
        xml.replace(/>([^<>]*\S[^<>]*)</g, '>-1.999<'),
        xml.replace(/>([^<>]*\S[^<>]*)</g, '><'),
        xml.replace(/>([^<>]*\S[^<>]*)</g, `>${'x'.repeat(1001)}<`),
        xml.replace(/>-?\d+\.\d+</g, '>-1.999<').replace(/<cbc:Percent>[^<]*/g, '<cbc:Percent>7'),
        xml.replace(
          /(<cbc:ChargeIndicator>[^<]*<\/cbc:ChargeIndicator>)[\s\S]*?(<\/cac:AllowanceCharge>)/g,
          '$1<cbc:MultiplierFactorNumeric>101%</cbc:MultiplierFactorNumeric>$2',
        ),
        xml.replace(/(<cbc:InvoiceTypeCode name=")\d+/, '$10211011').replace(/<cbc:TaxExemptionReasonCode>[^<]*/g, '<cbc:TaxExemptionReasonCode>VATEX-SA-EDU'),
        xml.replace(/<cac:(AccountingSupplierParty|AccountingCustomerParty|AdditionalDocumentReference|LegalMonetaryTotal)>[\s\S]*?<\/cac:\1>/g, ''),
      ];
      for (const variant of variants) for (const id of idsFound(variant)) seen.add(id);
    }
    // enough variety that the check means something: more than half of the rules fire somewhere
    expect(seen.size).toBeGreaterThan(120);
    expect([...seen].filter((id) => !ids.has(id))).toEqual([]);
    expect([...seen].filter((id) => ruleStatementAr(id) === undefined)).toEqual([]);
  });
});
