// SPDX-License-Identifier: UNLICENSED
// Strict DER reader (X.690 §8 and §10). Certificates, CSRs and keys reach us from the network, the keychain and
// files pasted by users, so anything that is not canonical DER is refused rather than guessed at: indefinite
// lengths, non-minimal lengths, constructed strings, non-minimal INTEGERs, bad BOOLEAN/NULL/BIT STRING contents,
// trailing bytes. Error messages carry offsets only, never content bytes (the input may be a private key).

import { DukkanError, type ErrorCode, type ErrorParams } from '../errors';

/** X.690 tag classes (the two high bits of the identifier octet). */
export const DerClass = { UNIVERSAL: 0, APPLICATION: 1, CONTEXT: 2, PRIVATE: 3 } as const;

/** Universal tag numbers used in X.509 / PKCS#10 / SEC1 / PKCS#8. */
export const DerTag = {
  BOOLEAN: 1,
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  NULL: 5,
  OID: 6,
  UTF8_STRING: 12,
  SEQUENCE: 16,
  SET: 17,
  NUMERIC_STRING: 18,
  PRINTABLE_STRING: 19,
  T61_STRING: 20,
  IA5_STRING: 22,
  UTC_TIME: 23,
  GENERALIZED_TIME: 24,
  VISIBLE_STRING: 26,
  UNIVERSAL_STRING: 28,
  BMP_STRING: 30,
} as const;

/**
 * One DER element. `tag` is the tag *number* (16 for SEQUENCE, 0 for `[0]`), `cls` the class (0 universal,
 * 2 context-specific, see DerClass). `start`/`end` are offsets into the buffer given to parseDer; `header` is the
 * identifier+length byte count, so the content starts at `start + header`. `content` and `raw` are views into that
 * buffer (not copies). `children` is present exactly when the element is constructed.
 */
export interface DerNode {
  tag: number;
  constructed: boolean;
  cls: number;
  header: number;
  start: number;
  end: number;
  content: Uint8Array;
  children?: DerNode[];
  raw: Uint8Array;
}

/** Bytes that are not canonical DER, with the offset where they stop being it (never the bytes themselves). */
export class DerError extends DukkanError {
  override readonly name = 'DerError';
  constructor(
    code: Extract<ErrorCode, `der.${string}`>,
    readonly offset: number,
    params: ErrorParams = {},
  ) {
    super(code, { ...params, offset });
  }
}

const MAX_DEPTH = 64;

/** Parses exactly one DER element spanning all of `bytes`; throws DerError otherwise. */
export function parseDer(bytes: Uint8Array): DerNode {
  if (bytes.length === 0) throw new DerError('der.empty', 0);
  const node = readNode(bytes, 0, bytes.length, 0);
  if (node.end !== bytes.length) throw new DerError('der.trailing-bytes', node.end, { count: bytes.length - node.end });
  return node;
}

function readNode(buf: Uint8Array, offset: number, limit: number, depth: number): DerNode {
  if (depth > MAX_DEPTH) throw new DerError('der.too-deep', offset);
  let pos = offset;
  const first = byteAt(buf, pos++, limit, 'identifier');
  const cls = first >> 6;
  const constructed = (first & 0x20) !== 0;
  let tag = first & 0x1f;
  if (tag === 0x1f) {
    // high tag number form (X.690 §8.1.2.4): base-128, minimal, and only for numbers >= 31
    tag = 0;
    let b: number;
    let count = 0;
    do {
      b = byteAt(buf, pos++, limit, 'tag');
      if (count === 0 && b === 0x80) throw new DerError('der.tag-not-minimal', pos - 1);
      if (++count > 4) throw new DerError('der.tag-too-large', pos - 1);
      tag = tag * 128 + (b & 0x7f);
    } while (b & 0x80);
    if (tag < 31) throw new DerError('der.tag-low-in-high-form', offset);
  }
  const lenByte = byteAt(buf, pos++, limit, 'length');
  let length: number;
  if (lenByte < 0x80) {
    length = lenByte;
  } else if (lenByte === 0x80) {
    throw new DerError('der.indefinite-length', pos - 1);
  } else {
    const n = lenByte & 0x7f;
    if (n > 4) throw new DerError('der.length-too-long', pos - 1);
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + byteAt(buf, pos++, limit, 'length');
    if (byteOrZero(buf, pos - n) === 0) throw new DerError('der.length-leading-zero', pos - n);
    if (length < 0x80) throw new DerError('der.length-not-minimal', pos - n - 1);
  }
  const header = pos - offset;
  const end = pos + length;
  if (end > limit) throw new DerError('der.length-overrun', offset, { length });
  const node: DerNode = {
    tag,
    constructed,
    cls,
    header,
    start: offset,
    end,
    content: buf.subarray(pos, end),
    raw: buf.subarray(offset, end),
  };
  if (cls === DerClass.UNIVERSAL) checkUniversal(node);
  if (constructed) {
    const children: DerNode[] = [];
    let p = pos;
    while (p < end) {
      const child = readNode(buf, p, end, depth + 1);
      children.push(child);
      p = child.end;
    }
    node.children = children;
  }
  return node;
}

