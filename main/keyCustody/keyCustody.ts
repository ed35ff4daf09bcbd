// SPDX-License-Identifier: UNLICENSED
// Custody of the EGS private key (reference §8: secp256k1, "private key non-exportable", SEC-1.1 req. 6).
// The key is generated here, in the main process, with @noble/curves (Electron's BoringSSL has no secp256k1), and
// goes straight into the OS keychain as base64 of its SEC1 DER — the form of the SDK's ec-secp256k1-priv-key.pem
// and the form OpenSSL wrote for terminals onboarded before, so their keys load unchanged. It is never written to
// disk. Callers get a signing function and the public key; nothing here returns private key bytes.
//
// The key is read from the keychain when a signature is needed and parsed once into a SigningKey, kept for
// `holdMs` after the last use, then destroyed (its scalar copy zeroed); a sale does not pay a keychain round trip,
// an idle terminal holds nothing. DER buffers and parsed scalars are zeroed after use. What cannot be zeroed: the
// base64 text the keychain returns (a JavaScript string) and the bigints noble derives inside a signature; both
// are dropped at once and left to the collector (app/crypto/signingKey.ts says more).
import type { MessageSigner } from '../../app/crypto/ecdsa';
import { sha256Hex } from '../../app/crypto/sha256';
import { createSigningKey, generateScalar, type SigningKey } from '../../app/crypto/signingKey';
import { encodeSec1PrivateKey, parsePrivateKey } from '../../app/keys/privateKey';
import { encodeSpki } from '../../app/keys/spki';
import { base64ToBytes, bytesToBase64 } from '../../app/bytes/base64';
import { DukkanError } from '../../app/errors/index';
import type { SecretStore } from '../../native/keychain/secretStore';
import type { FatooraEnvironment } from '../fatoora/environment';

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
export class DeviceKeyMissingError extends DukkanError {
  override readonly name = 'DeviceKeyMissingError';
  constructor(readonly environment: FatooraEnvironment) {
    super('device-key.missing', { environment });
  }
}

export const deviceKeyEntry = (environment: FatooraEnvironment): string => `${environment}/device-key`;

/** sha256 (hex) of the key's SubjectPublicKeyInfo: a public name for a key, safe to store and compare. */
export function keyFingerprint(publicKey: Uint8Array): string {
  return sha256Hex(encodeSpki(publicKey));
}

function keyFromStored(text: string, environment: FatooraEnvironment): SigningKey {
  let der: Uint8Array | undefined;
  let scalar: Uint8Array | undefined;
  try {
    der = base64ToBytes(text);
    scalar = parsePrivateKey(der);
    return createSigningKey(scalar);
  } catch {
    // the refusal names the environment only, never the bytes: the keychain entry was changed or damaged outside the app
    throw new DukkanError('device-key.invalid', { environment });
  } finally {
    der?.fill(0);
    scalar?.fill(0);
  }
}

export function createKeyCustody(secrets: SecretStore, options: KeyCustodyOptions = {}): KeyCustody {
  const holdMs = options.holdMs ?? 60_000;
  if (!Number.isInteger(holdMs) || holdMs < 0) throw new Error('keyCustody holdMs: must be an integer ≥ 0');
  const held = new Map<FatooraEnvironment, { key: SigningKey; timer: NodeJS.Timeout | undefined }>();
  const loading = new Map<FatooraEnvironment, Promise<SigningKey>>();

  const drop = (environment: FatooraEnvironment): void => {
    const h = held.get(environment);
    if (!h) return;
    if (h.timer) clearTimeout(h.timer);
    held.delete(environment);
    h.key.destroy();
  };

  const hold = (environment: FatooraEnvironment, key: SigningKey): void => {
    const h = held.get(environment);
    if (h && h.key !== key) drop(environment);
    if (h?.timer) clearTimeout(h.timer);
    const timer = setTimeout(() => drop(environment), holdMs);
    timer.unref();
    held.set(environment, { key, timer });
  };

  const readKey = async (environment: FatooraEnvironment): Promise<SigningKey> => {
    const text = await secrets.get(deviceKeyEntry(environment));
    if (text === undefined) throw new DeviceKeyMissingError(environment);
    return keyFromStored(text, environment);
  };

  /** Runs `use` with the environment's key. Concurrent first uses share one keychain read. */
  async function withKey<T>(environment: FatooraEnvironment, use: (key: SigningKey) => T): Promise<T> {
    if (holdMs === 0) {
      // nothing is held: every use reads, parses and destroys its own key
      const key = await readKey(environment);
      try {
        return use(key);
      } finally {
        key.destroy();
      }
    }
    const h = held.get(environment);
    if (h) {
      hold(environment, h.key); // used again: keep it a little longer
      return use(h.key);
    }
    let pending = loading.get(environment);
    if (!pending) {
      pending = readKey(environment).then((key) => {
        hold(environment, key);
        return key;
      });
      loading.set(environment, pending);
      pending.finally(() => loading.delete(environment)).catch(() => undefined);
    }
    const key = await pending;
    // released or wiped while this call waited: the key was destroyed, so read it again
    if (key.destroyed) return withKey(environment, use);
    return use(key);
  }

  return {
    has: async (environment) => (await secrets.get(deviceKeyEntry(environment))) !== undefined,
    async generate(environment) {
      if ((await secrets.get(deviceKeyEntry(environment))) !== undefined) {
        throw new DukkanError('device-key.exists', { environment });
      }
      const scalar = generateScalar();
      const der = encodeSec1PrivateKey(scalar);
      try {
        const key = createSigningKey(scalar);
        const publicKey = key.publicKey;
        key.destroy();
        await secrets.set(deviceKeyEntry(environment), bytesToBase64(der));
        drop(environment);
        return publicKey;
      } finally {
        der.fill(0);
        scalar.fill(0);
      }
    },
    publicKey: (environment) => withKey(environment, (key) => key.publicKey.slice()),
    signer(environment) {
      return (message) => withKey(environment, (key) => key.sign(message));
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
