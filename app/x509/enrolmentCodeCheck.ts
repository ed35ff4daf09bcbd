// SPDX-License-Identifier: UNLICENSED
// The store server's one-time enrolment code carries a check of the server's TLS certificate (docs/store-server.md,
// "TLS and the pinned certificate"): 12 random characters, then 4 derived from them and the certificate's SHA-256
// fingerprint. A till that reads the certificate before sending anything computes the same 4 characters; another
// certificate (someone between the till and the server) matches them with a chance of 1 in 2^20 per attempt, and
// cannot be ground offline because the 12 characters it depends on are secret until the till sends them — which it
// does only once the check passed. So a manager types one code, and the till pins the right certificate.
import { sha256 } from '../crypto/sha256';

/** No 0/O, 1/I: read aloud and typed at a till. 32 letters, so a byte modulo 32 picks one uniformly. */
export const ENROLMENT_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const ENROLMENT_SECRET_LENGTH = 12;
export const ENROLMENT_CHECK_LENGTH = 4;

/** The check characters of `secret` (the code's first 12) for a certificate of this fingerprint. */
export function enrolmentCodeCheck(secret: string, fingerprint: string): string {
  const digest = sha256(`dukkan-store-tls-v1\n${secret}\n${fingerprint.toUpperCase()}`);
  return [...digest.slice(0, ENROLMENT_CHECK_LENGTH)].map((b) => ENROLMENT_ALPHABET[b % ENROLMENT_ALPHABET.length]).join('');
}

/** A whole code (16 characters, upper case, no dashes) for a certificate: its secret followed by the check. */
export function enrolmentCodeFor(secret: string, fingerprint: string): string {
  return secret + enrolmentCodeCheck(secret, fingerprint);
}

/** True when `code` (normalised: 16 characters, upper case) was made for the certificate of this fingerprint. */
export function codeMatchesFingerprint(code: string, fingerprint: string): boolean {
  const secret = code.slice(0, ENROLMENT_SECRET_LENGTH);
  return code.length === ENROLMENT_SECRET_LENGTH + ENROLMENT_CHECK_LENGTH && enrolmentCodeFor(secret, fingerprint) === code;
}
