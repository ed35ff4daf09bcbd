// SPDX-License-Identifier: UNLICENSED
// PINs are stored as scrypt(pin, per-user random salt) with the cost parameters next to the hash, so the cost can
// be raised later without invalidating existing PINs. A 4–8 digit PIN has little entropy: the hash only keeps a copied
// database from revealing PINs at a glance and makes guessing slow; the lockout in userStore stops online guessing.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface PinHash {
  readonly salt: Buffer;
  readonly hash: Buffer;
  /** JSON of the scrypt parameters, stored with the hash. */
  readonly params: string;
}

interface Params {
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly keylen: number;
}

/** 2^14 · 8 · 1: about 16 MiB and 30–60 ms per PIN on a POS-class CPU. */
const DEFAULT_PARAMS: Params = { N: 16384, r: 8, p: 1, keylen: 32 };

function derive(pin: string, salt: Buffer, params: Params): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 64 * 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(pin, salt, params.keylen, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPin(pin: string): Promise<PinHash> {
  if (!/^\d{4,8}$/.test(pin)) throw new Error('pin: must be 4 to 8 digits');
  const salt = randomBytes(16);
  return { salt, hash: await derive(pin, salt, DEFAULT_PARAMS), params: JSON.stringify(DEFAULT_PARAMS) };
}

function parseParams(text: string): Params {
  const p = JSON.parse(text) as Partial<Params>;
  const ok = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
  if (!ok(p.N, 2, 2 ** 20) || !ok(p.r, 1, 32) || !ok(p.p, 1, 16) || !ok(p.keylen, 16, 64))
    throw new Error('stored PIN parameters are not valid scrypt parameters');
  return p as Params;
}

/** Constant-time comparison of a typed PIN with a stored hash. */
export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  if (!/^\d{4,8}$/.test(pin)) return false;
  const params = parseParams(stored.params);
  const candidate = await derive(pin, stored.salt, params);
  return candidate.length === stored.hash.length && timingSafeEqual(candidate, stored.hash);
}
