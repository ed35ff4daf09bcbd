// SPDX-License-Identifier: UNLICENSED
// A log sink that appends to a file and rotates it by size: `dukkan.log` is the current file, `dukkan.1.log` the one
// before it, up to `dukkan.<keep>.log`; older ones are deleted. The packaged desktop app has no console, so this file
// is the only trace a shop can send us.
// Every line is written synchronously (writeSync on an O_APPEND descriptor): the last lines before a crash, a
// Windows log-off or an app.exit() are exactly the ones that must not be sitting in a buffer. Lines come from the
// logger (main/log/logger.ts), already secret-safe; this file adds nothing of its own to them.
import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { LogSink } from './logger';

export interface RotatingFileOptions {
  /** The folder, created when missing (owner-only on POSIX: the log names products, users and shop details). */
  readonly dir: string;
  /** The current file's name; rotated files insert `.N` before the extension. Default `dukkan.log`. */
  readonly name?: string;
  /** The size after which the next line starts a new file. Default 5 MiB. */
  readonly maxBytes?: number;
  /** How many rotated files to keep besides the current one. Default 4. */
  readonly keep?: number;
}

export interface RotatingLogFile {
  /** The current file's full path (what a start-up failure dialog tells the user to send). */
  readonly path: string;
  readonly sink: LogSink;
  close(): void;
}

export const DEFAULT_LOG_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_LOG_KEEP = 4;

/** `dukkan.log` → `dukkan.3.log`; index 0 is the current file. */
export function rotatedName(name: string, index: number): string {
  if (index === 0) return name;
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)}.${index}${ext}`;
}

/** Opens (creating or appending to) the log file. Throws when the folder or the file cannot be opened. */
export function openRotatingLogFile(options: RotatingFileOptions): RotatingLogFile {
  const name = options.name ?? 'dukkan.log';
  const maxBytes = options.maxBytes ?? DEFAULT_LOG_MAX_BYTES;
  const keep = options.keep ?? DEFAULT_LOG_KEEP;
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) throw new Error('rotating log: maxBytes must be a positive integer');
  if (!Number.isInteger(keep) || keep < 0) throw new Error('rotating log: keep must be a non-negative integer');
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const file = path.join(options.dir, name);
  const at = (index: number) => path.join(options.dir, rotatedName(name, index));

  let fd: number | null = openSync(file, 'a', 0o600);
  let size = statSync(file).size;

  const rotate = (): void => {
    if (fd !== null) closeSync(fd);
    fd = null;
    try {
      rmSync(at(keep), { force: true });
      for (let i = keep - 1; i >= 0; i--) {
        try {
          renameSync(at(i), at(i + 1));
        } catch (e) {
          if ((e as { code?: unknown }).code !== 'ENOENT') throw e;
        }
      }
    } finally {
      // also when a rename failed (a file held open by a virus scanner on Windows): keep logging to the current file
      fd = openSync(file, 'a', 0o600);
      size = statSync(file).size;
    }
  };

  return {
    path: file,
    sink: (line) => {
      if (fd === null) return;
      const bytes = Buffer.from(`${line}\n`, 'utf8');
      // a line never straddles two files; a single line larger than maxBytes still gets a file of its own
      if (size > 0 && size + bytes.length > maxBytes) {
        try {
          rotate();
        } catch {
          // the line is still written below, to whichever file is open
        }
      }
      if (fd === null) return;
      writeSync(fd, bytes);
      size += bytes.length;
    },
    close: () => {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
