import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VECTORS_DIR } from './vectors';

// MANIFEST.md rows: | `path` | bytes | `sha256` | `origin` |
const rows = readFileSync(path.join(VECTORS_DIR, 'MANIFEST.md'), 'utf8')
  .split('\n')
  .map((line) => /^\| `([^`]+)` \| (\d+) \| `([0-9a-f]{64})` \|/.exec(line))
  .filter((m): m is RegExpExecArray => m !== null && !m[1]!.startsWith('zatca-docs/'));

describe('vendored vectors', () => {
  it('lists the vectors', () => expect(rows.length).toBeGreaterThan(60));
  it.each(rows.map((m) => [m[1]!, Number(m[2]), m[3]!] as const))('%s is byte-identical to the manifest', (rel, size, sha) => {
    const bytes = readFileSync(path.join(VECTORS_DIR, rel));
    expect(bytes.length).toBe(size);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha);
  });
});
