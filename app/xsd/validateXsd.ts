// SPDX-License-Identifier: UNLICENSED
// UBL 2.1 XSD validation (reference §7.1: element order is enforced by the schema) with libxml2-wasm. The pure
// core never reads files: the caller passes the schema set as bytes keyed by path relative to the XSD root
// ("maindoc/UBL-Invoice-2.1.xsd", "common/UBL-CommonAggregateComponents-2.1.xsd", …), and libxml2 resolves
// xsd:include/xsd:import through an input provider that serves those bytes.
import { XmlDocument, XmlValidateError, XsdValidator as LibXsdValidator, xmlRegisterInputProvider } from 'libxml2-wasm';
import type { ErrorDetail } from 'libxml2-wasm';
import { NS } from '../xml/namespaces';
import type { Finding } from '../findings/finding';

export interface XsdValidator {
  /** XSD errors of `doc` as findings (rule "XSD"); empty when the document is schema-valid. */
  validate(doc: XmlDocument): Finding[];
  /** Frees the compiled schema. Further validate() calls throw. Idempotent. */
  dispose(): void;
}

// libxml2 input providers are process-global and cannot be unregistered one by one (xmlCleanupInputProvider drops
// everyone's), so one provider serves every schema set under its own URL prefix.
const SCHEME = 'dukkan-xsd://';
const schemaSets = new Map<string, { files: ReadonlyMap<string, Uint8Array>; missing: Set<string> }>();
const openFiles = new Map<number, { bytes: Uint8Array; offset: number }>();
let nextSetId = 1;
let nextFd = 1;
let providerRegistered = false;

function splitUrl(url: string): { setId: string; path: string } | undefined {
  if (!url.startsWith(SCHEME)) return undefined;
  const rest = url.slice(SCHEME.length);
  const slash = rest.indexOf('/');
  if (slash < 0) return undefined;
  return { setId: rest.slice(0, slash), path: normalizePath(rest.slice(slash + 1)) };
}

/** Resolves "." and ".." segments, in case libxml2 hands over an unnormalized URI. */
function normalizePath(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return out.join('/');
}

function ensureProvider(): void {
  if (providerRegistered) return;
  const ok = xmlRegisterInputProvider({
    match: (url) => {
      const parts = splitUrl(url);
      return parts !== undefined && schemaSets.has(parts.setId);
    },
    open: (url) => {
      const parts = splitUrl(url);
      const set = parts && schemaSets.get(parts.setId);
      if (!parts || !set) return undefined;
      const bytes = set.files.get(parts.path);
      if (!bytes) {
        set.missing.add(parts.path);
        return undefined;
      }
      const fd = nextFd++;
      openFiles.set(fd, { bytes, offset: 0 });
      return fd;
    },
    read: (fd, buf) => {
      const file = openFiles.get(fd);
      if (!file) return -1;
      const n = Math.min(buf.byteLength, file.bytes.byteLength - file.offset);
      buf.set(file.bytes.subarray(file.offset, file.offset + n));
      file.offset += n;
      return n;
    },
    close: (fd) => openFiles.delete(fd),
  });
  if (!ok) throw new Error('createXsdValidator: libxml2 refused to register the in-memory schema input provider');
  providerRegistered = true;
}

/**
 * Compiles the schema `entry` (a key of `files`) once; reuse the validator, building it takes ~0.2 s for UBL.
 * Throws an Error naming the entry and any schema file the includes/imports asked for but `files` lacks.
 */
export function createXsdValidator(files: ReadonlyMap<string, Uint8Array>, entry: string): XsdValidator {
  const entryPath = normalizePath(entry);
  const entryBytes = files.get(entryPath);
  if (!entryBytes) throw new Error(`createXsdValidator: the entry schema ${JSON.stringify(entry)} is not among the ${files.size} schema files given`);
  ensureProvider();
  const setId = `set-${nextSetId++}`;
  const missing = new Set<string>();
  schemaSets.set(setId, { files, missing });
  let schemaDoc: XmlDocument | undefined;
  let schema: LibXsdValidator;
  try {
    schemaDoc = XmlDocument.fromBuffer(entryBytes, { url: `${SCHEME}${setId}/${entryPath}` });
    schema = LibXsdValidator.fromDoc(schemaDoc);
  } catch (e) {
    schemaDoc?.dispose();
    const why = missing.size > 0 ? `missing schema file(s) ${[...missing].map((m) => JSON.stringify(m)).join(', ')}` : describe(e);
    throw new Error(`createXsdValidator: cannot compile ${JSON.stringify(entry)}: ${why}`);
  } finally {
    // Includes and imports are read while compiling only; the compiled schema no longer needs the bytes.
    schemaSets.delete(setId);
  }
  // The compiled schema may still point into its source document (annotations), so both live and die together.
  const sourceDoc = schemaDoc;
  let disposed = false;
  return {
    validate(doc: XmlDocument): Finding[] {
      if (disposed) throw new Error('XsdValidator.validate: the validator has been disposed');
      try {
        schema.validate(doc);
        return [];
      } catch (e) {
        if (e instanceof XmlValidateError) return e.details.map(toFinding);
        throw new Error(`XsdValidator.validate: libxml2 could not validate the document: ${describe(e)}`);
      }
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      schema.dispose();
      sourceDoc.dispose();
    },
  };
}

const PREFIX_BY_URI = new Map<string, string>(Object.entries(NS).map(([prefix, uri]) => [uri, prefix]));

/** libxml2 names elements as {namespace}Local; we print the usual UBL prefixes instead (cbc:ProfileID). */
function plainNames(message: string): string {
  return message.replace(/\{([^}]*)\}([\w.-]+)/g, (whole, uri: string, local: string) => {
    const prefix = PREFIX_BY_URI.get(uri);
    if (prefix === undefined) return whole;
    return prefix === 'inv' ? local : `${prefix}:${local}`;
  });
}

function toFinding(detail: ErrorDetail): Finding {
  const text = plainNames(detail.message.trim());
  const where = detail.xpath;
  return {
    rule: 'XSD',
    // libxml2 level 1 is a warning; schema validity problems are reported at level 2 (error).
    severity: detail.level === 1 ? 'warning' : 'error',
    message: detail.line > 0 ? `Line ${detail.line}: ${text}` : text,
    ...(where ? { location: where } : {}),
    hint: 'Fatoora rejects documents that do not follow the UBL 2.1 schema (element order, names, data types).',
  };
}

function describe(e: unknown): string {
  if (e instanceof XmlValidateError && e.details.length > 0) return e.details.map((d) => d.message.trim()).join('; ');
  return e instanceof Error ? e.message : String(e);
}
