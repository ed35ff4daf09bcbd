// SPDX-License-Identifier: UNLICENSED
// Optional persistence (`--state DIR`). Small mutable state (CA, CSIDs, OTPs) is one JSON file per concern, each
// replaced atomically (write a temporary file in the same folder, fsync, rename), so a crash leaves either the old
// or the new file, never half of one. The submission log only grows, so it is a JSON-lines file appended to (and
// fsynced) one record at a time — rewriting it whole on every report would make a long training session
// quadratic; a torn last line from a crash is ignored on load. Without a folder nothing persists.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, truncateSync, writeSync } from 'node:fs';
import path from 'node:path';

export interface StateStore {
  readonly dir: string | undefined;
  load<T>(name: string, parse: (value: unknown) => T, fallback: T): T;
  save(name: string, value: unknown): void;
  /** Records appended so far to `<name>.jsonl`, each checked by `parse`. */
  loadLines<T>(name: string, parse: (value: unknown) => T): T[];
  append(name: string, record: unknown): void;
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
  return {
    dir,
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
      if (dir === undefined) return [];
      const file = fileOf(name, 'jsonl');
      let text = read(file) ?? '';
      if (text !== '' && !text.endsWith('\n')) {
        // a torn last line (a crash during append): drop it, so the next append starts on a fresh line
        text = text.slice(0, text.lastIndexOf('\n') + 1);
        truncateSync(file, Buffer.byteLength(text, 'utf8'));
      }
      return text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line, i) => {
          try {
            return parse(JSON.parse(line));
          } catch (err) {
            throw new Error(`simulator state ${file} line ${i + 1}: unreadable (${err instanceof Error ? err.message : String(err)})`);
          }
        });
    },
    append(name, record) {
      if (dir === undefined) return;
      const fd = openSync(fileOf(name, 'jsonl'), 'a', 0o600);
      try {
        writeSync(fd, `${JSON.stringify(record)}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    },
  };
}
