// SPDX-License-Identifier: UNLICENSED
// UBL 2.1 XML for simplified and standard tax invoices (388), credit notes (381) and debit notes (383), all with the
// <Invoice> root (reference §7). Element order follows the UBL XSD (§7.1, Appendix A); values follow §7.2–7.7.
//
// The result is the unsigned document with two empty slots: <ext:UBLExtensions/> and the QR attachment. Both slots
// are excluded from the invoice hash (§1), so the stamp can fill them later without changing the hash — provided
// nothing outside them changes, which is why the slots are replaced textually, never by re-serialising.
import type { DocumentInput } from '../document/documentInput';
import { PAYMENT_MEANS_CODES } from '../document/documentInput';
import type { DocumentTotals, VatKey } from '../totals/computeTotals';
import type { Decimal } from '../money/decimal';
import { NS } from '../xml/namespaces';
import { createXmlDocument, type RootChildExclusion, type XmlDocumentFactory, type XmlDocumentSink, type XmlElementSink } from '../xml/xmlWriter';

export const TYPE_CODES = { invoice: '388', 'credit-note': '381', 'debit-note': '383' } as const;

/** Markup of the two slots, unique in the output because text content never contains a raw `<`. */
export const UBL_EXTENSIONS_SLOT = '<ext:UBLExtensions/>';
export const QR_SLOT = '<cbc:EmbeddedDocumentBinaryObject mimeCode="text/plain"/>';

export interface ChainPosition {
  /** Invoice counter value (KSA-16): +1 for every document of the EGS unit, from 1. */
  readonly icv: number;
  /** Previous invoice hash (KSA-13), base64. */
  readonly pih: string;
}

/**
 * KSA-2 "NNPNESBCG" (§7.3): subtype 01 standard / 02 simplified, then third-party, nominal, export, summary and
 * self-billed flags — all 0 for a shop's own sales (and self-billed must be 0 for simplified, BR-KSA-31).
 */
export function invoiceTypeName(profile: DocumentInput['profile']): string {
  return profile === 'standard' ? '0100000' : '0200000';
}

function amount(parent: XmlElementSink, name: string, value: Decimal, currency: string): void {
  parent.ele(`cbc:${name}`, { currencyID: currency }).txt(value.toFixed(2));
}

function taxCategory(parent: XmlElementSink, element: 'cac:TaxCategory' | 'cac:ClassifiedTaxCategory', key: VatKey, withExemption: boolean): void {
  const cat = parent.ele(element);
  cat.ele('cbc:ID').txt(key.category);
  cat.ele('cbc:Percent').txt(key.rate.toFixed(2));
  if (withExemption && key.category !== 'S') {
    // BR-KSA-69/23/24 and BR-KSA-83: Z, E and O breakdowns carry the code and a non-empty reason text
    if (key.exemptionCode) cat.ele('cbc:TaxExemptionReasonCode').txt(key.exemptionCode);
    if (key.exemptionReason) cat.ele('cbc:TaxExemptionReason').txt(key.exemptionReason);
  }
  cat.ele('cac:TaxScheme').ele('cbc:ID').txt('VAT');
}

function postalAddress(parent: XmlElementSink, a: NonNullable<DocumentInput['buyer']>['address'] | DocumentInput['seller']['address']): void {
  if (!a) return;
  // XSD order: StreetName, AdditionalStreetName, BuildingNumber, PlotIdentification, CitySubdivisionName, CityName,
  // PostalZone, CountrySubentity, Country (§7.4)
  const el = parent.ele('cac:PostalAddress');
  if (a.street) el.ele('cbc:StreetName').txt(a.street);
  if (a.additionalStreet) el.ele('cbc:AdditionalStreetName').txt(a.additionalStreet);
  if (a.building) el.ele('cbc:BuildingNumber').txt(a.building);
  if (a.plot) el.ele('cbc:PlotIdentification').txt(a.plot);
  if (a.district) el.ele('cbc:CitySubdivisionName').txt(a.district);
  if (a.city) el.ele('cbc:CityName').txt(a.city);
  if (a.postalCode) el.ele('cbc:PostalZone').txt(a.postalCode);
  if (a.province) el.ele('cbc:CountrySubentity').txt(a.province);
  el.ele('cac:Country').ele('cbc:IdentificationCode').txt(a.country);
}

