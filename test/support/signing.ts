// SPDX-License-Identifier: UNLICENSED
// Signing material for tests: the ZATCA SDK's public dummy key and its certificate (test/vectors, R3.2.7).
import { readFileSync } from 'node:fs';
import { privateKeySigner } from '../../app/crypto/ecdsa';
import { parsePrivateKey } from '../../app/keys/privateKey';
import { parseCertificate } from '../../app/x509/parseCertificate';
import { parseDocumentInput, type DocumentInputJson } from '../../app/document/documentInput';
import { buildAndStamp, type StampedDocument } from '../../app/engine/buildAndStamp';
import { INITIAL_PIH } from '../../app/stamp/invoiceHash';
import { SDK_CERT_PEM, SDK_KEY_PEM } from '../vectors';

export const SDK_CERTIFICATE = parseCertificate(readFileSync(SDK_CERT_PEM, 'utf8'));
export const SDK_PRIVATE_KEY = parsePrivateKey(readFileSync(SDK_KEY_PEM, 'utf8'));
export const SDK_SIGNING = { certificate: SDK_CERTIFICATE, sign: privateKeySigner(SDK_PRIVATE_KEY) };

/**
 * The SDK's dummy certificate expired on 2024-11-08, so `verify` rightly warns certificate-expired-at-signing on
 * every later document signed with it (app/verify/certificateValidity.ts); tests about other rules leave that one
 * warning out with this.
 */
export function apartFromSdkCertificateAge<F extends { readonly rule: string }>(findings: readonly F[]): F[] {
  return findings.filter((f) => f.rule !== 'certificate-expired-at-signing');
}

export function signWithSdkKey(json: DocumentInputJson, chain = { icv: 1, pih: INITIAL_PIH }): Promise<StampedDocument> {
  return buildAndStamp(parseDocumentInput(json), chain, SDK_SIGNING);
}
