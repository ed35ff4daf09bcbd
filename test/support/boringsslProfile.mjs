// SPDX-License-Identifier: UNLICENSED
// Makes node:crypto behave as it does inside Electron, whose Node is built on BoringSSL: only the four NIST curves
// exist, and every secp256k1 operation — key generation, import (PEM, DER, JWK), signing, verifying, ECDH —
// throws ERR_OSSL_UNKNOWN_GROUP with BoringSSL's message; and only BoringSSL's ciphers exist (no chacha20-poly1305,
// no AES-CCM). Loaded into every test process and every process a test starts (`--import` through NODE_OPTIONS, set
// by vitest.config.ts), so the whole suite proves that no product path needs OpenSSL's secp256k1 or one of its
// ciphers. Named ESM exports are refreshed with module.syncBuiltinESMExports(), so
// `import { sign } from 'node:crypto'` sees the same functions as `require('crypto').sign`.
//
// Tests that want OpenSSL as an independent oracle take the untouched functions from test/support/opensslOracle.ts.
import crypto from 'node:crypto';
import module from 'node:module';
import util from 'node:util';

const ORACLE = Symbol.for('dukkan.test.opensslOracle');
const ACTIVE = Symbol.for('dukkan.test.boringsslProfile');

if (!globalThis[ACTIVE]) {
  const original = {
    getCurves: crypto.getCurves,
    generateKeyPair: crypto.generateKeyPair,
    generateKeyPairSync: crypto.generateKeyPairSync,
    createPrivateKey: crypto.createPrivateKey,
    createPublicKey: crypto.createPublicKey,
    createSign: crypto.createSign,
    createVerify: crypto.createVerify,
    sign: crypto.sign,
    verify: crypto.verify,
    createECDH: crypto.createECDH,
    diffieHellman: crypto.diffieHellman,
    X509Certificate: crypto.X509Certificate,
    getCiphers: crypto.getCiphers,
    createCipheriv: crypto.createCipheriv,
    createDecipheriv: crypto.createDecipheriv,
  };
  const convertKey = crypto.ECDH.convertKey;
  globalThis[ORACLE] = Object.freeze({ ...original });

  // BoringSSL's curve list (EC_get_builtin_curves), in Node's naming
  const CURVES = ['prime256v1', 'secp224r1', 'secp384r1', 'secp521r1'];
  const K1_NAMES = new Set(['secp256k1', 'SECP256K1', 'K-256', 'P-256K']);

  const unknownGroup = () => {
    const error = new Error('error:0f00007b:elliptic curve routines:OPENSSL_internal:UNKNOWN_GROUP');
    Object.assign(error, { library: 'elliptic curve routines', function: 'OPENSSL_internal', reason: 'UNKNOWN_GROUP', code: 'ERR_OSSL_UNKNOWN_GROUP' });
    return error;
  };
  const isK1Key = (key) => key instanceof crypto.KeyObject && key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'secp256k1';
  const refuseK1Key = (key) => {
    if (isK1Key(key)) throw unknownGroup();
    return key;
  };
  /** The key a sign/verify call would use, as OpenSSL reads it (so every input form is covered). */
  const keyOf = (input, kind) => {
    if (input instanceof crypto.KeyObject) return input;
    const inner = input && typeof input === 'object' && !ArrayBuffer.isView(input) && 'key' in input ? input.key : input;
    if (inner instanceof crypto.KeyObject) return inner;
    try {
      return kind === 'private' ? original.createPrivateKey(input) : original.createPublicKey(input);
    } catch {
      return undefined; // let the real function report its own error
    }
  };

  crypto.getCurves = () => [...CURVES];
  crypto.generateKeyPairSync = function generateKeyPairSync(type, options) {
    if (type === 'ec' && K1_NAMES.has(options?.namedCurve)) throw unknownGroup();
    return original.generateKeyPairSync.apply(this, arguments);
  };
  const generateKeyPair = function generateKeyPair(type, options, callback) {
    if (type === 'ec' && K1_NAMES.has(options?.namedCurve)) {
      if (typeof callback !== 'function') throw unknownGroup();
      const error = unknownGroup();
      process.nextTick(() => callback(error));
      return;
    }
    return original.generateKeyPair.apply(this, arguments);
  };
  generateKeyPair[util.promisify.custom] = (type, options) =>
    new Promise((resolve, reject) =>
      generateKeyPair(type, options, (error, publicKey, privateKey) => (error ? reject(error) : resolve({ publicKey, privateKey }))),
    );
  crypto.generateKeyPair = generateKeyPair;
  crypto.createPrivateKey = function createPrivateKey() {
    return refuseK1Key(original.createPrivateKey.apply(this, arguments));
  };
  crypto.createPublicKey = function createPublicKey(input) {
    if (isK1Key(input) || isK1Key(input?.key)) throw unknownGroup();
    return refuseK1Key(original.createPublicKey.apply(this, arguments));
  };
  crypto.sign = function sign(algorithm, data, key) {
    refuseK1Key(keyOf(key, 'private'));
    return original.sign.apply(this, arguments);
  };
  crypto.verify = function verify(algorithm, data, key) {
    refuseK1Key(keyOf(key, 'public'));
    return original.verify.apply(this, arguments);
  };
  crypto.createSign = function createSign() {
    const signer = original.createSign.apply(this, arguments);
    const realSign = signer.sign;
    signer.sign = function (key) {
      refuseK1Key(keyOf(key, 'private'));
      return realSign.apply(this, arguments);
    };
    return signer;
  };
  crypto.createVerify = function createVerify() {
    const verifier = original.createVerify.apply(this, arguments);
    const realVerify = verifier.verify;
    verifier.verify = function (key) {
      refuseK1Key(keyOf(key, 'public'));
      return realVerify.apply(this, arguments);
    };
    return verifier;
  };
  crypto.createECDH = function createECDH(curve) {
    if (K1_NAMES.has(curve)) throw unknownGroup();
    return original.createECDH.apply(this, arguments);
  };
  crypto.diffieHellman = function diffieHellman(options) {
    refuseK1Key(options?.privateKey);
    refuseK1Key(options?.publicKey);
    return original.diffieHellman.apply(this, arguments);
  };
  // a static of the class itself, so the oracle sees this one too (no test uses it)
  crypto.ECDH.convertKey = function (key, curve) {
    if (K1_NAMES.has(curve)) throw unknownGroup();
    return convertKey.apply(this, arguments);
  };
  // A certificate still parses (BoringSSL reads X.509 without the group); its secp256k1 key does not load.
  crypto.X509Certificate = class X509Certificate extends original.X509Certificate {
    get publicKey() {
      return refuseK1Key(super.publicKey);
    }
    verify(publicKey) {
      refuseK1Key(publicKey);
      return super.verify(publicKey);
    }
    checkPrivateKey(privateKey) {
      refuseK1Key(privateKey);
      return super.checkPrivateKey(privateKey);
    }
  };
  // BoringSSL's ciphers as Electron's node:crypto lists them (getCiphers()); any other name — chacha20-poly1305,
  // aes-*-ccm, aes-*-ocb, aes*-wrap — is "Unknown cipher" there. The backup encryption (main/backup) needs
  // aes-256-gcm, which is in the list.
  const CIPHERS = [
    'aes-128-cbc',
    'aes-128-cfb',
    'aes-128-ctr',
    'aes-128-ecb',
    'aes-128-gcm',
    'aes-128-ofb',
    'aes-192-cbc',
    'aes-192-ctr',
    'aes-192-ecb',
    'aes-192-gcm',
    'aes-192-ofb',
    'aes-256-cbc',
    'aes-256-cfb',
    'aes-256-ctr',
    'aes-256-ecb',
    'aes-256-gcm',
    'aes-256-ofb',
    'des-cbc',
    'des-ecb',
    'des-ede',
    'des-ede-cbc',
    'des-ede3-cbc',
    'rc2-cbc',
    'rc4',
  ];
  const unknownCipher = () => Object.assign(new Error('Unknown cipher'), { code: 'ERR_CRYPTO_UNKNOWN_CIPHER' });
  crypto.getCiphers = () => [...CIPHERS];
  crypto.createCipheriv = function createCipheriv(name) {
    if (!CIPHERS.includes(String(name).toLowerCase())) throw unknownCipher();
    return original.createCipheriv.apply(this, arguments);
  };
  crypto.createDecipheriv = function createDecipheriv(name) {
    if (!CIPHERS.includes(String(name).toLowerCase())) throw unknownCipher();
    return original.createDecipheriv.apply(this, arguments);
  };
  module.syncBuiltinESMExports();
  globalThis[ACTIVE] = true;
}