function sellerParty(root: XmlElementSink, seller: DocumentInput['seller']): void {
  const party = root.ele('cac:AccountingSupplierParty').ele('cac:Party');
  party.ele('cac:PartyIdentification').ele('cbc:ID', { schemeID: seller.id.scheme }).txt(seller.id.value);
  postalAddress(party, seller.address);
  const tax = party.ele('cac:PartyTaxScheme');
  tax.ele('cbc:CompanyID').txt(seller.vatNumber);
  tax.ele('cac:TaxScheme').ele('cbc:ID').txt('VAT');
  party.ele('cac:PartyLegalEntity').ele('cbc:RegistrationName').txt(seller.name);
}

function buyerParty(root: XmlElementSink, buyer: DocumentInput['buyer']): void {
  // The element is mandatory in the XSD even when a B2C sale has no buyer details (§7.4).
  const customer = root.ele('cac:AccountingCustomerParty');
  if (!buyer || (!buyer.name && !buyer.vatNumber && !buyer.id && !buyer.address)) return;
  const party = customer.ele('cac:Party');
  if (buyer.id) party.ele('cac:PartyIdentification').ele('cbc:ID', { schemeID: buyer.id.scheme }).txt(buyer.id.value);
  postalAddress(party, buyer.address);
  if (buyer.vatNumber) {
    const tax = party.ele('cac:PartyTaxScheme');
    tax.ele('cbc:CompanyID').txt(buyer.vatNumber);
    tax.ele('cac:TaxScheme').ele('cbc:ID').txt('VAT');
  }
  if (buyer.name) party.ele('cac:PartyLegalEntity').ele('cbc:RegistrationName').txt(buyer.name);
}

function allowanceCharge(parent: XmlElementSink, charge: boolean, reason: string, value: Decimal, currency: string, key?: VatKey, reasonCode?: string): void {
  // XSD order: ChargeIndicator, AllowanceChargeReasonCode, AllowanceChargeReason, …, Amount, …, TaxCategory
  const el = parent.ele('cac:AllowanceCharge');
  el.ele('cbc:ChargeIndicator').txt(charge ? 'true' : 'false');
  // BT-105: a document-level charge without its UNTDID 7161 code draws BR-KSA-19
  if (reasonCode !== undefined) el.ele('cbc:AllowanceChargeReasonCode').txt(reasonCode);
  el.ele('cbc:AllowanceChargeReason').txt(reason);
  amount(el, 'Amount', value, currency);
  if (key) taxCategory(el, 'cac:TaxCategory', key, false);
}

/**
 * Builds the unsigned document (with the two empty slots) as an LF-only string with 4-space indentation.
 * `createDocument` is the XML writer: app/xml/xmlWriter in production; tests pass xmlbuilder2 as an oracle and
 * require the same bytes.
 */
export function buildUnsignedInvoiceXml(
  doc: DocumentInput,
  totals: DocumentTotals,
  chain: ChainPosition,
  createDocument: XmlDocumentFactory = createXmlDocument,
): string {
  return writeInvoice(doc, totals, chain, createDocument).end();
}

/**
 * The three root children the invoice hash leaves out (reference §1), as this builder writes them — its prefixes
 * are bound on the root to the namespaces the §5 transforms name: ext:UBLExtensions, cac:Signature and the
 * cac:AdditionalDocumentReference whose cbc:ID is QR. app/stamp/invoiceHash.ts states the same rule by namespace
 * for any parsed document.
 */
