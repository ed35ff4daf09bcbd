// SPDX-License-Identifier: UNLICENSED
// Shared pieces of the Fatoora client/simulator tests: an EGS unit (key + CSR), documents signed by the engine with
// a CSID's certificate, and the onboarding sequence of reference §10 driven through the real client.
import { expect } from 'vitest';
import { privateKeySigner, randomPrivateKey } from '../../app/crypto/ecdsa';
import { buildCsr, type BuiltCsr, type CsrConfig } from '../../app/csr/index';
import { parseDocumentInput, type DocumentInputJson } from '../../app/document/documentInput';
import { buildAndStamp, type StampedDocument } from '../../app/engine/buildAndStamp';
import { INITIAL_PIH } from '../../app/stamp/invoiceHash';
import { riyadhDateTime } from '../../app/time/riyadhTime';
import { parseCertificate } from '../../app/x509/index';
import {
  createFatooraClient,
  type FatooraClient,
  type FatooraClientOptions,
  type FatooraCredentials,
  type FatooraOutcome,
  type InvoiceSubmission,
  type IssuedCsid,
} from '../../main/fatoora/index';
import { Secret } from '../../main/log/secret';
import type { FatooraSimulator, ZatcaEnvironment } from '../../main/fatooraSimulator/index';
import { creditNote, debitNote, SELLER, simplifiedInvoice, standardInvoice } from '../fixtures/documents';

export const SELLER_VAT: string = SELLER.vatNumber;

/** The documents' clock (app/time): date and time in Riyadh, as the document JSON wants them. */
export { riyadhDateTime };

export function egsConfig(environment: ZatcaEnvironment, overrides: Partial<CsrConfig> = {}): CsrConfig {
  return {
    commonName: 'POS-Riyadh-01',
    serialNumber: '1-Dukkan|2-POS|3-0f6a1b2c-7d8e-4f90-a1b2-c3d4e5f60718',
    organizationIdentifier: SELLER_VAT,
    organizationUnitName: 'Riyadh Branch',
    organizationName: 'Dukkan Retail Store',
    countryName: 'SA',
    invoiceType: '0100',
    locationAddress: 'RRRD2929',
    industryBusinessCategory: 'Retail',
    environment,
    ...overrides,
  };
}

export interface Egs {
  readonly privateKey: Uint8Array;
  readonly csr: BuiltCsr;
}

export function newEgs(environment: ZatcaEnvironment, overrides: Partial<CsrConfig> = {}): Egs {
  const privateKey = randomPrivateKey();
  return { privateKey, csr: buildCsr(egsConfig(environment, overrides), privateKey) };
}

/** Signs a document with the engine, using the CSID's certificate and the EGS key. */
export function signWith(credentials: FatooraCredentials, egs: Egs, json: DocumentInputJson, chain = { icv: 1, pih: INITIAL_PIH }): Promise<StampedDocument> {
  return buildAndStamp(parseDocumentInput(json), chain, {
    certificate: parseCertificate(credentials.binarySecurityToken),
    sign: privateKeySigner(egs.privateKey),
  });
}

export function submissionOf(doc: StampedDocument): InvoiceSubmission {
  return { invoiceHash: doc.hash, uuid: doc.uuid, invoice: doc.bytes };
}

export function clientFor(sim: FatooraSimulator, environment: ZatcaEnvironment = 'simulation', options: Partial<FatooraClientOptions> = {}): FatooraClient {
  return createFatooraClient({ environment: 'local-simulator', baseUrl: sim.urls[environment], timeoutMs: 10_000, ...options });
}

export function expectKind<T, K extends FatooraOutcome<T>['kind']>(outcome: FatooraOutcome<T>, kind: K): Extract<FatooraOutcome<T>, { kind: K }> {
  expect(outcome.kind, JSON.stringify(outcome)).toBe(kind);
  return outcome as Extract<FatooraOutcome<T>, { kind: K }>;
}

export const OTP = new Secret('123345');

/** The three simplified compliance documents (reference §10 step 3), dated now on the simulator clock. */
export function complianceDocuments(at: Date, profile: 'simplified' | 'standard' = 'simplified'): DocumentInputJson[] {
  const when = riyadhDateTime(at);
  const reference = { number: 'T1-000001', issueDate: when.issueDate };
  if (profile === 'standard') {
    return [
      standardInvoice({ ...when, number: 'B1-000001', uuid: 'a1b2c3d4-0000-4000-8000-000000000001' }),
      standardInvoice({
        ...when,
        kind: 'credit-note',
        number: 'B1-000002',
        uuid: 'a1b2c3d4-0000-4000-8000-000000000002',
        billingReference: reference,
        reason: 'Goods returned',
      }),
      standardInvoice({
        ...when,
        kind: 'debit-note',
        number: 'B1-000003',
        uuid: 'a1b2c3d4-0000-4000-8000-000000000003',
        billingReference: reference,
        reason: 'Price undercharged',
      }),
    ];
  }
  return [simplifiedInvoice(when), creditNote({ ...when, billingReference: reference }), debitNote({ ...when, billingReference: reference })];
}

export interface Onboarded {
  readonly egs: Egs;
  readonly compliance: IssuedCsid;
  readonly production: IssuedCsid;
}

/** Reference §10 steps 1–4 through the client: CSR → CCSID → compliance documents → PCSID. */
export async function onboard(
  client: FatooraClient,
  sim: FatooraSimulator,
  environment: ZatcaEnvironment = 'simulation',
  invoiceType = '0100',
  otp = OTP,
): Promise<Onboarded> {
  const egs = newEgs(environment, { invoiceType });
  const compliance = expectKind(await client.requestComplianceCsid({ csr: egs.csr.pem, otp }), 'accepted').value;
  const docs = [
    ...(invoiceType[1] === '1' ? complianceDocuments(sim.clock.now()) : []),
    ...(invoiceType[0] === '1' ? complianceDocuments(sim.clock.now(), 'standard') : []),
  ];
  let pih = INITIAL_PIH;
  for (const [i, json] of docs.entries()) {
    const doc = await signWith(compliance.credentials, egs, json, { icv: i + 1, pih });
    pih = doc.hash;
    const outcome = await client.checkCompliance(compliance.credentials, submissionOf(doc));
    expect(['accepted', 'accepted-with-warnings'], JSON.stringify(outcome)).toContain(outcome.kind);
  }
  const production = expectKind(await client.requestProductionCsid(compliance.credentials), 'accepted').value;
  return { egs, compliance, production };
}
