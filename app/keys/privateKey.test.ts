import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { openssl } from '../../test/support/opensslOracle';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SDK_CERT_PEM, SDK_KEY_PEM, VECTORS_DIR } from '../../test/vectors';
import { bytesToHex } from '../bytes/index';
import { OID, derContext, derInteger, derOctetString, derOid, derSequence } from '../asn1/der';
import { publicKeyFromPrivate, randomPrivateKey } from '../crypto/ecdsa';
import { parseCertificate } from '../x509/parseCertificate';
import { encodeSec1PrivateKey, encodeSec1PrivateKeyPem, encodeSpki, parsePrivateKey } from './privateKey';
import { parseSpki } from './spki';
// OpenSSL as an independent oracle (node:crypto's secp256k1 is refused under the BoringSSL profile)
const { createPrivateKey, createPublicKey, generateKeyPairSync } = openssl;

const KEYS346 = path.join(VECTORS_DIR, 'sdk-238-R3.4.x-keys-from-fatoora-rs');
const sdkKeyText = readFileSync(SDK_KEY_PEM, 'utf8');
const pkcs8Der = readFileSync(path.join(KEYS346, 'test_zatca_pkey.der'));

/** The scalar node:crypto sees in a key, as an independent reader. */
function nodeScalar(key: Parameters<typeof createPrivateKey>[0]): string {
  return Buffer.from(createPrivateKey(key).export({ format: 'jwk' }).d!, 'base64url').toString('hex');
}

const sdkSec1Pem = `-----BEGIN EC PRIVATE KEY-----\n${sdkKeyText.trim()}\n-----END EC PRIVATE KEY-----\n`;

describe('parsePrivateKey on the SDK dummy keys', () => {
  it('reads the R3.2.7 headerless base64 SEC1 key, whose public key is the one in cert.pem', () => {
    const scalar = parsePrivateKey(sdkKeyText);
    expect(scalar.length).toBe(32);
    expect(bytesToHex(scalar)).toBe(nodeScalar(sdkSec1Pem));
    expect(publicKeyFromPrivate(scalar)).toEqual(parseCertificate(readFileSync(SDK_CERT_PEM, 'utf8')).publicKey);
  });

  it('reads the R3.4.x PKCS#8 DER key, whose public key is the one in the R3.4.6 sample certificate', () => {
    const scalar = parsePrivateKey(new Uint8Array(pkcs8Der));
    expect(bytesToHex(scalar)).toBe(nodeScalar({ key: pkcs8Der, format: 'der', type: 'pkcs8' }));
    const cert = parseCertificate(readFileSync(path.join(KEYS346, 'zatca_cert_b64.txt'), 'utf8'));
    expect(publicKeyFromPrivate(scalar)).toEqual(cert.publicKey);
  });

  it('reads the same keys as PEM text, PEM file bytes and headerless PKCS#8 base64', () => {
    const expected = parsePrivateKey(new Uint8Array(pkcs8Der));
    const pkcs8Pem = createPrivateKey({ key: pkcs8Der, format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(pkcs8Pem).toContain('BEGIN PRIVATE KEY');
    expect(parsePrivateKey(pkcs8Pem)).toEqual(expected);
    expect(parsePrivateKey(new Uint8Array(Buffer.from(pkcs8Pem)))).toEqual(expected);
    expect(parsePrivateKey(pkcs8Der.toString('base64'))).toEqual(expected);
    expect(parsePrivateKey(sdkSec1Pem)).toEqual(parsePrivateKey(sdkKeyText));
  });

  it('reads openssl ecparam -genkey output (EC PARAMETERS block before the key) and fresh node keys', () => {
    const out = execFileSync('openssl', ['ecparam', '-name', 'secp256k1', '-genkey']).toString();
    expect(out).toContain('BEGIN EC PARAMETERS');
    expect(bytesToHex(parsePrivateKey(out))).toBe(nodeScalar(out));
    for (let i = 0; i < 5; i++) {
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
      const sec1 = privateKey.export({ format: 'pem', type: 'sec1' }).toString();
      const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
      expect(bytesToHex(parsePrivateKey(sec1))).toBe(nodeScalar(sec1));
      expect(bytesToHex(parsePrivateKey(new Uint8Array(pkcs8)))).toBe(nodeScalar(sec1));
    }
  });
});

describe('parsePrivateKey refusals never echo key material', () => {
  const cases: Array<[string, () => string | Uint8Array, RegExp]> = [
    [
      'a P-256 SEC1 key',
      () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ format: 'pem', type: 'sec1' }).toString(),
      /curve 1\.2\.840\.10045\.3\.1\.7 \(prime256v1\/P-256\) is not supported.*secp256k1 \(1\.3\.132\.0\.10\)/,
    ],
    [
      'a P-384 PKCS#8 key',
      () => generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      /curve 1\.3\.132\.0\.34 \(secp384r1\/P-384\)/,
    ],
    [
      'an RSA key',
      () => generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      /1\.2\.840\.113549\.1\.1\.1 \(RSA\) is not an EC key/,
    ],
    ['an Ed25519 key', () => generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), /1\.3\.101\.112 is not an EC key/],
    [
      'an encrypted PKCS#8 key',
      () =>
        generateKeyPairSync('ec', { namedCurve: 'secp256k1' })
          .privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'x' })
          .toString(),
      /encrypted PKCS#8/,
    ],
    ['a truncated SEC1 key', () => Buffer.from(sdkKeyText, 'base64').subarray(0, 60).toString('base64'), /not a readable key .*truncated|runs past/],
    ['a certificate', () => readFileSync(SDK_CERT_PEM, 'utf8'), /neither a SEC1 ECPrivateKey nor a PKCS#8/],
  ];
  it.each(cases)('refuses %s', (_name, make, pattern) => {
    const input = make();
    let message = '';
    try {
      parsePrivateKey(input);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(pattern);
    expect(message.startsWith('private key:')).toBe(true);
    const text = typeof input === 'string' ? input : Buffer.from(input).toString('base64');
    const body = text.replace(/-----[^-]+-----|\s/g, '');
    for (let i = 0; i + 12 <= body.length; i += 6) expect(message).not.toContain(body.slice(i, i + 12));
  });

  it('refuses a SEC1 key whose embedded public key belongs to another key', () => {
    const der = Buffer.from(sdkKeyText, 'base64');
    const other = publicKeyFromPrivate(randomPrivateKey());
    const tampered = Buffer.concat([der.subarray(0, der.length - 65), Buffer.from(other)]);
    expect(() => parsePrivateKey(new Uint8Array(tampered))).toThrow(/does not belong to the private key/);
  });

  it('refuses a zero scalar and a scalar longer than 32 bytes', () => {
    const sec1 = (scalar: Uint8Array) => derSequence(derInteger(1n), derOctetString(scalar), derContext(0, derOid(OID.secp256k1)));
    expect(() => parsePrivateKey(sec1(new Uint8Array(32)))).toThrow(/outside 1\.\.n-1/);
    expect(() => parsePrivateKey(sec1(new Uint8Array(33).fill(1)))).toThrow(/longer than 32 bytes/);
    // a short scalar (leading zeros dropped by some encoders) is left-padded
    expect(parsePrivateKey(sec1(Uint8Array.of(7)))).toEqual(Uint8Array.from([...new Uint8Array(31), 7]));
  });

  it('refuses a SEC1 key that does not state its curve', () => {
    expect(() => parsePrivateKey(derSequence(derInteger(1n), derOctetString(new Uint8Array(32).fill(1))))).toThrow(/curve is not stated/);
  });
});

