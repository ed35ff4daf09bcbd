// SPDX-License-Identifier: UNLICENSED
// Reading the CLI's input files: document JSON, signing key and certificate. Errors name the file and the option it
// was given with (the same in both languages), and never echo key material.
import { createSigningKey, type SigningKey } from '../../app/crypto/signingKey';
import { DukkanError } from '../../app/errors/index';
import { readFileSync } from 'node:fs';
import { parseCertificate, type Certificate } from '../../app/x509/parseCertificate';
import { parsePrivateKey } from '../../app/keys/privateKey';
import { UsageError } from './command';

/** `option` is the flag the file was given with, without the dashes (`in`, `key`, `cert`, `config`, `shop`). */
export function readTextFile(file: string, option: string): string {
  try {
    return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError('cli.cannot-read', { option, file, detail: (err as NodeJS.ErrnoException).code ?? String(err) });
  }
}

export function readJsonFile(file: string, option: string): unknown {
  const text = readTextFile(file, option);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new DukkanError('cli.not-json', { option, file, detail: (err as Error).message }, { cause: err });
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
    throw new DukkanError('cli.bad-key', { file, detail: (err as Error).message });
  }
  try {
    return createSigningKey(scalar);
  } finally {
    scalar.fill(0);
  }
}

/** Certificate file: PEM, one-line base64 DER, or a Fatoora binarySecurityToken. */
export function readCertificateFile(file: string): Certificate {
  const text = readTextFile(file, 'cert');
  try {
    return parseCertificate(text.trim());
  } catch (err) {
    throw new DukkanError('cli.bad-certificate', { file, detail: (err as Error).message }, { cause: err });
  }
}
