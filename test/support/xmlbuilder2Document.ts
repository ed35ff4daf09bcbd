// SPDX-License-Identifier: UNLICENSED
// xmlbuilder2 as an independent XML writer for the UBL builder: the tests render every document through it and
// through app/xml/xmlWriter and require identical bytes (same escaping, same layout, so the same invoice hash).
import { create } from 'xmlbuilder2';
import type { XmlDocumentFactory } from '../../app/xml/xmlWriter';

export const xmlbuilder2Document: XmlDocumentFactory = (namespace, rootName, attributes) => {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(namespace, rootName, { ...attributes });
  return { root, end: () => root.end({ prettyPrint: true, indent: '    ', newline: '\n' }) };
};