describe('encodeSec1PrivateKeyPem and encodeSpki', () => {
  it('writes the SEC1 PEM byte for byte as openssl ec does', () => {
    const scalar = parsePrivateKey(sdkKeyText);
    const ours = encodeSec1PrivateKeyPem(scalar);
    const theirs = execFileSync('openssl', ['ec', '-inform', 'PEM'], { input: sdkSec1Pem, stdio: ['pipe', 'pipe', 'ignore'] }).toString();
    expect(ours).toBe(theirs);
    // and the SDK file body is exactly our DER
    expect(Buffer.from(encodeSec1PrivateKey(scalar)).toString('base64')).toBe(sdkKeyText.trim());
    const fresh = randomPrivateKey();
    expect(nodeScalar(encodeSec1PrivateKeyPem(fresh))).toBe(bytesToHex(fresh));
  });

  it('encodes the 88-byte secp256k1 SubjectPublicKeyInfo of QR tag 8 as node:crypto does', () => {
    const scalar = randomPrivateKey();
    const spki = encodeSpki(publicKeyFromPrivate(scalar));
    expect(spki.length).toBe(88);
    expect(bytesToHex(spki.subarray(0, 24))).toBe('3056301006072a8648ce3d020106052b8104000a03420004');
    const viaNode = createPublicKey(createPrivateKey(encodeSec1PrivateKeyPem(scalar))).export({ format: 'der', type: 'spki' });
    expect(spki).toEqual(new Uint8Array(viaNode));
    const cert = parseCertificate(readFileSync(SDK_CERT_PEM, 'utf8'));
    expect(encodeSpki(cert.publicKey)).toEqual(cert.spki);
    // compressed input is accepted and expanded
    const compressed = Uint8Array.from([cert.publicKey[64]! & 1 ? 3 : 2, ...cert.publicKey.subarray(1, 33)]);
    expect(encodeSpki(compressed)).toEqual(cert.spki);
    expect(parseSpki(spki).curveOid).toBe('1.3.132.0.10');
  });

  it('refuses points that are not on secp256k1 and scalars out of range', () => {
    const bad = new Uint8Array(65).fill(1);
    bad[0] = 4;
    expect(() => encodeSpki(bad)).toThrow(/not a valid secp256k1 public key point/);
    expect(() => encodeSec1PrivateKeyPem(new Uint8Array(32))).toThrow(/valid 32-byte secp256k1 scalar/);
  });
});
