// SPDX-License-Identifier: UNLICENSED
// What `dukkan sign` checks of its key and certificate before it signs anything (docs/security.md, "The command
// line"): the key must be the certificate's (a signature by another key fails at Fatoora, and the ledger's own
// self-check refuses the same, main/ledger/stampChecks.ts), the certificate must not have expired, and the
// document's signing time must lie within the certificate's validity (app/verify/certificateValidity.ts).
import { createVerifier, type SigningKey } from '../../app/crypto/signingKey';
import { DukkanError } from '../../app/errors/index';
import { riyadhInstant, validityAt } from '../../app/verify/certificateValidity';
import type { Certificate } from '../../app/x509/parseCertificate';

const PROBE = new TextEncoder().encode('dukkan sign: does this key belong to this certificate?');

export interface SigningFiles {
  readonly key: string;
  readonly cert: string;
}

export function checkSigningPair(key: SigningKey, certificate: Certificate, files: SigningFiles, signingTime: string, now: Date): void {
  let matches: boolean;
  try {
    matches = createVerifier(certificate.publicKey)(key.sign(PROBE), PROBE);
  } catch {
    matches = false; // the certificate's key is not a secp256k1 point: no signature of ours verifies with it
  }
  if (!matches) throw new DukkanError('cli.key-not-certificate', { ...files });
  const atNow = validityAt(certificate, now);
  if (!atNow.valid && atNow.problem === 'expired')
    throw new DukkanError('cli.certificate-expired', { cert: files.cert, notAfter: atNow.notAfter.toISOString() });
  const instant = riyadhInstant(signingTime);
  const atSigning = instant ? validityAt(certificate, instant) : { valid: true as const };
  if (atSigning.valid) return;
  if (atSigning.problem === 'expired')
    throw new DukkanError('cli.certificate-expired-at-signing', { cert: files.cert, signingTime, notAfter: atSigning.notAfter.toISOString() });
  throw new DukkanError('cli.certificate-not-yet-valid-at-signing', { cert: files.cert, signingTime, notBefore: atSigning.notBefore.toISOString() });
}
