// SPDX-License-Identifier: UNLICENSED
// The zip writer against independent readers: Info-ZIP's `unzip -t` and Python's zipfile (which also checks every
// CRC), and its CRC-32 against zlib's. Names in Arabic, empty files, incompressible data, many entries.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { crc32, dosDateTime, ZipWriter } from './zipWriter';
import { DeflatingEntry } from './deflatingEntry';
import { useTempDirs } from '../../test/support/tempDirs';

/** Python's zipfile reads every archive named (testzip checks every CRC): per archive, [name, bytes, method] per entry. */
const READ_ALL =
  'import sys,zipfile,json,base64\nout=[]\nfor f in sys.argv[1:]:\n  z=zipfile.ZipFile(f)\n  assert z.testzip() is None\n  out.append([[i.filename, base64.b64encode(z.read(i)).decode(), i.compress_type] for i in z.infolist()])\nprint(json.dumps(out))';

function readAllWithPython(files: readonly string[]): [string, Buffer, number][][] {
  const archives = JSON.parse(execFileSync('python3', ['-c', READ_ALL, ...files], { maxBuffer: 64 * 1024 * 1024 }).toString()) as [string, string, number][][];
  return archives.map((entries) => entries.map(([n, b, t]) => [n, Buffer.from(b, 'base64'), t]));
}

function readWithPython(file: string): [string, Buffer, number][] {
  return readAllWithPython([file])[0]!;
}

describe('ZipWriter', () => {
  const newDir = useTempDirs('dukkan-zip-');

  it('stamps entries in Riyadh time whatever the computer’s zone', () => {
    // 2026-11-23 22:30:04 UTC is 2026-11-24 01:30:04 in Riyadh; DOS time keeps seconds in twos
    expect(dosDateTime(new Date('2026-11-23T22:30:04Z'))).toEqual({ date: ((2026 - 1980) << 9) | (11 << 5) | 24, time: (1 << 11) | (30 << 5) | 2 });
    expect(dosDateTime(new Date('2026-12-31T21:00:00Z'))).toEqual({ date: ((2027 - 1980) << 9) | (1 << 5) | 1, time: 0 });
  });

  it('CRC-32 gives the standard’s check value, unsigned', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926); // the check value of the standard
    expect(crc32(new Uint8Array([0xff, 0xff, 0xff, 0xff]))).toBe(0xffffffff);
  });

  it('writes archives that unzip and Python read back byte for byte, entries in the order added', async () => {
    const dir = newDir();
    const entry = fc.record({
      name: fc.constantFrom('a.xml', 'فاتورة.xml', '2026-11-23/T1-000001_x.xml', 'dir/sub/الملف.txt', 'manifest.csv', 'z'),
      data: fc.oneof(
        fc.uint8Array({ maxLength: 3000 }),
        fc.string({ maxLength: 3000 }).map((s) => new TextEncoder().encode(s.repeat(3))),
      ),
    });
    // write every archive first, then check them all with one unzip run and one Python process: 25 process
    // starts per reader made this test time out on a loaded machine
    const cases = fc.sample(fc.uniqueArray(entry, { selector: (e) => e.name, minLength: 0, maxLength: 6 }), 25);
    // each entry is compressed in the thread pool as it is added (a small one can be ready before a large one
    // added earlier); the archive keeps the order of add()
    const files = await Promise.all(
      cases.map(async (entries, i) => {
        const file = path.join(dir, `t${i}.zip`);
        const zip = new ZipWriter(file);
        for (const e of entries) void zip.add(e.name, e.data, new Date(2026, 10, 23, 14, 5, 10));
        await zip.finish();
        return file;
      }),
    );
    const nonEmpty = files.filter((_, i) => cases[i]!.length > 0);
    const unzipOut = execFileSync('bash', ['-c', 'for f in "$@"; do unzip -tq "$f" || exit 1; done', 'check', ...nonEmpty]).toString();
    expect(unzipOut.match(/No errors detected/g)?.length).toBe(nonEmpty.length);
    const back = readAllWithPython(files);
    cases.forEach((entries, i) => {
      expect(back[i]!.map(([name]) => name)).toEqual(entries.map((e) => e.name));
      back[i]!.forEach(([, data], j) => expect(data.equals(Buffer.from(entries[j]!.data))).toBe(true));
    });
  });

  it('deflates what compresses and stores what does not', async () => {
    const file = path.join(newDir(), 'mixed.zip');
    const zip = new ZipWriter(file);
    void zip.add('text.xml', new TextEncoder().encode('<Invoice>'.repeat(500)));
    void zip.add('random.bin', crypto.getRandomValues(new Uint8Array(2000)));
    void zip.add('empty.txt', new Uint8Array(0));
    await zip.finish();
    expect(readWithPython(file).map(([name, , method]) => [name, method])).toEqual([
      ['text.xml', 8],
      ['random.bin', 0],
      ['empty.txt', 0],
    ]);
  });

  it('writes an entry compressed a piece at a time among whole ones, in the order added, past one directory piece', async () => {
    const file = path.join(newDir(), 'pieces.zip');
    const zip = new ZipWriter(file);
    const lines = new DeflatingEntry();
    const empty = new DeflatingEntry();
    const expected: Buffer[] = [];
    // 1,500 names of ~60 bytes: a central directory of ~160 KB, written in pieces of 64 KB
    const names = Array.from({ length: 1500 }, (_, i) => `2026-11-23/T1-${String(i).padStart(6, '0')}_فاتورة-${'x'.repeat(20)}.xml`);
    for (const [i, name] of names.entries()) {
      void zip.add(name, new TextEncoder().encode(`<Invoice n="${i}"/>`));
      const piece = Buffer.from(`${i},${name},${'مبلغ'.repeat(i % 7)}\r\n`, 'utf8');
      lines.write(piece);
      expected.push(piece);
    }
    void zip.addDeflated('manifest.csv', lines.end());
    void zip.addDeflated('empty.csv', empty.end());
    void zip.add('last.txt', new TextEncoder().encode('after the streamed ones'));
    await zip.finish();
    execFileSync('unzip', ['-tq', file]);
    const back = readWithPython(file); // testzip checked every CRC, the streamed ones' included
    expect(back.map(([name]) => name)).toEqual([...names, 'manifest.csv', 'empty.csv', 'last.txt']);
    expect(back.at(-3)![1].equals(Buffer.concat(expected))).toBe(true);
    expect(back.at(-3)![2]).toBe(8);
    expect(back.at(-2)![1]).toHaveLength(0);
    expect(back.at(-1)![1].toString()).toBe('after the streamed ones');
  });

  it('refuses unsafe or duplicate names, and leaves no half-written file behind', async () => {
    const dir = newDir();
    const file = path.join(dir, 'x.zip');
    const zip = new ZipWriter(file);
    for (const bad of ['../evil', '/etc/passwd', 'a\\b', 'a//b', '']) expect(() => zip.add(bad, new Uint8Array(1)), bad).toThrow(/zip: entry name/);
    const pending = zip.add('ok', new Uint8Array(1));
    expect(() => zip.add('ok', new Uint8Array(1))).toThrow(/duplicate/);
    zip.abort();
    await pending; // compressed after the abort: not written
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