const HASH_EXCLUDED: RootChildExclusion = (name, childText) =>
  name === 'ext:UBLExtensions' || name === 'cac:Signature' || (name === 'cac:AdditionalDocumentReference' && childText('cbc:ID') === 'QR');

export interface UnsignedInvoice {
  /** The unsigned document with its two slots, as buildUnsignedInvoiceXml returns it. */
  readonly xml: string;
  /** What the invoice hash is computed over: C14N 1.1 with the excluded blocks removed (reference §1). */
  readonly canonical: string;
}

/** The unsigned document and, from the same tree, its canonical form for the invoice hash. */
export function buildUnsignedInvoice(doc: DocumentInput, totals: DocumentTotals, chain: ChainPosition): UnsignedInvoice {
  const written = writeInvoice(doc, totals, chain, createXmlDocument);
  const canonical = written.canonical?.(HASH_EXCLUDED);
  if (canonical === undefined) throw new Error('the UBL writer could not canonicalise the document it wrote');
  return { xml: written.end(), canonical };
}

function writeInvoice(doc: DocumentInput, totals: DocumentTotals, chain: ChainPosition, createDocument: XmlDocumentFactory): XmlDocumentSink {
  if (!Number.isSafeInteger(chain.icv) || chain.icv < 1) throw new RangeError(`icv must be a positive integer (BR-KSA-33), got ${chain.icv}`);
  const currency = doc.currency;
  const xml = createDocument(NS.inv, 'Invoice', {
    'xmlns:cac': NS.cac,
    'xmlns:cbc': NS.cbc,
    'xmlns:ext': NS.ext,
  });
  const root = xml.root;
  root.ele('ext:UBLExtensions');
  root.ele('cbc:ProfileID').txt('reporting:1.0');
  root.ele('cbc:ID').txt(doc.number);
  root.ele('cbc:UUID').txt(doc.uuid.toLowerCase());
  root.ele('cbc:IssueDate').txt(doc.issueDate);
  root.ele('cbc:IssueTime').txt(doc.issueTime);
  root.ele('cbc:InvoiceTypeCode', { name: invoiceTypeName(doc.profile) }).txt(TYPE_CODES[doc.kind]);
  if (doc.note) root.ele('cbc:Note', { languageID: 'ar' }).txt(doc.note);
  root.ele('cbc:DocumentCurrencyCode').txt(currency);
  root.ele('cbc:TaxCurrencyCode').txt('SAR'); // BR-KSA-68, BR-KSA-EN16931-02
  if (doc.billingReference) {
    const ref = root.ele('cac:BillingReference').ele('cac:InvoiceDocumentReference');
    ref.ele('cbc:ID').txt(doc.billingReference.number);
    if (doc.billingReference.issueDate) ref.ele('cbc:IssueDate').txt(doc.billingReference.issueDate);
  }
  const icv = root.ele('cac:AdditionalDocumentReference');
  icv.ele('cbc:ID').txt('ICV');
  icv.ele('cbc:UUID').txt(String(chain.icv));
  const pih = root.ele('cac:AdditionalDocumentReference');
  pih.ele('cbc:ID').txt('PIH');
  pih.ele('cac:Attachment').ele('cbc:EmbeddedDocumentBinaryObject', { mimeCode: 'text/plain' }).txt(chain.pih);
  const qr = root.ele('cac:AdditionalDocumentReference');
  qr.ele('cbc:ID').txt('QR');
  qr.ele('cac:Attachment').ele('cbc:EmbeddedDocumentBinaryObject', { mimeCode: 'text/plain' });
  const signature = root.ele('cac:Signature'); // BR-KSA-30
  signature.ele('cbc:ID').txt('urn:oasis:names:specification:ubl:signature:Invoice');
  signature.ele('cbc:SignatureMethod').txt('urn:oasis:names:specification:ubl:dsig:enveloped:xades');
  sellerParty(root, doc.seller);
  buyerParty(root, doc.buyer);
  // KSA-5 supply date: required for standard invoices (BR-KSA-15), optional otherwise
  const supplyDate = doc.supplyDate ?? (doc.profile === 'standard' && doc.kind === 'invoice' ? doc.issueDate : undefined);
  if (supplyDate) root.ele('cac:Delivery').ele('cbc:ActualDeliveryDate').txt(supplyDate);
  for (const means of doc.paymentMeans) {
    const pm = root.ele('cac:PaymentMeans');
    pm.ele('cbc:PaymentMeansCode').txt(means in PAYMENT_MEANS_CODES ? PAYMENT_MEANS_CODES[means as keyof typeof PAYMENT_MEANS_CODES] : means);
    // KSA-10, BR-KSA-17: every PaymentMeans of a note carries the reason
    if (doc.kind !== 'invoice' && doc.reason) pm.ele('cbc:InstructionNote').txt(doc.reason);
  }
  for (const a of totals.allowances) allowanceCharge(root, false, a.input.reason, a.amount, currency, a.vatKey);
  for (const c of totals.charges) allowanceCharge(root, true, c.input.reason, c.amount, currency, c.vatKey, c.reasonCode);
  // Two TaxTotals (§7.6, BR-KSA-EN16931-08/09): first the SAR total alone (BT-111), then the breakdown (BT-110)
  amount(root.ele('cac:TaxTotal'), 'TaxAmount', totals.vat, 'SAR');
  const taxTotal = root.ele('cac:TaxTotal');
  amount(taxTotal, 'TaxAmount', totals.vat, currency);
  for (const cat of totals.categories) {
    const sub = taxTotal.ele('cac:TaxSubtotal');
    amount(sub, 'TaxableAmount', cat.taxable, currency);
    amount(sub, 'TaxAmount', cat.vat, currency);
    taxCategory(sub, 'cac:TaxCategory', cat.vatKey, true);
  }
  const lmt = root.ele('cac:LegalMonetaryTotal');
  amount(lmt, 'LineExtensionAmount', totals.lineExtension, currency);
  amount(lmt, 'TaxExclusiveAmount', totals.taxExclusive, currency);
  amount(lmt, 'TaxInclusiveAmount', totals.taxInclusive, currency);
  if (totals.allowances.length > 0) amount(lmt, 'AllowanceTotalAmount', totals.allowanceTotal, currency);
  if (totals.charges.length > 0) amount(lmt, 'ChargeTotalAmount', totals.chargeTotal, currency);
  if (!totals.payableRounding.isZero()) amount(lmt, 'PayableRoundingAmount', totals.payableRounding, currency);
  amount(lmt, 'PayableAmount', totals.payable, currency);
  for (const line of totals.lines) {
    const el = root.ele('cac:InvoiceLine');
    el.ele('cbc:ID').txt(line.id);
    el.ele('cbc:InvoicedQuantity', { unitCode: line.input.unitCode }).txt(line.quantity.toMinimal());
    amount(el, 'LineExtensionAmount', line.net, currency);
    if (line.allowance && line.input.discount) allowanceCharge(el, false, line.input.discount.reason, line.allowance, currency);
    // KSA-11/KSA-12: line VAT and line amount with VAT (BR-KSA-51), present on every SDK simplified sample
    const lineTax = el.ele('cac:TaxTotal');
    amount(lineTax, 'TaxAmount', line.vat, currency);
    amount(lineTax, 'RoundingAmount', line.inclusive, currency);
    const item = el.ele('cac:Item');
    item.ele('cbc:Name').txt(line.input.name);
    if (line.input.itemCode) item.ele('cac:SellersItemIdentification').ele('cbc:ID').txt(line.input.itemCode);
    taxCategory(item, 'cac:ClassifiedTaxCategory', line.vatKey, false);
    // unit prices keep their own precision (XML-1.2 §7.3); every other amount has 2 decimals
    el.ele('cac:Price').ele('cbc:PriceAmount', { currencyID: currency }).txt(line.netUnitPrice.toMinimal(2));
  }
  return xml;
}
