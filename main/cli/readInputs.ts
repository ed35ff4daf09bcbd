// SPDX-License-Identifier: UNLICENSED
// Reading the CLI's input files: document JSON, signing key and certificate. Errors name the file and never echo
// key material.
import { createSigningKey, type SigningKey } from '../../app/crypto/signingKey';
import { readFileSync } from 'node:fs';
import { parseCertificate, type Certificate } from '../../app/x509/parseCertificate';
import { parsePrivateKey } from '../../app/keys/privateKey';
import { UsageError } from './command';

export function readTextFile(file: string, what: string): string {
  try {
    return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${what} ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

export function readJsonFile(file: string, what: string): unknown {
  const text = readTextFile(file, what);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new Error(`${what} ${file} is not valid JSON: ${(err as Error).message}`);
  }
}

/** Key file: PEM (SEC1 or PKCS#8) or the SDK's headerless base64. */
/** Private key file (PEM or the SDK's headerless base64) → a signing key; the parsed scalar is zeroed at once. */
export function signingKeyFromFile(file: string): SigningKey {
  const text = readTextFile(file, 'key');
  let scalar: Uint8Array;
  try {
    scalar = parsePrivateKey(text.trim());
  } catch (err) {
    // parsePrivateKey's messages describe the structure, never the key bytes
    throw new Error(`key ${file}: ${(err as Error).message}`);
  }
  try {
    return createSigningKey(scalar);
  } finally {
    scalar.fill(0);
  }
}

/** Certificate file: PEM, one-line base64 DER, or a Fatoora binarySecurityToken. */
export function readCertificateFile(file: string): Certificate {
  const text = readTextFile(file, 'certificate');
  try {
    return parseCertificate(text.trim());
  } catch (err) {
    throw new Error(`certificate ${file}: ${(err as Error).message}`);
  }
}
