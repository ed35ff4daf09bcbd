// SPDX-License-Identifier: UNLICENSED
// Bytes that are not XML are refused with a catalog code; libxml2's own description is a parameter, not the text.
import { describe, expect, it } from 'vitest';
import { parseXml, withXml, XmlSyntaxError } from './parseXml';
import { DukkanError, errorText } from '../errors';
import { thrownBy } from '../../test/support/thrownBy';

describe('parseXml', () => {
  it('refuses XML that is not well-formed as xml.not-well-formed, with libxml2 detail as a parameter', () => {
    const e = thrownBy(XmlSyntaxError, () => parseXml('<Invoice><cbc:ID>1</Invoice>'));
    expect(e).toBeInstanceOf(DukkanError);
    expect(e.code).toBe('xml.not-well-formed');
    expect(String(e.params.detail).length).toBeGreaterThan(0);
    expect(e.message).toBe(`not well-formed XML: ${e.params.detail}`);
    expect(e.text('ar')).toBe(errorText('xml.not-well-formed', e.params, 'ar'));
    expect(e.text('ar')).toContain(String(e.params.detail));
  });

  it('parses well-formed XML', () => {
    expect(withXml('<a><b>1</b></a>', (doc) => doc.root.name)).toBe('a');
  });
});
