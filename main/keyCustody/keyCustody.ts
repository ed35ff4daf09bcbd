// SPDX-License-Identifier: UNLICENSED
// Custody of the EGS private key (issue 5; reference §8: secp256k1, "private key non-exportable", SEC-1.1 req. 6).
// The key is generated here, in the main process, by OpenSSL (node:crypto), and goes straight into the OS keychain
// as base64 of its SEC1 DER — the form of the SDK's ec-secp256k1-priv-key.pem. It is never written to disk.
// Callers get a signing function and the public key; nothing here returns private key bytes.
//
// The key is read from the keychain when a signature is needed and the KeyObject (whose bytes live in OpenSSL's
// memory, not on the JavaScript heap) is kept for `holdMs` after the last use, then dropped; a sale does not pay a
// keychain round trip, an idle terminal holds nothing. DER buffers are zeroed after use. The base64 text the keychain
// returns is a JavaScript string and cannot be zeroed; it is dropped at once and left to the collector.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { MessageSigner } from '../../app/crypto/ecdsa';
import { sha256Hex } from '../../app/crypto/sha256';
import { encodeSpki, parseSpki } from '../../app/keys/spki';
import type { SecretStore } from '../../native/keychain/secretStore';
import type { FatooraEnvironment } from '../fatoora/environment';
import { nodeSigner } from '../zatca/nodeSigner';

export interface KeyCustody {
  /** True when the keychain holds a device key for this environment. */
  has(environment: FatooraEnvironment): Promise<boolean>;
  /** Generates a new key pair and stores the private key; refuses when one exists (wipe it first). */
  generate(environment: FatooraEnvironment): Promise<Uint8Array>;
  /** The 65-byte uncompressed public point of the environment's key. */
  publicKey(environment: FatooraEnvironment): Promise<Uint8Array>;
  /** Signs SHA256withECDSA over the message bytes (reference §2) with the environment's key; DER output. */
  signer(environment: FatooraEnvironment): MessageSigner;
  /** Deletes the key from the keychain and from memory; true when there was one. */
  wipe(environment: FatooraEnvironment): Promise<boolean>;
  /** Drops every key held in memory now. */
  release(): void;
}

export interface KeyCustodyOptions {
  /** How long a loaded key stays in memory after its last use. Default 60 s; 0 loads it for every signature. */
  readonly holdMs?: number;
}

/** Thrown when the keychain has no key for an environment (never onboarded there, wiped, or the keychain was reset). */
export class DeviceKeyMissingError extends Error {
  override readonly name = 'DeviceKeyMissingError';
  constructor(readonly environment: FatooraEnvironment) {
    super(`the OS keychain holds no device key for the ${environment} environment`);
  }
}

export const deviceKeyEntry = (environment: FatooraEnvironment): string => `${environment}/device-key`;

/** sha256 (hex) of the key's SubjectPublicKeyInfo: a public name for a key, safe to store and compare. */
export function keyFingerprint(publicKey: Uint8Array): string {
  return sha256Hex(encodeSpki(publicKey));
}

function publicPointOf(key: KeyObject): Uint8Array {
  return parseSpki(new Uint8Array(createPublicKey(key).export({ format: 'der', type: 'spki' }))).publicKey;
}

function keyFromStored(text: string, environment: FatooraEnvironment): KeyObject {
  const der = Buffer.from(text, 'base64');
  try {
    const key = createPrivateKey({ key: der, format: 'der', type: 'sec1' });
    if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'secp256k1') throw new Error('not secp256k1');
    return key;
  } catch {
    // the reason names the structure only, never the bytes
    throw new Error(`the device key stored for ${environment} is not a SEC1 secp256k1 private key`);
  } finally {
    der.fill(0);
  }
}

export function createKeyCustody(secrets: SecretStore, options: KeyCustodyOptions = {}): KeyCustody {
  const holdMs = options.holdMs ?? 60_000;
  if (!Number.isInteger(holdMs) || holdMs < 0) throw new Error('keyCustody holdMs: must be an integer ≥ 0');
  const held = new Map<FatooraEnvironment, { key: KeyObject; timer: NodeJS.Timeout | undefined }>();
  const loading = new Map<FatooraEnvironment, Promise<KeyObject>>();

  const drop = (environment: FatooraEnvironment): void => {
    const h = held.get(environment);
    if (h?.timer) clearTimeout(h.timer);
    held.delete(environment);
  };

  const hold = (environment: FatooraEnvironment, key: KeyObject): void => {
    drop(environment);
    if (holdMs === 0) return;
    const timer = setTimeout(() => held.delete(environment), holdMs);
    timer.unref();
    held.set(environment, { key, timer });
  };

  async function load(environment: FatooraEnvironment): Promise<KeyObject> {
    const h = held.get(environment);
    if (h) {
      hold(environment, h.key); // used again: keep it a little longer
      return h.key;
    }
    const pending = loading.get(environment);
    if (pending) return pending;
    const run = (async () => {
      const text = await secrets.get(deviceKeyEntry(environment));
      if (text === undefined) throw new DeviceKeyMissingError(environment);
      const key = keyFromStored(text, environment);
      hold(environment, key);
      return key;
    })();
    loading.set(environment, run);
    try {
      return await run;
    } finally {
      loading.delete(environment);
    }
  }

  return {
    has: async (environment) => (await secrets.get(deviceKeyEntry(environment))) !== undefined,
    async generate(environment) {
      if ((await secrets.get(deviceKeyEntry(environment))) !== undefined) {
        throw new Error(`a device key for ${environment} already exists; wipe it before generating a new one`);
      }
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
      const der = privateKey.export({ format: 'der', type: 'sec1' });
      try {
        await secrets.set(deviceKeyEntry(environment), der.toString('base64'));
      } finally {
        der.fill(0);
      }
      drop(environment);
      return publicPointOf(privateKey);
    },
    publicKey: async (environment) => publicPointOf(await load(environment)),
    signer(environment) {
      return async (message) => nodeSigner(await load(environment))(message);
    },
    async wipe(environment) {
      drop(environment);
      return secrets.delete(deviceKeyEntry(environment));
    },
    release() {
      for (const environment of [...held.keys()]) drop(environment);
    },
  };
}
