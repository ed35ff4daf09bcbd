// SPDX-License-Identifier: UNLICENSED
import { describe, expect, it } from 'vitest';
import { XmlDocument } from 'libxml2-wasm';
import { checkBusinessRules } from '../../app/rules/checkBusinessRules';
import { readText, SIMPLIFIED_INVOICE, withDoc } from './support';

describe('checkBusinessRules input checks', () => {
  it('refuses a document that is not a UBL Invoice', () => {
    const doc = XmlDocument.fromString('<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"/>');
    try {
      expect(() => checkBusinessRules(doc, { now: new Date() })).toThrow(
        /root element is \{urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\}CreditNote/,
      );
    } finally {
      doc.dispose();
    }
  });
  it('refuses an invalid clock', () => {
    withDoc(readText(SIMPLIFIED_INVOICE), (doc) => {
      expect(() => checkBusinessRules(doc, { now: new Date('not a date') })).toThrow(/options\.now must be a valid Date/);
    });
  });
  it('leaves the document untouched', () => {
    const xml = readText(SIMPLIFIED_INVOICE);
    withDoc(xml, (doc) => {
      const before = doc.toString({ format: false });
      checkBusinessRules(doc, { now: new Date('2022-08-17T15:00:00Z') });
      expect(doc.toString({ format: false })).toBe(before);
    });
  });
});
