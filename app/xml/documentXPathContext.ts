// SPDX-License-Identifier: UNLICENSED
// Evaluates compiled XPath with one libxml2 XPath context per document, kept while a scope runs. libxml2-wasm's
// own `find` makes a new context for every evaluation and registers each namespace in it (two strings copied into
// WebAssembly memory per prefix); the business-rule check makes ~260 evaluations per document, and that setup was
// about a quarter of its time (BENCHMARKS.md, "Ledger: durable issuance"). libxml2 allows a context to be reused: only its
// context node changes between evaluations.
//
// It reaches into libxml2-wasm below its public API (the node and expression pointers and its node factory), so
// the package is pinned to one version in package.json and this module checks that those internals are there on
// first use: a change fails every rule check loudly rather than reading the wrong memory.
import type { XmlNode, XmlXPath } from 'libxml2-wasm';
import {
  XmlNodeSetStruct,
  XmlNodeStruct,
  XmlXPathObjectStruct,
  xmlXPathCompiledEval,
  xmlXPathFreeContext,
  xmlXPathFreeObject,
  xmlXPathNewContext,
  xmlXPathRegisterNs,
  xmlXPathSetContextNode,
} from 'libxml2-wasm/lib/libxml2.mjs';
import * as libxml2Nodes from 'libxml2-wasm/lib/nodes.mjs';

const createNode = (libxml2Nodes as unknown as { createNode?: (pointer: number) => XmlNode }).createNode;

function pointerOf(value: object, field: '_nodePtr' | '_ptr'): number {
  const pointer = (value as Record<string, unknown>)[field];
  if (typeof pointer !== 'number' || pointer === 0 || typeof createNode !== 'function') {
    throw new Error(`libxml2-wasm's internals changed (${field}, createNode): app/xml/documentXPathContext.ts needs updating`);
  }
  return pointer;
}

/** The contexts of one scope, by document pointer; each is freed when the scope ends. */
export class DocumentXPathContexts {
  private readonly byDocument = new Map<number, number>();

  constructor(private readonly namespaces: Readonly<Record<string, string>>) {}

  /** The nodes `expression` selects from `context`, in document order; undefined when it is not a node set. */
  find(context: XmlNode, expression: XmlXPath): XmlNode[] | undefined {
    const nodePointer = pointerOf(context, '_nodePtr');
    const compiled = pointerOf(expression, '_ptr');
    const xpathContext = this.contextFor(XmlNodeStruct.doc(nodePointer));
    xmlXPathSetContextNode(nodePointer, xpathContext);
    const result = xmlXPathCompiledEval(compiled, xpathContext);
    // a failed evaluation returns no object; the caller's own `find` then reports libxml2's diagnostic
    if (result === 0) return undefined;
    try {
      if (XmlXPathObjectStruct.type(result) !== XmlXPathObjectStruct.Type.XPATH_NODESET) return undefined;
      const set = XmlXPathObjectStruct.nodesetval(result);
      const count = set === 0 ? 0 : XmlNodeSetStruct.nodeCount(set);
      if (count === 0) return [];
      const table = XmlNodeSetStruct.nodeTable(set, count);
      const found: XmlNode[] = [];
      for (let i = 0; i < count; i++) found.push(createNode!(table[i]!));
      return found;
    } finally {
      xmlXPathFreeObject(result);
    }
  }

  /** Frees every context; the scope's documents must still be open. */
  free(): void {
    for (const xpathContext of this.byDocument.values()) xmlXPathFreeContext(xpathContext);
    this.byDocument.clear();
  }

  private contextFor(documentPointer: number): number {
    const known = this.byDocument.get(documentPointer);
    if (known !== undefined) return known;
    const xpathContext = xmlXPathNewContext(documentPointer);
    for (const [prefix, uri] of Object.entries(this.namespaces)) xmlXPathRegisterNs(xpathContext, prefix, uri);
    this.byDocument.set(documentPointer, xpathContext);
    return xpathContext;
  }
}
