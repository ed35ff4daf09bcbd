// SPDX-License-Identifier: UNLICENSED
// The announcement of the store server's next TLS certificate (docs/store-server.md, "Replacing the certificate"):
// accepted only when signed by the key of the pinned certificate, over exactly the fields it names.
import { describe, expect, it } from 'vitest';
import { p256 } from '@noble/curves/nist.js';
import { decodePem } from '../asn1/pem';
import { p256PrivateScalar, signTlsAnnouncement, verifyTlsAnnouncement } from './tlsAnnouncement';
import { createTlsIdentity } from './tlsCertificate';

const notBefore = new Date('2026-01-01T00:00:00Z');
const notAfter = new Date('2056-01-01T00:00:00Z');
const identity = (privateKey: Uint8Array) => createTlsIdentity({ privateKey, commonName: 'Dukkan store server', notBefore, notAfter, serial: 42n });

describe('TLS announcement', () => {
  const key = p256.utils.randomSecretKey();
  const current = identity(key);
  const next = identity(p256.utils.randomSecretKey());
  const der = decodePem(current.certificatePem)[0]!.der;
  const from = new Date('2027-01-15T03:00:00Z');

  it('reads the P-256 scalar back from the SEC1 key the server stores', () => {
    expect(p256PrivateScalar(current.privateKeyPem)).toEqual(key);
    expect(p256PrivateScalar('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n')).toBeUndefined();
  });

  it('verifies against the pinned fingerprint, and nothing else', () => {
    const a = signTlsAnnouncement({ certificateDer: der, privateKey: key, next: next.fingerprint, from });
    expect(verifyTlsAnnouncement(a, current.fingerprint)).toEqual({ next: next.fingerprint, from });
    expect(verifyTlsAnnouncement(a, next.fingerprint)).toBeUndefined(); // another pin
    expect(verifyTlsAnnouncement({ ...a, from: '2027-01-16T03:00:00.000Z' }, current.fingerprint)).toBeUndefined();
    expect(verifyTlsAnnouncement({ ...a, signature: 'not base64!' }, current.fingerprint)).toBeUndefined();
    const byAnotherKey = signTlsAnnouncement({ certificateDer: der, privateKey: p256.utils.randomSecretKey(), next: next.fingerprint, from });
    expect(verifyTlsAnnouncement(byAnotherKey, current.fingerprint)).toBeUndefined();
    // announcing the pinned certificate itself is no handover
    const toItself = signTlsAnnouncement({ certificateDer: der, privateKey: key, next: current.fingerprint, from });
    expect(verifyTlsAnnouncement(toItself, current.fingerprint)).toBeUndefined();
  });
});
