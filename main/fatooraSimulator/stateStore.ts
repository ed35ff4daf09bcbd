// SPDX-License-Identifier: UNLICENSED
// Optional persistence (`--state DIR`): one JSON file per concern, each replaced atomically (write a temporary
// file in the same folder, fsync, rename), so a crash leaves either the old or the new file, never half of one.
// Without a folder the store keeps nothing and the simulator forgets everything when it stops.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export interface StateStore {
  readonly dir: string | undefined;
  load<T>(name: string, parse: (value: unknown) => T, fallback: T): T;
  save(name: string, value: unknown): void;
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
  const fileOf = (name: string): string => {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`state store: bad file name ${name}`);
    return path.join(dir!, `${name}.json`);
  };
  return {
    dir,
    load(name, parse, fallback) {
      if (dir === undefined) return fallback;
      let text: string;
      try {
        text = readFileSync(fileOf(name), 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
        throw err;
      }
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
  };
}
