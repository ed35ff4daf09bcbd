// SPDX-License-Identifier: UNLICENSED
// One-time passwords as the Fatoora portal hands them out: 6 digits, valid one hour (by the simulator clock),
// good for one CSID request (reference §10 step 2: one OTP per CCSID request). `123345` is the developer portal's
// well-known OTP (reference §9) and the default here. An OTP may be tied to one environment: OTPs of the
// simulation and production portals are not interchangeable (reference §9, lavaloon #199).
import { z } from 'zod';
import type { SimulatorClock } from './clock';
import type { StateStore } from './stateStore';
import { ZATCA_ENVIRONMENTS, type ZatcaEnvironment } from './zatcaEnvironment';

export const DEFAULT_OTP = '123345';
export const OTP_VALIDITY_MS = 60 * 60 * 1000;

const entrySchema = z.object({
  code: z.string().regex(/^\d{6}$/),
  addedAt: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().optional(),
  environment: z.enum(ZATCA_ENVIRONMENTS).optional(),
});
export type OtpEntry = z.infer<typeof entrySchema>;

export type OtpCheck = 'ok' | 'unknown' | 'expired' | 'used';

export interface OtpController {
  /** Adds (or re-arms) an OTP, valid for `validForMs` from now on the simulator clock. */
  add(code: string, options?: { readonly validForMs?: number; readonly environment?: ZatcaEnvironment }): void;
  /** Makes an OTP expire now. */
  expire(code: string): void;
  list(): readonly Readonly<OtpEntry>[];
  /** Checks without using it up. */
  check(code: string, environment: ZatcaEnvironment): OtpCheck;
  /** Uses it up; call only once the request it authorises succeeds. */
  consume(code: string): void;
}

export function createOtpStore(clock: SimulatorClock, store: StateStore, initial: readonly string[], validityMs = OTP_VALIDITY_MS): OtpController {
  const entries = new Map<string, OtpEntry>(
    store.load(
      'otps',
      (v) =>
        z
          .array(entrySchema)
          .parse(v)
          .map((e) => [e.code, e] as const),
      [],
    ),
  );
  const persist = (): void => store.save('otps', [...entries.values()]);

  const controller: OtpController = {
    add(code, options = {}) {
      if (typeof code !== 'string' || !/^\d{6}$/.test(code)) throw new Error('otp: must be 6 digits');
      const validFor = options.validForMs ?? validityMs;
      if (!(validFor > 0)) throw new Error('otp validForMs: must be positive');
      const now = clock.now();
      entries.set(code, {
        code,
        addedAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + validFor).toISOString(),
        ...(options.environment ? { environment: options.environment } : {}),
      });
      persist();
    },
    expire(code) {
      const e = entries.get(code);
      if (!e) throw new Error('otp: unknown code');
      entries.set(code, { ...e, expiresAt: clock.now().toISOString() });
      persist();
    },
    list: () => [...entries.values()],
    check(code, environment) {
      const e = entries.get(code);
      if (!e || (e.environment !== undefined && e.environment !== environment)) return 'unknown';
      if (e.usedAt !== undefined) return 'used';
      if (clock.now().getTime() >= Date.parse(e.expiresAt)) return 'expired';
      return 'ok';
    },
    consume(code) {
      const e = entries.get(code);
      if (e) entries.set(code, { ...e, usedAt: clock.now().toISOString() });
      persist();
    },
  };
  // OTPs given at start that the saved state does not know yet; known ones keep their use and expiry
  for (const code of initial) if (!entries.has(code)) controller.add(code);
  return controller;
}
