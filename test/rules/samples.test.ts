// SPDX-License-Identifier: UNLICENSED
// The business rules against the vendored ZATCA SDK samples (test/vectors): the R3.4.6 set must pass the rules
// it was published with; the R3.2.7 invoice predates BR-KSA-EN16931-06 and must fail it.
import { describe, expect, it } from 'vitest';
import { listSampleXml, VECTORS_DIR } from '../vectors';
import path from 'node:path';
import { check, issueInstant, minutesAfter, R327, readText, summary } from './support';

const r346 = listSampleXml().filter((rel) => rel.startsWith('sdk-238-R3.4.6'));
const isSimplified = (xml: string) => /<cbc:InvoiceTypeCode name="02/.test(xml);

describe('R3.4.6 SDK samples', () => {
  it('the set is all there (19 documents: 5 simplified, 14 standard)', () => {
    expect(r346).toHaveLength(19);
    expect(r346.filter((rel) => isSimplified(readText(path.join(VECTORS_DIR, rel))))).toHaveLength(5);
  });

  it.each(r346)('%s raises no finding at all when checked a minute after issue', (rel) => {
    const xml = readText(path.join(VECTORS_DIR, rel));
    const findings = check(xml, minutesAfter(issueInstant(xml), 1));
    expect(findings).toEqual([]);
  });

  it.each(r346)('%s gets BR-KSA-98 (warning) only if simplified and checked more than 24 h after issue', (rel) => {
    const xml = readText(path.join(VECTORS_DIR, rel));
    const issued = issueInstant(xml);
    const atLimit = check(xml, minutesAfter(issued, 24 * 60));
    expect(atLimit.filter((f) => f.rule === 'BR-KSA-98')).toEqual([]);
    const late = check(xml, minutesAfter(issued, 24 * 60 + 1));
    if (isSimplified(xml)) {
      expect(summary(late)).toEqual(['warning BR-KSA-98']);
      expect(late[0]!.message).toMatch(/24 hours/);
    } else {
      expect(late).toEqual([]);
    }
  });
});

describe('R3.2.7 SDK samples under the R3.4.6 rules', () => {
  it('Simplified_Invoice.xml raises BR-KSA-EN16931-06 (a charge at price level) on both lines and no other error', () => {
    const xml = readText(R327('Simplified/Invoice/Simplified_Invoice.xml'));
    const findings = check(xml, minutesAfter(issueInstant(xml), 1));
    const errors = findings.filter((f) => f.severity === 'error');
    expect(summary(errors)).toEqual(['error BR-KSA-EN16931-06', 'error BR-KSA-EN16931-06']);
    expect(errors.map((e) => e.location)).toEqual([1, 2].map((i) => `/Invoice/cac:InvoiceLine[${i}]/cac:Price/cac:AllowanceCharge/cbc:ChargeIndicator`));
    expect(errors[0]!.message).toContain('"true"');
  });

  it('Out_Of_Scope_Simplified_Invoice.xml: an O breakdown without cbc:Percent trips BR-CO-17 (the validator computes NaN)', () => {
    const xml = readText(R327('Simplified/Invoice/Additional_Simplified_Invoices/Out_Of_Scope_Simplified_Invoice.xml'));
    const findings = check(xml, minutesAfter(issueInstant(xml), 1));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(summary(findings)).toContain('warning BR-CO-17');
  });
});
