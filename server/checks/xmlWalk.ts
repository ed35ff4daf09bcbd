// SPDX-License-Identifier: UNLICENSED
// Reading a few known elements of a parsed UBL document by walking its children: for the store server's check of
// every pushed document an XPath evaluation cost as much as the parse (BENCHMARKS.md, store server).
import { XmlElement } from 'libxml2-wasm';

export function childElements(node: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  for (let c = node.firstChild; c; c = c.next) if (c instanceof XmlElement) found.push(c);
  return found;
}

export const named = (e: XmlElement, ns: string, name: string) => e.namespaceUri === ns && e.name === name;

/** The first element reached from `from` by the (namespace, name) steps, trying every match of each step in order. */
export function firstAlong(from: XmlElement, steps: readonly (readonly [string, string])[]): XmlElement | undefined {
  if (steps.length === 0) return from;
  const [[ns, name], ...rest] = steps as [readonly [string, string], ...(readonly [string, string])[]];
  for (const c of childElements(from)) {
    if (!named(c, ns, name)) continue;
    const found = firstAlong(c, rest);
    if (found) return found;
  }
  return undefined;
}
