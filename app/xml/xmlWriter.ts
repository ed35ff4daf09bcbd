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
//
// The writer also gives the document's C14N 1.1 form directly (canonical()), without parsing: the invoice hash is
// SHA-256 over exactly that (reference §1), and producing it from the writer's own tree costs a tenth of parsing
// and canonicalising with libxml2. libxml2 stays the authority: every stamp is re-hashed through it before a
// document is stored or returned (app/stamp/stampInvoice.ts), and the tests require byte equality on every fixture
// and on random carts (app/xml/canonicalWriter.test.ts).
import { escapeC14nAttribute, escapeXmlAttribute, escapeXmlText } from './escapeXml';
import { DukkanError } from '../errors';

/** The builder surface the UBL code uses; xmlbuilder2's XMLBuilder has the same shape (the test oracle uses it). */
export interface XmlElementSink {
  /** Appends a child element and returns it. */
  ele(qualifiedName: string, attributes?: Readonly<Record<string, string>>): XmlElementSink;
  /** Sets the element's text (an empty string leaves the element empty, `<a/>`). Returns the same element. */
  txt(content: string): XmlElementSink;
}

/**
 * Which children of the root the canonical form leaves out (with their markup, keeping the whitespace around them).
 * Gets the child's qualified name and a lookup of the text of its own child elements by qualified name.
 */
export type RootChildExclusion = (name: string, childText: (name: string) => string | undefined) => boolean;

/** A document under construction: fill `root`, then `end()` returns the serialised text. */
export interface XmlDocumentSink {
  readonly root: XmlElementSink;
  end(): string;
  /**
   * The C14N 1.1 form (inclusive, no comments) of what `end()` returns, with the excluded root children removed;
   * undefined where this writer cannot produce it directly (a namespace declaration below the root, or a prefixed
   * attribute). Writers without it (the tests' xmlbuilder2 oracle) leave it out.
   */
  canonical?(exclude: RootChildExclusion): string | undefined;
}

/** Creates a document whose root element is in `namespace` (written as the default xmlns, first). */
export type XmlDocumentFactory = (namespace: string, rootName: string, attributes: Readonly<Record<string, string>>) => XmlDocumentSink;

/**
 * Text XML cannot carry at all, naming where it was to go. A bad element or attribute name, or text and children
 * in one element, is the builder's own mistake and stays a plain Error (a bug, not a refusal).
 */
export class XmlWriteError extends DukkanError {
  override readonly name = 'XmlWriteError';
  constructor(where: string, codePoint: string) {
    super('xml.illegal-character', { where, codePoint });
  }
}

// XML 1.0 §2.2 Char: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and paired surrogates. Anything else cannot be
// written at all (not even as a character reference), so it is refused rather than silently replaced.
const ILLEGAL_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\uD800-\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NAME = /^[A-Za-z_][A-Za-z0-9._-]*(?::[A-Za-z_][A-Za-z0-9._-]*)?$/;

function checkChars(value: string, where: string): void {
  if (ILLEGAL_CHAR.test(value)) {
    const bad = ILLEGAL_CHAR.exec(value)![0];
    const code = bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw new XmlWriteError(where, code);
  }
}

function startTag(name: string, attributes: Readonly<Record<string, string>> | undefined): string {
  if (!NAME.test(name)) throw new Error(`"${name}" is not an XML element name`);
  let tag = '<' + name;
  if (attributes) {
    for (const key in attributes) {
      if (!NAME.test(key)) throw new Error(`${name}: "${key}" is not an XML attribute name`);
      const value = attributes[key]!;
      checkChars(value, `${name}/@${key}`);
      tag += ' ' + key + '="' + escapeXmlAttribute(value) + '"';
    }
  }
  return tag;
}

/**
 * C14N 1.1 start tag (without the closing `>`): namespace declarations first, the default one before the prefixed
 * ones in prefix order, then the attributes by name — for unprefixed attributes C14N's order (namespace URI, local
 * name) is the name alone. Undefined for what this writer does not canonicalise itself.
 */
function canonicalStartTag(name: string, attributes: Readonly<Record<string, string>> | undefined, isRoot: boolean): string | undefined {
  if (!attributes) return '<' + name;
  const declarations: string[] = [];
  const plain: string[] = [];
  for (const key in attributes) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) declarations.push(key);
    else if (key.includes(':')) return undefined;
    else plain.push(key);
  }
  // below the root a declaration is rendered only where it differs from the parent's: not handled here
  if (declarations.length > 0 && !isRoot) return undefined;
  declarations.sort((a, b) => (a === 'xmlns' ? -1 : b === 'xmlns' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  plain.sort();
  let tag = '<' + name;
  for (const key of declarations) tag += ' ' + key + '="' + escapeC14nAttribute(attributes[key]!) + '"';
  for (const key of plain) tag += ' ' + key + '="' + escapeC14nAttribute(attributes[key]!) + '"';
  return tag;
}

class WriterElement implements XmlElementSink {
  private children: WriterElement[] | undefined;
  private text = '';

  constructor(
    readonly name: string,
    private readonly tag: string,
    private readonly attributes: Readonly<Record<string, string>> | undefined,
  ) {}

  ele(qualifiedName: string, attributes?: Readonly<Record<string, string>>): XmlElementSink {
    if (this.text) throw new Error(`${this.name}: an element has either text or child elements, not both`);
    const child = new WriterElement(qualifiedName, startTag(qualifiedName, attributes), attributes && { ...attributes });
    (this.children ??= []).push(child);
    return child;
  }

  txt(content: string): XmlElementSink {
    if (this.children) throw new Error(`${this.name}: an element has either text or child elements, not both`);
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

  /** The text of the first child element named `name`. */
  childText(name: string): string | undefined {
    return this.children?.find((c) => c.name === name)?.text;
  }

  /**
   * The same lines as write(), canonicalised: empty elements as start-end pairs, C14N attribute order and escaping.
   * Text needs nothing: escapeXmlText escapes exactly what C14N escapes in text (&, <, >, CR). An excluded root
   * child leaves its indentation and the line break after it, the whitespace text nodes C14N keeps (reference §1).
   */
  writeCanonical(depth: number, indents: string[], exclude: RootChildExclusion | undefined): string | undefined {
    const indent = (indents[depth] ??= '    '.repeat(depth));
    const tag = canonicalStartTag(this.name, this.attributes, depth === 0);
    if (tag === undefined) return undefined;
    if (this.children) {
      let out = indent + tag + '>\n';
      for (const child of this.children) {
        if (exclude?.(child.name, (name) => child.childText(name))) {
          out += (indents[depth + 1] ??= '    '.repeat(depth + 1)) + '\n';
          continue;
        }
        const text = child.writeCanonical(depth + 1, indents, undefined);
        if (text === undefined) return undefined;
        out += text;
      }
      return out + indent + '</' + this.name + '>\n';
    }
    return indent + tag + '>' + this.text + '</' + this.name + '>\n';
  }
}

/** The production writer: `<?xml version="1.0" encoding="UTF-8"?>`, then the root, LF only, no trailing newline. */
export const createXmlDocument: XmlDocumentFactory = (namespace, rootName, attributes) => {
  const rootAttributes = { xmlns: namespace, ...attributes };
  const root = new WriterElement(rootName, startTag(rootName, rootAttributes), rootAttributes);
  return {
    root,
    end: () => '<?xml version="1.0" encoding="UTF-8"?>\n' + root.write(0, []).slice(0, -1),
    // C14N drops the XML declaration and everything outside the root element
    canonical: (exclude) => root.writeCanonical(0, [], exclude)?.slice(0, -1),
  };
};
