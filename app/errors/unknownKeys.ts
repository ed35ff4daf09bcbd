// SPDX-License-Identifier: UNLICENSED
// An unknown key in input is refused, never dropped (docs/security.md, "Input is read strictly"): a key written in
// the wrong case (`pricesIncludeVAT` for `pricesIncludeVat`) would otherwise be ignored and the document signed with
// the default in its place. The refusal names the key and, when one is close, the key that was probably meant.

/** Edit distance counting a swap of two neighbours as one edit (`nmae` → `name`), stopping once past `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
    }
    if (Math.min(...current) > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The known key an unknown one was probably meant to be: the same key in another case (or with `_`, `-` or spaces
 * in other places), else the nearest by edit distance within a third of its length (at least 1, at most 3). None
 * when nothing is that close, so the suggestion never guesses wildly.
 */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const fold = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  const sameFolded = known.find((k) => fold(k) === fold(key));
  if (sameFolded !== undefined) return sameFolded;
  const limit = Math.min(3, Math.max(1, Math.floor(key.length / 3)));
  let best: { key: string; d: number } | undefined;
  for (const k of known) {
    const d = distance(fold(key), fold(k), limit);
    if (d <= limit && (!best || d < best.d)) best = { key: k, d };
  }
  return best?.key;
}

/** zod 4's definition of a schema, read without importing zod (app/errors imports nothing). */
interface SchemaDef {
  readonly type?: string;
  readonly shape?: Record<string, unknown>;
  readonly element?: unknown;
  readonly innerType?: unknown;
  readonly in?: unknown;
  readonly options?: readonly unknown[];
}
const defOf = (schema: unknown): SchemaDef | undefined => (schema as { _zod?: { def?: SchemaDef } } | undefined)?._zod?.def;

/**
 * The keys an object schema knows at `path` (the path of zod's `unrecognized_keys` issue), looking through lists,
 * optional and default values, transforms and unions; empty when the path leads to no object.
 */
export function knownKeysAt(schema: unknown, path: readonly PropertyKey[]): string[] {
  const def = defOf(schema);
  if (!def) return [];
  switch (def.type) {
    case 'object':
      if (path.length === 0) return Object.keys(def.shape ?? {});
      return typeof path[0] === 'string' ? knownKeysAt(def.shape?.[path[0]], path.slice(1)) : [];
    case 'array':
      return typeof path[0] === 'number' ? knownKeysAt(def.element, path.slice(1)) : [];
    case 'pipe':
      return knownKeysAt(def.in, path);
    case 'union':
      return [...new Set((def.options ?? []).flatMap((o) => knownKeysAt(o, path)))];
    default:
      return def.innerType === undefined ? [] : knownKeysAt(def.innerType, path);
  }
}
