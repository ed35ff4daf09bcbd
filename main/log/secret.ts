// SPDX-License-Identifier: UNLICENSED
// A value that must never be printed: CSID secrets, OTPs, anything that grants access. The text lives in a private
// field, and every way JavaScript turns an object into text (String(), template literals, JSON.stringify,
// util.inspect / console.log, Object.entries) yields "[redacted]". Only reveal() hands out the text, so each place
// that needs the real value is explicit and greppable.
import { inspect } from 'node:util';
import { timingSafeEqual } from 'node:crypto';

export const REDACTED = '[redacted]';

export class Secret {
  readonly #value: string;

  constructor(value: string) {
    if (typeof value !== 'string') throw new TypeError('Secret: the value must be a string');
    this.#value = value;
    Object.freeze(this);
  }

  /** The secret text. Call it only where the value leaves the process on purpose (an HTTP header, a keychain). */
  reveal(): string {
    return this.#value;
  }

  get length(): number {
    return this.#value.length;
  }

  /** Constant-time comparison, so comparing secrets leaks nothing through timing. */
  equals(other: Secret | string): boolean {
    const a = new TextEncoder().encode(this.#value);
    const b = new TextEncoder().encode(typeof other === 'string' ? other : other.#value);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}

export function isSecret(value: unknown): value is Secret {
  return value instanceof Secret;
}
