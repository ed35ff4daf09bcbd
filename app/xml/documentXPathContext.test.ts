// SPDX-License-Identifier: UNLICENSED
// The kept XPath contexts answer exactly as libxml2-wasm's own find does, per document, and are freed with their scope.
import type { XmlElement } from 'libxml2-wasm';
import { XmlXPath } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import { DocumentXPathContexts } from './documentXPathContext';
import { NS } from './namespaces';
import { parseXml } from './parseXml';

const invoice = (id: string, lines: number) =>
  `<Invoice xmlns="${NS.inv}" xmlns:cbc="${NS.cbc}" xmlns:cac="${NS.cac}"><cbc:ID>${id}</cbc:ID>` +
  Array.from({ length: lines }, (_, i) => `<cac:InvoiceLine><cbc:ID>${i + 1}</cbc:ID><cbc:Note>n${i}</cbc:Note></cac:InvoiceLine>`).join('') +
  `</Invoice>`;

const texts = (nodes: readonly unknown[] | undefined) => nodes?.map((n) => (n as XmlElement).content);

describe('DocumentXPathContexts', () => {
  it('selects the same nodes as find, from the root and from inner nodes, in two documents of one scope', () => {
    const a = parseXml(invoice('A-1', 3));
    const b = parseXml(invoice('B-1', 2));
    const contexts = new DocumentXPathContexts({ cbc: NS.cbc, cac: NS.cac });
    const lineIds = XmlXPath.compile('cac:InvoiceLine/cbc:ID', { cbc: NS.cbc, cac: NS.cac });
    const ownId = XmlXPath.compile('cbc:ID', { cbc: NS.cbc });
    const anywhere = XmlXPath.compile('//cbc:Note', { cbc: NS.cbc });
    const second = XmlXPath.compile('cac:InvoiceLine[2]', { cac: NS.cac });
    try {
      for (const doc of [a, b, a]) {
        for (const expression of [lineIds, ownId, anywhere]) {
          expect(texts(contexts.find(doc.root, expression))).toEqual(texts(doc.root.find(expression)));
        }
        const secondLine = doc.root.find(second)[0]!;
        expect(texts(contexts.find(secondLine, ownId))).toEqual(['2']);
        expect(texts(contexts.find(secondLine, anywhere))).toHaveLength(doc === a ? 3 : 2);
      }
      expect(texts(contexts.find(a.root, lineIds))).toEqual(['1', '2', '3']);
      expect(texts(contexts.find(b.root, ownId))).toEqual(['B-1']);
      // the returned nodes are the documents' own: navigating from them works as from find's
      expect((contexts.find(b.root, lineIds)![1] as XmlElement).parent?.name).toBe('InvoiceLine');
    } finally {
      contexts.free();
      for (const x of [lineIds, ownId, anywhere, second]) x.dispose();
      a.dispose();
      b.dispose();
    }
  });

  it('answers an empty node set with [], and leaves a result that is not a node set to find', () => {
    const doc = parseXml(invoice('A-1', 1));
    const contexts = new DocumentXPathContexts({ cbc: NS.cbc, cac: NS.cac });
    const missing = XmlXPath.compile('cbc:Missing', { cbc: NS.cbc });
    const counted = XmlXPath.compile('count(cac:InvoiceLine)', { cac: NS.cac });
    try {
      expect(contexts.find(doc.root, missing)).toEqual([]);
      expect(contexts.find(doc.root, counted)).toBeUndefined();
      expect(doc.root.eval(counted)).toBe(1);
    } finally {
      contexts.free();
      missing.dispose();
      counted.dispose();
      doc.dispose();
    }
  });

  it('still answers after free, with a new context', () => {
    const doc = parseXml(invoice('A-1', 2));
    const contexts = new DocumentXPathContexts({ cbc: NS.cbc, cac: NS.cac });
    const lineIds = XmlXPath.compile('cac:InvoiceLine/cbc:ID', { cbc: NS.cbc, cac: NS.cac });
    try {
      expect(texts(contexts.find(doc.root, lineIds))).toEqual(['1', '2']);
      contexts.free();
      expect(texts(contexts.find(doc.root, lineIds))).toEqual(['1', '2']);
    } finally {
      contexts.free();
      lineIds.dispose();
      doc.dispose();
    }
  });

  it('refuses a node that is not libxml2-wasm’s instead of reading stray memory', () => {
    const contexts = new DocumentXPathContexts({});
    const expression = XmlXPath.compile('*');
    try {
      expect(() => contexts.find({} as never, expression)).toThrow(/internals changed/);
    } finally {
      expression.dispose();
    }
  });
});
