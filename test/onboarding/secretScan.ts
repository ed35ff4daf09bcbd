// SPDX-License-Identifier: UNLICENSED
// Looks for secrets in bytes: a private key in every encoding we can think of (raw 32 bytes, hex, base64 and
// base64url at any byte alignment — so it is found inside a longer base64 text too —, SEC1 and PKCS#8 DER, PEM,
// JWK), CSID secrets (text, hex, base64 at any alignment, as in an Authorization header) and OTPs.
import { openssl } from '../support/opensslOracle';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
// OpenSSL as an independent oracle (node:crypto's secp256k1 is refused under the BoringSSL profile)
const { createPrivateKey } = openssl;

export interface Needle {
  readonly what: string;
  readonly bytes: Buffer;
}

export interface Haystack {
  readonly name: string;
  readonly bytes: Buffer;
}

/** The parts of base64 (or base64url) text that `data` produces wherever it sits in a longer byte string. */
function base64Embeddings(data: Buffer, url: boolean): string[] {
  const out: string[] = [];
  for (let k = 0; k < 3; k++) {
    const text = Buffer.concat([Buffer.alloc(k), data])
      .toString(url ? 'base64url' : 'base64')
      .replace(/=+$/, '');
    // drop the group that mixes in the unknown bytes before, and the last group that may mix in those after
    const start = k === 0 ? 0 : 4;
    const inner = text.slice(start, text.length - 4);
    if (inner.length >= 16) out.push(inner);
  }
  return out;
}

function textForms(what: string, data: Buffer): Needle[] {
  const needles: Needle[] = [
    { what: `${what} (raw bytes)`, bytes: data },
    { what: `${what} (hex)`, bytes: Buffer.from(data.toString('hex')) },
    { what: `${what} (HEX)`, bytes: Buffer.from(data.toString('hex').toUpperCase()) },
  ];
  for (const [i, b] of base64Embeddings(data, false).entries()) needles.push({ what: `${what} (base64, alignment ${i})`, bytes: Buffer.from(b) });
  for (const [i, b] of base64Embeddings(data, true).entries()) needles.push({ what: `${what} (base64url, alignment ${i})`, bytes: Buffer.from(b) });
  return needles;
}

/** Every form of a secp256k1 private key given as base64 of its SEC1 DER (the keychain form). */
export function privateKeyNeedles(sec1Base64: string, label: string): Needle[] {
  const sec1 = Buffer.from(sec1Base64, 'base64');
  const key = createPrivateKey({ key: sec1, format: 'der', type: 'sec1' });
  const scalar = Buffer.from(key.export({ format: 'jwk' }).d!, 'base64url');
  if (scalar.length !== 32) throw new Error('expected a 32-byte scalar');
  const pkcs8 = key.export({ format: 'der', type: 'pkcs8' });
  const pemLine = (der: Buffer) => der.toString('base64').slice(0, 64); // the first PEM body line
  return [
    ...textForms(`${label} scalar`, scalar),
    ...textForms(`${label} SEC1 DER`, sec1),
    ...textForms(`${label} PKCS#8 DER`, pkcs8),
    { what: `${label} SEC1 PEM line`, bytes: Buffer.from(pemLine(sec1)) },
    { what: `${label} PKCS#8 PEM line`, bytes: Buffer.from(pemLine(pkcs8)) },
    { what: `${label} keychain text`, bytes: Buffer.from(sec1Base64) },
  ];
}

export function secretNeedles(secret: string, label: string): Needle[] {
  return textForms(label, Buffer.from(secret, 'utf8'));
}

/** Every file under `dir`, whatever its kind (SQLite database, -wal, -shm, logs). */
export function filesUnder(dir: string): Haystack[] {
  const out: Haystack[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else out.push({ name: full, bytes: readFileSync(full) });
  }
  return out;
}

/** "what in where" for every needle found; OTPs must stand alone (not inside a longer run of digits). */
export function findSecrets(haystacks: readonly Haystack[], needles: readonly Needle[], otps: readonly string[] = []): string[] {
  const found: string[] = [];
  for (const h of haystacks) {
    for (const n of needles) if (h.bytes.indexOf(n.bytes) >= 0) found.push(`${n.what} in ${h.name}`);
    const text = h.bytes.toString('latin1');
    for (const otp of otps) if (new RegExp(`(?<![0-9])${otp}(?![0-9])`).test(text)) found.push(`OTP ${otp} in ${h.name}`);
  }
  return found;
}
