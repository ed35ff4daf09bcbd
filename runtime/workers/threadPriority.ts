// SPDX-License-Identifier: UNLICENSED
// A worker thread of the till gives way to the event loop that answers the cashier: when both want a core, the main
// thread gets it first. On the 2-core till the soak's event-loop stalls were waits for a core, not work of the main
// thread's own, while a receipt was rasterized and the export of the day ran beside the sales (BENCHMARKS.md, "A long
// day"); a below-normal thread still gets every core nobody else wants, so it is not slower on an idle till.
// Linux only: there a thread's nice value is its own (setpriority(2) on PRIO_PROCESS with who = 0 acts on the calling
// thread under NPTL), so lowering it here leaves the main thread alone. On Windows and macOS the same call changes the
// whole process, the main thread included, so nothing is changed there.
import os from 'node:os';

/** The nice value of a background thread: the OS's "below normal" (10 on Linux). */
export const BACKGROUND_NICE = os.constants.priority.PRIORITY_BELOW_NORMAL;

/**
 * Lowers the calling thread's CPU priority to below normal; true when it now runs at it. Never raises a priority
 * (a thread already below it stays) and never throws: a refusal by the OS leaves the thread as it was.
 */
export function runThisThreadInBackground(platform: NodeJS.Platform = process.platform): boolean {
  if (platform !== 'linux') return false;
  try {
    if (os.getPriority() < BACKGROUND_NICE) os.setPriority(BACKGROUND_NICE);
    return os.getPriority() >= BACKGROUND_NICE;
  } catch {
    return false;
  }
}
