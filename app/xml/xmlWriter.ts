// SPDX-License-Identifier: UNLICENSED
// A small pretty-printing XML writer for the documents we build ourselves (UBL invoices). It does exactly what the
// UBL builder needs and nothing else: elements with attributes, either element children or one text value, the
// XML declaration, 4-space indentation and LF line endings. It writes the same bytes xmlbuilder2 writes for the
// same calls (`prettyPrint`, `indent: '    '`, `newline: '\n'`) — app/ubl/buildInvoiceXml.test.ts checks every
// fixture and random carts — at a twelfth of the cost: xmlbuilder2 builds a full WHATWG DOM and runs the namespace
// serialisation algorithm for every element, 0.8–0.9 ms of a 5-line invoice's 2 ms budget (BENCHMARKS.md). Where
// the two differ, xmlbuilder2 loses data: it leaves `&name;` and `&#n;` unescaped, and writes CR (and, in
// attributes, tab and LF) raw, which a parser turns into other characters.
//
// Why the escaping matters for the hash: the invoice hash is over the C14N form of exactly these bytes
// (reference §1), so the writer must produce well-formed XML for any text a shop types — `&`, `<`, `]]>`, quotes.
import { escapeXmlAttribute, escapeXmlText } from './escapeXml';

/** The builder surface the UBL code uses; xmlbuilder2's XMLBuilder has the same shape (the test oracle uses it). */
export interface XmlElementSink {
  /** Appends a child element and returns it. */
  ele(qualifiedName: string, attributes?: Readonly<Record<string, string>>): XmlElementSink;
  /** Sets the element's text (an empty string leaves the element empty, `<a/>`). Returns the same element. */
  txt(content: string): XmlElementSink;
}

/** A document under construction: fill `root`, then `end()` returns the serialised text. */
export interface XmlDocumentSink {
  readonly root: XmlElementSink;
  end(): string;
}

/** Creates a document whose root element is in `namespace` (written as the default xmlns, first). */
export type XmlDocumentFactory = (namespace: string, rootName: string, attributes: Readonly<Record<string, string>>) => XmlDocumentSink;

export class XmlWriteError extends Error {
  override readonly name = 'XmlWriteError';
}

// XML 1.0 §2.2 Char: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and paired surrogates. Anything else cannot be
// written at all (not even as a character reference), so it is refused rather than silently replaced.
const ILLEGAL_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\uD800-\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NAME = /^[A-Za-z_][A-Za-z0-9._-]*(?::[A-Za-z_][A-Za-z0-9._-]*)?$/;

function checkChars(value: string, where: string): void {
  if (ILLEGAL_CHAR.test(value)) {
    const bad = ILLEGAL_CHAR.exec(value)![0];
    const code = bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw new XmlWriteError(`${where}: U+${code} is not a character XML allows (XML 1.0 §2.2)`);
  }
}

function startTag(name: string, attributes: Readonly<Record<string, string>> | undefined): string {
  if (!NAME.test(name)) throw new XmlWriteError(`"${name}" is not an XML element name`);
  let tag = '<' + name;
  if (attributes) {
    for (const key in attributes) {
      if (!NAME.test(key)) throw new XmlWriteError(`${name}: "${key}" is not an XML attribute name`);
      const value = attributes[key]!;
      checkChars(value, `${name}/@${key}`);
      tag += ' ' + key + '="' + escapeXmlAttribute(value) + '"';
    }
  }
  return tag;
}

class WriterElement implements XmlElementSink {
  private children: WriterElement[] | undefined;
  private text = '';

  constructor(
    private readonly name: string,
    private readonly tag: string,
  ) {}

  ele(qualifiedName: string, attributes?: Readonly<Record<string, string>>): XmlElementSink {
    if (this.text) throw new XmlWriteError(`${this.name}: an element has either text or child elements, not both`);
    const child = new WriterElement(qualifiedName, startTag(qualifiedName, attributes));
    (this.children ??= []).push(child);
    return child;
  }

  txt(content: string): XmlElementSink {
    if (this.children) throw new XmlWriteError(`${this.name}: an element has either text or child elements, not both`);
    checkChars(content, this.name);
    this.text += escapeXmlText(content);
    return this;
  }

  write(depth: number, indents: string[]): string {
    const indent = (indents[depth] ??= '    '.repeat(depth));
    if (this.children) {
      let out = indent + this.tag + '>\n';
      for (const child of this.children) out += child.write(depth + 1, indents);
      return out + indent + '</' + this.name + '>\n';
    }
    if (this.text) return indent + this.tag + '>' + this.text + '</' + this.name + '>\n';
    return indent + this.tag + '/>\n';
  }
}

/** The production writer: `<?xml version="1.0" encoding="UTF-8"?>`, then the root, LF only, no trailing newline. */
export const createXmlDocument: XmlDocumentFactory = (namespace, rootName, attributes) => {
  const root = new WriterElement(rootName, startTag(rootName, { xmlns: namespace, ...attributes }));
  return {
    root,
    end: () => '<?xml version="1.0" encoding="UTF-8"?>\n' + root.write(0, []).slice(0, -1),
  };
};
