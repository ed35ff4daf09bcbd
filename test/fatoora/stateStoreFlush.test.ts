// SPDX-License-Identifier: UNLICENSED
// The simulator's submission log is written at once and flushed to disk in libuv's pool
// (main/fatooraSimulator/stateStore.ts): in training mode the simulator runs in the till's main process, which must
// not wait for the disk per reported document. A line is readable as soon as append returns, and each file appended
// to stays open until its flush is done.
import { mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStateStore } from '../../main/fatooraSimulator/stateStore';

/** This process's open descriptors of `file` (Linux). */
function openDescriptors(file: string): number {
  let n = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) === file) n++;
    } catch {
      // closed meanwhile
    }
  }
  return n;
}

describe('the simulator state store', () => {
  it('returns each line readable at once and flushes it in the background', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-flush-'));
    const store = createStateStore(dir);
    const file = path.join(dir, 'submissions.jsonl');
    const offsets = Array.from({ length: 40 }, (_, i) => store.append('submissions', { n: i, text: 'سطر'.repeat(i) }));
    // written before append returned: every line is there and found at its offset
    expect(store.readLine('submissions', offsets[17]!)).toEqual({ n: 17, text: 'سطر'.repeat(17) });
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(40);
    // nothing waited for the disk: each file is closed only after its flush, in a later turn of the event loop
    expect(openDescriptors(file)).toBe(40);
    await store.flushed();
    expect(openDescriptors(file)).toBe(0);
    expect(createStateStore(dir).loadLines('submissions', (v) => v)).toHaveLength(40);
  });
});
