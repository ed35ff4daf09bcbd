// SPDX-License-Identifier: UNLICENSED
// The keychain adapter and key custody against the real Secret Service (gnome-keyring), checked from outside with
// secret-tool and node:crypto: where the key lives, in which form, that signatures verify, that a loaded key is
// dropped from memory, and that wiping really removes it.
import { beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { openssl } from '../support/opensslOracle';
import { verifyDer } from '../../app/crypto/ecdsa';
import { encodeSpki } from '../../app/keys/spki';
import type { DukkanError } from '../../app/errors/index';
import { createKeyCustody, DeviceKeyMissingError, keyFingerprint } from '../../main/keyCustody/index';
import { createOsKeychain } from '../../native/keychain/index';
import { keychainItems, requireSecretService, secretToolLookup } from './support';
// OpenSSL as an independent oracle (node:crypto's secp256k1 is refused under the BoringSSL profile)
const { createPrivateKey, createPublicKey, generateKeyPairSync, verify: nodeVerify } = openssl;

const service = () => `dukkan-test-${randomBytes(6).toString('hex')}`;

describe('OS keychain adapter', () => {
  beforeAll(requireSecretService);

  it('stores, reads and deletes entries in the Secret Service, one service per device', async () => {
    const a = service();
    const b = service();
    const storeA = createOsKeychain({ service: a });
    const storeB = createOsKeychain({ service: b });
    expect(await storeA.get('production/device-key')).toBeUndefined();
    await storeA.set('production/device-key', 'value-a');
    await storeB.set('production/device-key', 'value-b');
    expect(await storeA.get('production/device-key')).toBe('value-a');
    expect(await storeB.get('production/device-key')).toBe('value-b');
    // independently: libsecret sees the items under their service and account
    expect(secretToolLookup(a, 'production/device-key')).toBe('value-a');
    expect(keychainItems().filter((i) => i.service === a || i.service === b)).toHaveLength(2);
    await storeA.set('production/device-key', 'replaced');
    expect(secretToolLookup(a, 'production/device-key')).toBe('replaced');
    expect(await storeA.delete('production/device-key')).toBe(true);
    expect(await storeA.delete('production/device-key')).toBe(false);
    expect(secretToolLookup(a, 'production/device-key')).toBeUndefined();
    expect(await storeB.get('production/device-key')).toBe('value-b');
    await storeB.delete('production/device-key');
  });

  it('refuses names that are not <environment>/<what> and service names with odd characters', async () => {
    const store = createOsKeychain({ service: service() });
    await expect(store.get('../other')).rejects.toThrow(/environment\/what/);
    await expect(store.set('Production/Key', 'x')).rejects.toThrow(/environment\/what/);
    await expect(store.set('production/device-key', '')).rejects.toThrow(/non-empty/);
    expect(() => createOsKeychain({ service: 'dukkan device' })).toThrow(/service name/);
  });
});

describe('key custody', () => {
  beforeAll(requireSecretService);

  it('generates a secp256k1 key into the keychain (base64 SEC1 DER) and signs with it; the API hands out no key bytes', async () => {
    const name = service();
    const custody = createKeyCustody(createOsKeychain({ service: name }));
    expect(Object.keys(custody).sort()).toEqual(['generate', 'has', 'publicKey', 'release', 'signer', 'wipe']);
    expect(await custody.has('simulation')).toBe(false);
    const publicKey = await custody.generate('simulation');
    expect(publicKey).toHaveLength(65);
    expect(await custody.has('simulation')).toBe(true);
    await expect(custody.generate('simulation')).rejects.toThrow(/already exists/);

    // outside view: the keychain holds the SEC1 DER of a secp256k1 key whose public half is the one returned
    const stored = secretToolLookup(name, 'simulation/device-key')!;
    const key = createPrivateKey({ key: Buffer.from(stored, 'base64'), format: 'der', type: 'sec1' });
    expect(key.asymmetricKeyDetails?.namedCurve).toBe('secp256k1');
    const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
    expect(Buffer.from(spki).equals(Buffer.from(encodeSpki(publicKey)))).toBe(true);
    expect(keyFingerprint(publicKey)).toMatch(/^[0-9a-f]{64}$/);

    // SHA256withECDSA over the message bytes (reference §2), DER: node:crypto and noble both verify
    const message = new Uint8Array(randomBytes(32));
    const signature = await custody.signer('simulation')(message);
    expect(nodeVerify('sha256', message, { key: createPublicKey(key), dsaEncoding: 'der' }, signature)).toBe(true);
    expect(verifyDer(signature, message, publicKey)).toBe(true);
    expect(await custody.publicKey('simulation')).toEqual(publicKey);

    // environments have their own keys
    const other = await custody.generate('production');
    expect(Buffer.from(other).equals(Buffer.from(publicKey))).toBe(false);
    await custody.wipe('production');
    await custody.wipe('simulation');
    custody.release();
  });

  it('loads a key that OpenSSL generated and stored (terminals onboarded before the signer moved to noble)', async () => {
    const name = service();
    const store = createOsKeychain({ service: name });
    // exactly what the earlier custody wrote: OpenSSL's SEC1 DER export, base64, under <environment>/device-key
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
    await store.set('production/device-key', privateKey.export({ format: 'der', type: 'sec1' }).toString('base64'));
    const custody = createKeyCustody(store);
    const point = await custody.publicKey('production');
    expect(Buffer.from(encodeSpki(point)).equals(publicKey.export({ format: 'der', type: 'spki' }))).toBe(true);
    const message = new Uint8Array(randomBytes(32));
    const signature = await custody.signer('production')(message);
    expect(nodeVerify('sha256', message, { key: publicKey, dsaEncoding: 'der' }, signature)).toBe(true);
    custody.release();
    await store.delete('production/device-key');
  });

  it('refuses a stored key that is not secp256k1, naming the structure and never the bytes', async () => {
    const name = service();
    const store = createOsKeychain({ service: name });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const stored = privateKey.export({ format: 'der', type: 'sec1' }).toString('base64');
    await store.set('simulation/device-key', stored);
    const custody = createKeyCustody(store);
    const failure = await Promise.resolve(custody.signer('simulation')(new Uint8Array(32))).catch((e: unknown) => e as Error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe('the device key stored for simulation is not a SEC1 secp256k1 private key');
    expect(failure).toMatchObject({ code: 'device-key.invalid', params: { environment: 'simulation' } });
    expect((failure as DukkanError).text('ar')).toBe('مفتاح الجهاز المحفوظ لبيئة simulation ليس مفتاحًا خاصًا صالحًا من نوع secp256k1 (SEC1)');
    await store.delete('simulation/device-key');
  });

  it('concurrent first signatures share one keychain read and all verify', async () => {
    const name = service();
    const custody = createKeyCustody(createOsKeychain({ service: name }));
    const publicKey = await custody.generate('simulation');
    const messages = Array.from({ length: 20 }, (_, i) => new Uint8Array(32).fill(i));
    const signatures = await Promise.all(messages.map((m) => custody.signer('simulation')(m)));
    signatures.forEach((sig, i) => expect(verifyDer(sig, messages[i]!, publicKey)).toBe(true));
    await custody.wipe('simulation');
  });

  it('keeps a loaded key only for holdMs and drops it on release(); holdMs 0 reads the keychain for every signature', async () => {
    const name = service();
    const store = createOsKeychain({ service: name });
    const held = createKeyCustody(store, { holdMs: 60_000 });
    const publicKey = await held.generate('local-simulator');
    const message = new Uint8Array(32);
    expect(verifyDer(await held.signer('local-simulator')(message), message, publicKey)).toBe(true);

    // the entry disappears behind the custody's back: the loaded key still signs until it is released
    const stored = (await store.get('local-simulator/device-key'))!;
    await store.delete('local-simulator/device-key');
    expect(verifyDer(await held.signer('local-simulator')(message), message, publicKey)).toBe(true);
    held.release();
    await expect(held.signer('local-simulator')(message)).rejects.toBeInstanceOf(DeviceKeyMissingError);

    await store.set('local-simulator/device-key', stored);
    const unheld = createKeyCustody(store, { holdMs: 0 });
    expect(verifyDer(await unheld.signer('local-simulator')(message), message, publicKey)).toBe(true);
    await store.delete('local-simulator/device-key');
    await expect(unheld.signer('local-simulator')(message)).rejects.toThrow(/no device key for the local-simulator environment/);
  });

  it('wipe removes the key from the keychain and from memory', async () => {
    const name = service();
    const custody = createKeyCustody(createOsKeychain({ service: name }), { holdMs: 60_000 });
    await custody.generate('developer-portal');
    await custody.signer('developer-portal')(new Uint8Array(32)); // loaded and held
    expect(await custody.wipe('developer-portal')).toBe(true);
    expect(secretToolLookup(name, 'developer-portal/device-key')).toBeUndefined();
    await expect(custody.signer('developer-portal')(new Uint8Array(32))).rejects.toBeInstanceOf(DeviceKeyMissingError);
    expect(await custody.wipe('developer-portal')).toBe(false);
  });
});
