// SPDX-License-Identifier: UNLICENSED
// Gives the memory glibc's allocator holds free back to the system: malloc_trim(0), through koffi (a Node-API FFI
// with prebuilt binaries, so nothing is compiled per Electron version). After an export, glibc keeps tens of MiB the
// export freed in its arenas — its dynamic mmap threshold and top-of-heap trim threshold grow with the largest
// buffers a process ever freed, which a Node process reaches at start-up — and the till's memory kept the
// high-water mark of the biggest export of the day (BENCHMARKS.md, "Where the growth is"). Runs in libuv's thread
// pool, not on the thread that answers the till (malloc_trim walks every arena: 12–21 ms measured). Elsewhere than
// glibc (Windows, macOS, musl) there is no such call, and nothing is done.
type Trim = { async(pad: number, done: (error: unknown, result: number) => void): void };

let loading: Promise<Trim | null> | null = null;

async function loadTrim(): Promise<Trim | null> {
  if (process.platform !== 'linux') return null;
  try {
    // loaded at the first call: start-up does not pay for the addon
    const { default: koffi } = await import('koffi');
    return koffi.load('libc.so.6').func('int malloc_trim(size_t pad)') as unknown as Trim;
  } catch {
    return null; // not glibc (musl has neither libc.so.6 nor malloc_trim)
  }
}

/** What a release did: memory given back, none to give, or no such call here (not glibc, or koffi did not load). */
export type MemoryRelease = 'released' | 'none' | 'unavailable';

/** Returns free memory of the allocator's arenas to the system. Never rejects: a failure costs memory, not a sale. */
export async function releaseFreeMemory(): Promise<MemoryRelease> {
  const trim = await (loading ??= loadTrim());
  if (!trim) return 'unavailable';
  return new Promise((resolve) => trim.async(0, (error, released) => resolve(error ? 'unavailable' : released === 1 ? 'released' : 'none')));
}
