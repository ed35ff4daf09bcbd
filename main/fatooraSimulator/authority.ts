// SPDX-License-Identifier: UNLICENSED
// The simulator's own certificate authority: a secp256k1 key and a self-signed CA certificate, created on first
// start and kept in the state folder (file mode 0600) so a restarted simulator keeps validating the certificates
// it issued. CSIDs are X.509 certificates issued by it from the CSR (app/x509 issueCertificate, which copies the
// CSR's subject, key, SAN and template name as ZATCA does, reference §8 "Issued certs").
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { randomPrivateKey } from '../../app/crypto/ecdsa';
import type { ParsedCsr } from '../../app/csr/index';
import { createCertificateAuthority, issueCertificate, parseCertificate, type Certificate } from '../../app/x509/index';
import type { StateStore } from './stateStore';

export const SIMULATOR_CA_NAME = 'DukkanSimulator-SubCA-1';
const CA_VALIDITY_YEARS = 20;

const savedSchema = z.object({ privateKeyHex: z.string().regex(/^[0-9a-f]{64}$/), certificate: z.string() });

export interface SimulatorAuthority {
  readonly certificate: Certificate;
  issue(csr: ParsedCsr, notBefore: Date, notAfter: Date): Certificate;
}

function randomSerial(): bigint {
  // ZATCA serials are large positive integers; 16 random bytes with the top bit cleared stay within 20 octets
  const bytes = randomBytes(16);
  bytes[0]! &= 0x7f;
  const v = BigInt(`0x${bytes.toString('hex')}`);
  return v === 0n ? 1n : v;
}

export function loadOrCreateAuthority(store: StateStore, now: Date): SimulatorAuthority {
  let saved = store.load('authority', (v) => savedSchema.parse(v), undefined);
  if (!saved) {
    const key = randomPrivateKey();
    const notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
    const notAfter = new Date(notBefore);
    notAfter.setUTCFullYear(notAfter.getUTCFullYear() + CA_VALIDITY_YEARS);
    const certificate = createCertificateAuthority({ commonName: SIMULATOR_CA_NAME, privateKey: key, notBefore, notAfter });
    saved = { privateKeyHex: Buffer.from(key).toString('hex'), certificate: certificate.base64Der };
    store.save('authority', saved);
  }
  const key = new Uint8Array(Buffer.from(saved.privateKeyHex, 'hex'));
  const certificate = parseCertificate(saved.certificate);
  return {
    certificate,
    issue: (csr, notBefore, notAfter) => issueCertificate({ csr, issuer: certificate, issuerKey: key, serialNumber: randomSerial(), notBefore, notAfter }),
  };
}