type HeaderPart = 'identifier' | 'tag' | 'length';

function byteAt(buf: Uint8Array, pos: number, limit: number, part: HeaderPart): number {
  if (pos >= limit) throw truncated(part, pos);
  return buf[pos]!;
}

function truncated(part: HeaderPart, pos: number): DerError {
  switch (part) {
    case 'identifier':
      return new DerError('der.truncated-identifier', pos);
    case 'tag':
      return new DerError('der.truncated-tag', pos);
    case 'length':
      return new DerError('der.truncated-length', pos);
  }
}

function byteOrZero(buf: Uint8Array, pos: number): number {
  return buf[pos] ?? 0;
}

/** Per-type DER content rules (X.690 §10, §11) for the universal types we meet. */
function checkUniversal(node: DerNode): void {
  const { tag, constructed, content, start } = node;
  const mustBeConstructed = tag === DerTag.SEQUENCE || tag === DerTag.SET;
  if (mustBeConstructed !== constructed) {
    throw constructed ? new DerError('der.constructed-primitive', start, { tag }) : new DerError('der.primitive-constructed', start, { tag });
  }
  switch (tag) {
    case DerTag.BOOLEAN:
      if (content.length !== 1 || (content[0] !== 0x00 && content[0] !== 0xff)) throw new DerError('der.bad-boolean', start);
      break;
    case DerTag.NULL:
      if (content.length !== 0) throw new DerError('der.bad-null', start);
      break;
    case DerTag.INTEGER:
      if (content.length === 0) throw new DerError('der.empty-integer', start);
      if (content.length > 1 && ((content[0] === 0x00 && content[1]! < 0x80) || (content[0] === 0xff && content[1]! >= 0x80))) {
        throw new DerError('der.integer-not-minimal', start);
      }
      break;
    case DerTag.BIT_STRING: {
      const unused = content[0];
      if (unused === undefined) throw new DerError('der.empty-bit-string', start);
      if (unused > 7 || (content.length === 1 && unused !== 0)) throw new DerError('der.bit-string-unused-count', start);
      if (unused > 0 && (content[content.length - 1]! & ((1 << unused) - 1)) !== 0) throw new DerError('der.bit-string-unused-bits', start);
      break;
    }
    case DerTag.OID:
      if (content.length === 0 || content[content.length - 1]! & 0x80) throw new DerError('der.bad-oid', start);
      for (let i = 0; i < content.length; i++) {
        if (content[i] === 0x80 && (i === 0 || !(content[i - 1]! & 0x80))) throw new DerError('der.oid-not-minimal', start);
      }
      break;
  }
}

/** True when `node` is the universal type `tag` (e.g. isUniversal(n, DerTag.SEQUENCE)). */
export function isUniversal(node: DerNode | undefined, tag: number): node is DerNode {
  return node !== undefined && node.cls === DerClass.UNIVERSAL && node.tag === tag;
}

/** True when `node` is the context-specific `[tagNo]`. */
export function isContext(node: DerNode | undefined, tagNo: number): node is DerNode {
  return node !== undefined && node.cls === DerClass.CONTEXT && node.tag === tagNo;
}

/** Returns `node` if it is the universal type `tag`, else throws an Error naming `what`. */
export function expectUniversal(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!isUniversal(node, tag)) throw new Error(`${what}: expected ${universalName(tag)}${node ? `, found ${describeTag(node)}` : ', found nothing'}`);
  return node;
}

/** The children of a constructed node (empty array for primitives), for uniform iteration. */
export function childrenOf(node: DerNode): DerNode[] {
  return node.children ?? [];
}

export function describeTag(node: DerNode): string {
  if (node.cls === DerClass.CONTEXT) return `[${node.tag}]`;
  if (node.cls === DerClass.UNIVERSAL) return universalName(node.tag);
  return `${node.cls === DerClass.APPLICATION ? 'APPLICATION' : 'PRIVATE'} ${node.tag}`;
}

function universalName(tag: number): string {
  const entry = Object.entries(DerTag).find(([, n]) => n === tag);
  return entry ? entry[0].replace(/_/g, ' ') : `universal tag ${tag}`;
}
