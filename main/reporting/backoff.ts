// SPDX-License-Identifier: UNLICENSED
// Exponential backoff with jitter, for resending a document (reference §9: 429/5xx "resend the same payload";
// §11: "keep retrying the same payload while ZATCA is unreachable") and for probing connectivity.
// "Equal jitter": the delay is half the exponential step plus a random part of the other half, so 5,000 documents
// that failed together do not come back together, and none comes back sooner than half its step.

export interface BackoffPolicy {
  /** Delay after the first failure. */
  readonly initialMs: number;
  /** Upper bound of any delay. */
  readonly maxMs: number;
  /** Growth per failure; default 2. */
  readonly multiplier?: number;
}

export function checkBackoffPolicy(policy: BackoffPolicy, field: string): BackoffPolicy {
  if (!(Number.isFinite(policy.initialMs) && policy.initialMs > 0)) throw new Error(`${field}.initialMs: must be a positive number of milliseconds`);
  if (!(Number.isFinite(policy.maxMs) && policy.maxMs >= policy.initialMs)) throw new Error(`${field}.maxMs: must be at least initialMs`);
  if (policy.multiplier !== undefined && !(Number.isFinite(policy.multiplier) && policy.multiplier >= 1)) throw new Error(`${field}.multiplier: must be ≥ 1`);
  return policy;
}

/** The delay before retry number `failures` (1 = after the first failure). `random` returns [0, 1). */
export function backoffDelay(failures: number, policy: BackoffPolicy, random: () => number): number {
  const n = Math.max(1, Math.floor(failures));
  // cap the exponent so the arithmetic stays finite for documents that failed thousands of times
  const step = Math.min(policy.maxMs, policy.initialMs * Math.pow(policy.multiplier ?? 2, Math.min(n - 1, 60)));
  const half = step / 2;
  return Math.round(half + random() * half);
}
