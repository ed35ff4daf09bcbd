// SPDX-License-Identifier: UNLICENSED
// What a call throws, for tests that look at a refusal's code and parameters rather than only at its class.

/** The error `run` throws, which must be a `type`: fails when nothing is thrown, and rethrows any other error. */
export function thrownBy<T extends Error>(type: abstract new (...args: never[]) => T, run: () => unknown): T {
  try {
    run();
  } catch (e) {
    if (e instanceof type) return e;
    throw e;
  }
  throw new Error(`expected a ${type.name}, but nothing was thrown`);
}
