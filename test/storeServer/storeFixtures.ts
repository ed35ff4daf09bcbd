// SPDX-License-Identifier: UNLICENSED
// What the store-server tests push: documents shaped as a till pushes them (app/contract/storeSync.ts), chained by
// hash like a real ledger (each PIH is the previous document's hash, reference §11) and signed with a certificate of
// their chain's own, and a manager/terminal pair.
import { createHash, randomUUID } from 'node:crypto';
import { bytesToBase64 } from '../../app/bytes/base64';
import type { PushedDocument } from '../../app/contract/storeSync';
import { createSigningKey, type SigningKey } from '../../app/crypto/signingKey';
import { computeInvoiceHash, invoiceHashBytes } from '../../app/stamp/invoiceHash';
import { signatureBlockXml } from '../../app/stamp/signatureBlock';
import { NS } from '../../app/xml/namespaces';
import { createTestEgs, type TestEgs } from '../support/testCertificate';
import { enrolTerminal, newTerminalKey, type StoreCredentials } from '../../main/storeSync/storeClient';
import { managerFetch } from './managerFetch';

const sha = (text: string) => createHash('sha256').update(text).digest('base64');

const LINE = (n: number) =>
  `  <cac:InvoiceLine><cbc:ID>${n}</cbc:ID><cbc:InvoicedQuantity unitCode="PCE">2</cbc:InvoicedQuantity><cbc:LineExtensionAmount currencyID="SAR">33.33</cbc:LineExtensionAmount><cac:Item><cbc:Name>حليب طازج | Fresh milk ${n}</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>15.00</cbc:Percent></cac:ClassifiedTaxCategory></cac:Item><cac:Price><cbc:PriceAmount currencyID="SAR">16.665</cbc:PriceAmount></cac:Price></cac:InvoiceLine>\n`;

/** A signer of its own per chain label, as each till's chain has its own CSID (reference §11). */
const egsByChain = new Map<string, { egs: TestEgs; key: SigningKey }>();
export function chainEgs(chain: string): { egs: TestEgs; key: SigningKey } {
  let entry = egsByChain.get(chain);
  if (!entry) {
    const egs = createTestEgs();
    entry = { egs, key: createSigningKey(egs.privateKey) };
    egsByChain.set(chain, entry);
  }
  return entry;
}

const SLOT = '<ext:UBLExtensions/>';

/**
 * A UBL document shaped like a stamped one (root, number, UUID, ICV, PIH, QR, five lines), about the size of a real
 * one, with a real signature: ds:SignatureValue is `signer`'s ECDSA signature over the invoice hash and
 * ds:X509Certificate its certificate — what the server's own check reads, hashes and verifies
 * (server/pushedXmlCheck.ts). The SignedProperties and QR are stand-ins the server does not check.
 */
export function fixtureXml(
  d: { number: string; uuid: string; icv: number; pih: string; qr: string; issueDate: string },
  signer: { egs: TestEgs; key: SigningKey } = chainEgs('fixture'),
): string {
  const unsigned = `<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="${NS.inv}" xmlns:cac="${NS.cac}" xmlns:cbc="${NS.cbc}" xmlns:ext="${NS.ext}">
  ${SLOT}
  <cbc:ProfileID>reporting:1.0</cbc:ProfileID>
  <cbc:ID>${d.number}</cbc:ID>
  <cbc:UUID>${d.uuid}</cbc:UUID>
  <cbc:IssueDate>${d.issueDate}</cbc:IssueDate>
  <cac:AdditionalDocumentReference><cbc:ID>ICV</cbc:ID><cbc:UUID>${d.icv}</cbc:UUID></cac:AdditionalDocumentReference>
  <cac:AdditionalDocumentReference><cbc:ID>PIH</cbc:ID><cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode="text/plain">${d.pih}</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>
  <cac:AdditionalDocumentReference><cbc:ID>QR</cbc:ID><cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode="text/plain">${d.qr}</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>
${[1, 2, 3, 4, 5].map(LINE).join('')}</Invoice>
`;
  // the signature block is outside the hash (reference §1): hash the document with the empty slot, then fill it
  const hash = invoiceHashBytes(unsigned);
  const block = signatureBlockXml(
    {
      invoiceHash: bytesToBase64(hash),
      signedPropertiesXml: '<xades:SignedProperties Id="xadesSignedProperties"/>',
      signedPropertiesDigest: bytesToBase64(hash),
      signatureValue: bytesToBase64(signer.key.sign(hash)),
      certificate: signer.egs.certificate.base64Der,
    },
    '  ',
  );
  return unsigned.replace(SLOT, block);
}

/** `count` chained documents of `chain` from `fromIcv`, after a document whose hash is `pih`. */
export function chainedDocuments(
  chain: string,
  fromIcv: number,
  count: number,
  pih = sha('genesis'),
  day = '2026-12-01',
  signer = chainEgs(chain),
): PushedDocument[] {
  const docs: PushedDocument[] = [];
  let previous = pih;
  for (let i = 0; i < count; i++) {
    const icv = fromIcv + i;
    const uuid = randomUUID();
    const number = `${chain.slice(0, 4).toUpperCase()}-${String(icv).padStart(6, '0')}`;
    const qr = Buffer.from(`qr-${chain}-${icv}`).toString('base64');
    const xml = fixtureXml({ number, uuid, icv, pih: previous, qr, issueDate: day }, signer);
    const hash = computeInvoiceHash(xml);
    docs.push({
      chain,
      icv,
      uuid,
      number,
      kind: 'invoice',
      profile: 'simplified',
      issueDate: day,
      issueTime: '10:15:00',
      issuedAt: `${day}T07:15:00.000Z`,
      cashier: 'Noura',
      hash,
      pih: previous,
      qr,
      xml,
      totals: { taxExclusive: '100.00', vat: '15.00', taxInclusive: '115.00' },
      vatBreakdown: [{ category: 'S', rate: '15', taxable: '100.00', vat: '15.00' }],
      payments: [{ means: icv % 2 === 0 ? 'card' : 'cash', amount: '115.00' }],
    });
    previous = hash;
  }
  return docs;
}

export async function managerCall(
  url: string,
  token: string,
  path: string,
  body: unknown,
): Promise<{ status: number; body: any }> /* eslint-disable-line @typescript-eslint/no-explicit-any -- JSON answers read by the tests */ {
  const response = await managerFetch(new URL(path, url), { method: 'POST', body: JSON.stringify(body), headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.json() };
}

/** A terminal enrolled with a fresh key through a code the manager made. */
export async function enrolledTerminal(url: string, token: string, branch: string, terminalName: string): Promise<StoreCredentials> {
  const code = await managerCall(url, token, '/manager/api/codes', { branch, terminalName });
  const secretKey = newTerminalKey();
  const answer = await enrolTerminal(url, code.body.value.code, secretKey);
  return { url, terminalId: answer.terminalId, secretKey, fingerprint: answer.fingerprint };
}

/** The DukkanError a call rejects with; fails the test when it resolves. */
export async function refusalOf(run: () => Promise<unknown>): Promise<{ code: string; params: Record<string, unknown> }> {
  try {
    await run();
  } catch (e) {
    return e as { code: string; params: Record<string, unknown> };
  }
  throw new Error('expected a refusal, but the call succeeded');
}
