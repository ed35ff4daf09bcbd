// SPDX-License-Identifier: UNLICENSED
// Write-then-rename, so a reader (or a crash) never sees half a file. Whatever fails after the temporary file exists
// — the write, the flush, the close, or the rename (the target is a folder, or on another file system) — removes
// it again: a failed `dukkan sign` leaves nothing behind (docs/security.md, "The command line").
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o644): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w', mode);
  let open = true;
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
    open = false;
    closeSync(fd);
    renameSync(tmp, file);
  } catch (err) {
    if (open) closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
}
