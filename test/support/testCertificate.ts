// SPDX-License-Identifier: UNLICENSED
// A fresh EGS key and a certificate valid around "now", issued by a throwaway test CA — the SDK's dummy certificate
// expired in 2024, and the ledger refuses to sign with an expired CSID.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { privateKeySigner, randomPrivateKey } from '../../app/crypto/ecdsa';
import { buildCsr } from '../../app/csr/buildCsr';
import { parseCsr } from '../../app/csr/parseCsr';
import { encodeSec1PrivateKeyPem } from '../../app/keys/privateKey';
import { createCertificateAuthority, issueCertificate } from '../../app/x509/issueCertificate';
import type { Certificate } from '../../app/x509/parseCertificate';
import type { Signing } from '../../app/engine/buildAndStamp';

export interface TestEgs {
  readonly privateKey: Uint8Array;
  readonly certificate: Certificate;
  readonly signing: Signing;
}

const DAY = 24 * 3600 * 1000;

export function createTestEgs(options: { vatNumber?: string; validFrom?: Date; validDays?: number; invoiceType?: string } = {}): TestEgs {
  const validFrom = options.validFrom ?? new Date(Date.now() - 30 * DAY);
  const notAfter = new Date(validFrom.getTime() + (options.validDays ?? 5 * 365) * DAY);
  const caKey = randomPrivateKey();
  const ca = createCertificateAuthority({ commonName: 'DUKKAN-TEST-CA', privateKey: caKey, notBefore: validFrom, notAfter });
  const privateKey = randomPrivateKey();
  const csr = buildCsr(
    {
      commonName: 'TST-EGS-1',
      serialNumber: '1-Dukkan|2-Test|3-0001',
      organizationIdentifier: options.vatNumber ?? '399999999900003',
      organizationUnitName: 'Riyadh Branch',
      organizationName: 'Dukkan Retail Store',
      countryName: 'SA',
      invoiceType: options.invoiceType ?? '1100',
      locationAddress: 'RRRD2929',
      industryBusinessCategory: 'Retail',
      environment: 'local-simulator',
    },
    privateKey,
  );
  const certificate = issueCertificate({
    csr: parseCsr(csr.pem),
    issuer: ca,
    issuerKey: caKey,
    serialNumber: BigInt(Date.now()) * 1000n + BigInt(Math.floor(Math.random() * 1000)),
    notBefore: validFrom,
    notAfter,
  });
  return { privateKey, certificate, signing: { certificate, sign: privateKeySigner(privateKey) } };
}

/** Writes the key (PEM) and certificate (one-line base64) to a temporary folder, for CLI tests. */
export function writeTestEgsFiles(egs: TestEgs): { dir: string; key: string; cert: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-egs-'));
  const key = path.join(dir, 'egs.key.pem');
  const cert = path.join(dir, 'egs.cert');
  writeFileSync(key, encodeSec1PrivateKeyPem(egs.privateKey), { mode: 0o600 });
  writeFileSync(cert, egs.certificate.base64Der);
  return { dir, key, cert };
}
