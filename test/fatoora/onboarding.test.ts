// SPDX-License-Identifier: UNLICENSED
// The whole onboarding of reference §10 end to end, through the real client and the simulator: CSR → compliance
// CSID (OTP) → three compliance documents signed by the engine with the CCSID → production CSID → reporting of an
// invoice signed with the PCSID. The certificates the simulator issued are cross-checked with openssl and
// node:crypto, independently of our own X.509 code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { openssl } from '../support/opensslOracle';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { publicKeyFromPrivate } from '../../app/crypto/ecdsa';
import { INITIAL_PIH } from '../../app/stamp/invoiceHash';
import { verifyInvoice } from '../../app/verify/verifyInvoice';
import { certificateTextFromToken } from '../../main/fatoora/index';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import { simplifiedInvoice } from '../fixtures/documents';
import { clientFor, complianceDocuments, expectKind, newEgs, OTP, riyadhDateTime, signWith, submissionOf } from './support';
// OpenSSL as an independent oracle (node:crypto's secp256k1 is refused under the BoringSSL profile)
const { X509Certificate, verify: nodeVerify } = openssl;

const pem = (base64Der: string) => `-----BEGIN CERTIFICATE-----\n${base64Der.replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;

describe('onboarding end to end', () => {
  let sim: FatooraSimulator;
  let dir: string;

  beforeAll(async () => {
    sim = await startFatooraSimulator();
    dir = mkdtempSync(path.join(tmpdir(), 'dukkan-onboarding-'));
    writeFileSync(path.join(dir, 'ca.pem'), pem(sim.caCertificate));
  });
  afterAll(() => sim.close());

  it('CSR → CCSID → 3 compliance documents → PCSID → reported invoice', async () => {
    const client = clientFor(sim, 'simulation');
    const egs = newEgs('simulation');

    // 1–2: compliance CSID for the CSR, with the portal OTP
    const ccsid = expectKind(await client.requestComplianceCsid({ csr: egs.csr.pem, otp: OTP }), 'accepted').value;
    const ccsidText = certificateTextFromToken(ccsid.credentials.binarySecurityToken);
    const ccsidCert = new X509Certificate(Buffer.from(ccsidText, 'base64'));
    writeFileSync(path.join(dir, 'ccsid.pem'), pem(ccsidText));
    expect(execFileSync('openssl', ['verify', '-CAfile', path.join(dir, 'ca.pem'), path.join(dir, 'ccsid.pem')]).toString()).toMatch(/: OK/);
    expect(ccsidCert.subject).toContain('CN=POS-Riyadh-01');
    const text = execFileSync('openssl', ['x509', '-in', path.join(dir, 'ccsid.pem'), '-noout', '-text']).toString();
    expect(text).toMatch(/UID\s*=\s*399999999900003/);
    expect(text).toMatch(/title\s*=\s*0100/);
    expect(text).toContain('secp256k1');
    // the certificate carries the EGS key from the CSR
    const certKey = ccsidCert.publicKey.export({ format: 'jwk' });
    const egsPoint = publicKeyFromPrivate(egs.privateKey);
    expect(Buffer.from(certKey.x!, 'base64url')).toEqual(Buffer.from(egsPoint.slice(1, 33)));

    // 3: the three simplified compliance documents, one chain, signed with the CCSID
    let pih = INITIAL_PIH;
    for (const [i, json] of complianceDocuments(sim.clock.now()).entries()) {
      const doc = await signWith(ccsid.credentials, egs, json, { icv: i + 1, pih });
      pih = doc.hash;
      const r = expectKind(await client.checkCompliance(ccsid.credentials, submissionOf(doc)), 'accepted');
      expect(r.value.reportingStatus).toBe('REPORTED');
    }
    expect(sim.records.complianceSteps(ccsid.requestId)).toEqual({
      passed: ['simplified-compliant', 'simplified-credit-note-compliant', 'simplified-debit-note-compliant'],
      missing: [],
    });
    expect(sim.records.reported()).toHaveLength(0); // compliance documents are not real invoices (DISC 2080/2)

    // 4: production CSID for the compliance requestID; same key, new certificate from the same CA
    const pcsid = expectKind(await client.requestProductionCsid(ccsid.credentials), 'accepted').value;
    const pcsidText = certificateTextFromToken(pcsid.credentials.binarySecurityToken);
    writeFileSync(path.join(dir, 'pcsid.pem'), pem(pcsidText));
    expect(execFileSync('openssl', ['verify', '-CAfile', path.join(dir, 'ca.pem'), path.join(dir, 'pcsid.pem')]).toString()).toMatch(/: OK/);
    const pcsidCert = new X509Certificate(Buffer.from(pcsidText, 'base64'));
    expect(pcsidCert.serialNumber).not.toBe(ccsidCert.serialNumber);
    expect(pcsidCert.publicKey.export({ format: 'jwk' })).toEqual(certKey);
    expect(pcsid.requestId).not.toBe(ccsid.requestId);

    // reporting of an invoice signed with the PCSID
    const invoice = await signWith(
      pcsid.credentials,
      egs,
      simplifiedInvoice({ ...riyadhDateTime(sim.clock.now()), number: 'T1-000004', uuid: '7e2b8a44-6f3d-4c1e-9b0a-2d5c8e1f4a37' }),
      { icv: 4, pih },
    );
    const reported = expectKind(await client.reportInvoice(pcsid.credentials, submissionOf(invoice)), 'accepted');
    expect(reported.value.reportingStatus).toBe('REPORTED');
    const [record] = sim.records.reported();
    expect(record).toMatchObject({ invoiceHash: invoice.hash, uuid: invoice.uuid, number: 'T1-000004', icv: 4, csidRequestId: pcsid.requestId });
    expect(Buffer.from(record!.invoice, 'base64')).toEqual(Buffer.from(invoice.bytes));
    // independent check of what was reported: node:crypto verifies the signature over the hash with the PCSID key
    const signatureValue = /<ds:SignatureValue>([^<]+)</.exec(invoice.xml)![1]!;
    expect(
      nodeVerify('sha256', Buffer.from(invoice.hash, 'base64'), { key: pcsidCert.publicKey, dsaEncoding: 'der' }, Buffer.from(signatureValue, 'base64')),
    ).toBe(true);
    expect(verifyInvoice(invoice.bytes, { now: sim.clock.now() }).certificate?.base64Der).toBe(pcsidText);
  });
});
