// SPDX-License-Identifier: UNLICENSED
// Optional persistence (`--state DIR`). Small mutable state (CA, CSIDs, OTPs) is one JSON file per concern, each
// replaced atomically (write a temporary file in the same folder, fsync, rename), so a crash leaves either the old
// or the new file, never half of one. The submission log only grows, so it is a JSON-lines file appended to one
// record at a time — rewriting it whole on every report would make a long training session quadratic; a torn last
// line from a crash is ignored on load. Each line is written at once (into the page cache: a crash of the process
// loses nothing) and flushed to disk in libuv's thread pool: in training mode the simulator runs in the till's main
// process, where an fsync held the main thread for every reported document (BENCHMARKS.md, "A long day"). Each
// record's byte offset is handed back, so a reader can keep offsets in memory instead of the records and read one
// back when it needs it (main/fatooraSimulator/submissionLog.ts). Without a folder nothing persists.
import {
  close,
  closeSync,
  fstatSync,
  fsync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

export interface StateStore {
  readonly dir: string | undefined;
  load<T>(name: string, parse: (value: unknown) => T, fallback: T): T;
  save(name: string, value: unknown): void;
  /** Records appended so far to `<name>.jsonl`, each checked by `parse`. */
  loadLines<T>(name: string, parse: (value: unknown) => T): T[];
  /** The same, each with the byte offset its line starts at in the file. */
  loadLinesAt<T>(name: string, parse: (value: unknown) => T): { readonly record: T; readonly offset: number }[];
  /**
   * Appends one record and returns the byte offset its line starts at; -1 without a folder. The line is written
   * before it returns and flushed to disk in the background (flushed()); a flush that failed fails the next append.
   */
  append(name: string, record: unknown): number;
  /** Resolves when every appended line is on disk; rejects with the error of a flush that failed. */
  flushed(): Promise<void>;
  /** The record whose line starts at `offset` (as append or loadLinesAt gave it), parsed from JSON. */
  readLine(name: string, offset: number): unknown;
}

let tmpCounter = 0;

export function writeFileAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}-${++tmpCounter}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

export function createStateStore(dir: string | undefined): StateStore {
  if (dir !== undefined) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const fileOf = (name: string, ext = 'json'): string => {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`state store: bad file name ${name}`);
    return path.join(dir!, `${name}.${ext}`);
  };
  const read = (file: string): string | undefined => {
    try {
      return readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  };
  const loadLinesAt: StateStore['loadLinesAt'] = (name, parse) => {
    if (dir === undefined) return [];
    const file = fileOf(name, 'jsonl');
    let text = read(file) ?? '';
    if (text !== '' && !text.endsWith('\n')) {
      // a torn last line (a crash during append): drop it, so the next append starts on a fresh line
      text = text.slice(0, text.lastIndexOf('\n') + 1);
      truncateSync(file, Buffer.byteLength(text, 'utf8'));
    }
    const lines: { record: ReturnType<typeof parse>; offset: number }[] = [];
    let offset = 0;
    for (const [i, line] of text.split('\n').entries()) {
      const at = offset;
      offset += Buffer.byteLength(line, 'utf8') + 1;
      if (line.trim() === '') continue;
      try {
        lines.push({ record: parse(JSON.parse(line)), offset: at });
      } catch (err) {
        throw new Error(`simulator state ${file} line ${i + 1}: unreadable (${err instanceof Error ? err.message : String(err)})`);
      }
    }
    return lines;
  };
  const flushing = new Set<Promise<void>>();
  let flushError: Error | null = null;
  /** fsync and close in libuv's pool; the error is kept for the next append and flushed(). */
  const flushInBackground = (fd: number): void => {
    const done = new Promise<void>((resolve) =>
      fsync(fd, (err) => {
        if (err) flushError ??= err;
        close(fd, () => resolve());
      }),
    );
    flushing.add(done);
    void done.then(() => flushing.delete(done));
  };
  return {
    dir,
    loadLinesAt,
    load(name, parse, fallback) {
      if (dir === undefined) return fallback;
      const text = read(fileOf(name));
      if (text === undefined) return fallback;
      try {
        return parse(JSON.parse(text));
      } catch (err) {
        throw new Error(`simulator state ${fileOf(name)}: unreadable (${err instanceof Error ? err.message : String(err)})`);
      }
    },
    save(name, value) {
      if (dir === undefined) return;
      writeFileAtomic(fileOf(name), `${JSON.stringify(value, null, 1)}\n`);
    },
    loadLines(name, parse) {
      return loadLinesAt(name, parse).map((l) => l.record);
    },
    append(name, record) {
      if (dir === undefined) return -1;
      if (flushError) throw new Error(`simulator state ${fileOf(name, 'jsonl')}: an earlier line did not reach the disk (${flushError.message})`);
      const fd = openSync(fileOf(name, 'jsonl'), 'a', 0o600);
      let offset: number;
      try {
        // one writer (this simulator): the file's size before the write is where the line lands
        offset = fstatSync(fd).size;
        writeSync(fd, `${JSON.stringify(record)}\n`);
      } catch (err) {
        closeSync(fd);
        throw err;
      }
      flushInBackground(fd);
      return offset;
    },
    async flushed() {
      await Promise.all([...flushing]);
      if (flushError) throw flushError;
    },
    readLine(name, offset) {
      const file = fileOf(name, 'jsonl');
      const fd = openSync(file, 'r');
      try {
        const parts: Buffer[] = [];
        for (let at = offset; ;) {
          const chunk = Buffer.alloc(64 * 1024);
          const n = readSync(fd, chunk, 0, chunk.length, at);
          const end = chunk.subarray(0, n).indexOf(0x0a);
          parts.push(chunk.subarray(0, end < 0 ? n : end));
          if (end >= 0 || n === 0) break;
          at += n;
        }
        return JSON.parse(Buffer.concat(parts).toString('utf8'));
      } finally {
        closeSync(fd);
      }
    },
  };
}
