// SPDX-License-Identifier: UNLICENSED
// Run by test/memory/releaseFreeMemory.test.ts as a process of its own (node --expose-gc, through tsx): frees
// ~190 MiB of 64 KiB buffers glibc placed on its heap, all but one at the end that keeps the heap's top from being
// trimmed by free() itself, then calls releaseFreeMemory(). Prints the process's anonymous resident memory (MiB)
// after the free and after the release, and what releaseFreeMemory() answered, as one JSON line.
import { readFileSync } from 'node:fs';
import { releaseFreeMemory } from '../../native/memory/releaseFreeMemory';

const anonMiB = () => Number(/^RssAnon:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

let held: Buffer[] = Array.from({ length: 3000 }, (_, i) => Buffer.alloc(64 * 1024, i & 0xff));
const keeper = held.at(-1)!;
held = [];
// the buffers' memory is freed by V8's sweeper after a full collection, on a thread of its own: wait until it is
let before = anonMiB();
for (let i = 0; i < 20; i++) {
  gc();
  await new Promise((r) => setTimeout(r, 50));
  const now = anonMiB();
  if (Math.abs(now - before) < 1 && i > 2) break;
  before = now;
}
const released = await releaseFreeMemory();
console.log(JSON.stringify({ freedMiB: Math.round(before), afterReleaseMiB: Math.round(anonMiB()), released, kept: keeper.length }));
