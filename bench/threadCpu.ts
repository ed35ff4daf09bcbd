// SPDX-License-Identifier: UNLICENSED
// The CPU time the calling thread has used, in ms: /proc/thread-self/schedstat counts this thread alone — not the
// worker threads (main/workers), libuv's pool or V8's helpers, which do not hold up the event loop. Elsewhere than
// Linux, the whole process's (an overestimate). For the soak's stall watch and the printing bench.
import { readFileSync } from 'node:fs';

export function threadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    const cpu = process.cpuUsage();
    return (cpu.user + cpu.system) / 1000;
  }
}
