// SPDX-License-Identifier: UNLICENSED
// The zip writer against independent readers: Info-ZIP's `unzip -t` and Python's zipfile (which also checks every
// CRC), and its CRC-32 against zlib's. Names in Arabic, empty files, incompressible data, many entries.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { crc32, ZipWriter } from './zipWriter';

const READ_ALL =
  'import sys,zipfile,json,base64\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps([[i.filename, base64.b64encode(z.read(i)).decode(), i.compress_type] for i in z.infolist()]))';

function readWithPython(file: string): [string, Buffer, number][] {
  return (JSON.parse(execFileSync('python3', ['-c', READ_ALL, file]).toString()) as [string, string, number][]).map(([n, b, t]) => [
    n,
    Buffer.from(b, 'base64'),
    t,
  ]);
}

describe('ZipWriter', () => {
  it('CRC-32 equals zlib’s', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 5000 }), (bytes) => crc32(bytes) === zlibCrc32(bytes)));
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926); // the check value of the standard
  });

  it('writes archives that unzip and Python read back byte for byte', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-zip-'));
    let n = 0;
    const entry = fc.record({
      name: fc.constantFrom('a.xml', 'فاتورة.xml', '2026-11-23/T1-000001_x.xml', 'dir/sub/الملف.txt', 'manifest.csv', 'z'),
      data: fc.oneof(
        fc.uint8Array({ maxLength: 3000 }),
        fc.string({ maxLength: 3000 }).map((s) => new TextEncoder().encode(s.repeat(3))),
      ),
    });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.name, minLength: 0, maxLength: 6 }), (entries) => {
        const file = path.join(dir, `t${n++}.zip`);
        const zip = new ZipWriter(file);
        for (const e of entries) zip.add(e.name, e.data, new Date(2026, 10, 23, 14, 5, 10));
        zip.finish();
        if (entries.length > 0) expect(execFileSync('unzip', ['-tq', file]).toString()).toMatch(/No errors detected/);
        const back = readWithPython(file);
        expect(back.map(([name]) => name)).toEqual(entries.map((e) => e.name));
        back.forEach(([, data], i) => expect(data.equals(Buffer.from(entries[i]!.data))).toBe(true));
      }),
      { numRuns: 25 },
    );
  });

  it('deflates what compresses and stores what does not', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'dukkan-zip-')), 'mixed.zip');
    const zip = new ZipWriter(file);
    zip.add('text.xml', new TextEncoder().encode('<Invoice>'.repeat(500)));
    zip.add('random.bin', crypto.getRandomValues(new Uint8Array(2000)));
    zip.add('empty.txt', new Uint8Array(0));
    zip.finish();
    expect(readWithPython(file).map(([name, , method]) => [name, method])).toEqual([
      ['text.xml', 8],
      ['random.bin', 0],
      ['empty.txt', 0],
    ]);
  });

  it('refuses unsafe or duplicate names, and leaves no half-written file behind', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-zip-'));
    const file = path.join(dir, 'x.zip');
    const zip = new ZipWriter(file);
    for (const bad of ['../evil', '/etc/passwd', 'a\\b', 'a//b', '']) expect(() => zip.add(bad, new Uint8Array(1)), bad).toThrow(/zip: entry name/);
    zip.add('ok', new Uint8Array(1));
    expect(() => zip.add('ok', new Uint8Array(1))).toThrow(/duplicate/);
    zip.abort();
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
