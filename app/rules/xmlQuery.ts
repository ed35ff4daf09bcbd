// SPDX-License-Identifier: UNLICENSED
// Small XPath helpers over a parsed UBL document (libxml2-wasm), shared by the business-rule checks. The ZATCA
// schematron (SCH-3.4.6) works on string values, so these return raw text and leave interpretation to the rules.
import { XmlElement, XmlXPath, type XmlNode } from 'libxml2-wasm';
import { DocumentXPathContexts } from '../xml/documentXPathContext';
import { NS } from '../xml/namespaces';

const NS_MAP: Record<string, string> = { ...NS };
const PREFIX_BY_URI = new Map<string, string>(Object.entries(NS).map(([prefix, uri]) => [uri, prefix]));

// Compiled once and kept: compiling an expression and registering every namespace on each evaluation cost most of
// the rule checks' time. A compiled XPath serves any document; it binds only the prefixes its text uses. The rule
// files' expressions are a fixed set, far below the bound.
const COMPILED = new Map<string, XmlXPath>();
const MAX_COMPILED = 1000;

function compiled(xpath: string): XmlXPath | undefined {
  const known = COMPILED.get(xpath);
  if (known || COMPILED.size >= MAX_COMPILED) return known;
  const used = Object.fromEntries([...xpath.matchAll(/([A-Za-z][\w.-]*):(?=[A-Za-z*])/g)].flatMap(([, p]) => (p! in NS_MAP ? [[p!, NS_MAP[p!]!]] : [])));
  const expression = XmlXPath.compile(xpath, used);
  COMPILED.set(xpath, expression);
  return expression;
}

// While the checks of one document run, the answers are kept per context node: the rules ask the same node the
// same question many times (a line's cbc:ID for every message about it), and the document does not change meanwhile.
// The same scope keeps one XPath context per document instead of libxml2-wasm's new one per evaluation.
let answers: WeakMap<XmlNode, Map<string, XmlNode[]>> | undefined;
let contexts: DocumentXPathContexts | undefined;

/** Runs `fn` with every query's answer kept until it returns; only for work that does not change the document. */
export function withQueryMemo<T>(fn: () => T): T {
  const outer = { answers, contexts };
  answers = new WeakMap();
  contexts = new DocumentXPathContexts(NS_MAP);
  try {
    return fn();
  } finally {
    contexts.free();
    ({ answers, contexts } = outer);
  }
}

export function nodes(context: XmlNode, xpath: string): XmlNode[] {
  const memo = answers && (answers.get(context) ?? answers.set(context, new Map()).get(context)!);
  const known = memo?.get(xpath);
  if (known) return known;
  const expression = compiled(xpath);
  const found = expression ? (contexts?.find(context, expression) ?? context.find(expression)) : context.find(xpath, NS_MAP);
  memo?.set(xpath, found);
  return found;
}

export function elements(context: XmlNode, xpath: string): XmlElement[] {
  return nodes(context, xpath).filter((n): n is XmlElement => n instanceof XmlElement);
}

export function first(context: XmlNode, xpath: string): XmlElement | undefined {
  return elements(context, xpath)[0];
}

/** Raw string value of the first match (XPath string() semantics), undefined when there is no match. */
export function text(context: XmlNode, xpath: string): string | undefined {
  return first(context, xpath)?.content;
}

export function exists(context: XmlNode, xpath: string): boolean {
  return nodes(context, xpath).length > 0;
}

export function attr(element: XmlElement | undefined, name: string): string | undefined {
  return element?.attr(name)?.value;
}

/** XPath normalize-space(): trim and collapse runs of XML whitespace. */
export function norm(value: string | undefined): string {
  return (value ?? '').replace(/[ \t\r\n]+/g, ' ').trim();
}

/** True when the element exists and its normalized value is non-empty (the schematron's `x != ''` idiom, trimmed). */
export function hasText(context: XmlNode, xpath: string): boolean {
  return norm(text(context, xpath)) !== '';
}

/** XPath string-length(): counts code points, not UTF-16 units (Arabic names are counted like the validator). */
export function charLength(value: string): number {
  return [...value].length;
}

/** XML Schema boolean lexical space: true/1 and false/0 (surrounding whitespace collapsed). */
export function parseXsdBoolean(value: string | undefined): boolean | undefined {
  const v = norm(value);
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return undefined;
}

/** A short XPath-like location such as `/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount`. */
export function locate(node: XmlNode | undefined): string | undefined {
  if (!node) return undefined;
  const steps: string[] = [];
  let current: XmlNode | null = node;
  while (current instanceof XmlElement) {
    const el: XmlElement = current;
    const parent: XmlElement | null = el.parent;
    const prefix = PREFIX_BY_URI.get(el.namespaceUri);
    const name = prefix && prefix !== 'inv' ? `${prefix}:${el.name}` : el.name;
    let index = 0;
    let count = 0;
    for (let sib = parent?.firstChild ?? null; sib; sib = sib.next) {
      if (sib instanceof XmlElement && sib.name === el.name && sib.namespaceUri === el.namespaceUri) {
        count++;
        if (sib.isSameNode(el)) index = count;
      }
    }
    steps.unshift(count > 1 ? `${name}[${index}]` : name);
    current = parent;
  }
  return `/${steps.join('/')}`;
}
