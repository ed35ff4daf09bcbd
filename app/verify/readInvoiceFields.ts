// SPDX-License-Identifier: UNLICENSED
// The values the stamp checks compare, read from any ZATCA UBL document (ours or anyone's) with XPath.
import type { XmlDocument } from 'libxml2-wasm';
import { XPATH_NS } from '../xml/parseXml';
import { nodes, withQueryMemo } from '../rules/xmlQuery';

export interface InvoiceFields {
  readonly rootOk: boolean;
  readonly number?: string;
  readonly uuid?: string;
  readonly issueDate?: string;
  readonly issueTime?: string;
  readonly typeCode?: string;
  readonly typeName?: string;
  readonly icv?: string;
  readonly pih?: string;
  readonly qr?: string;
  readonly sellerName?: string;
  readonly sellerVat?: string;
  readonly taxInclusive?: string;
  readonly payable?: string;
  /** BT-110 (the TaxTotal with subtotals) and BT-111 (the TaxTotal without), as written. */
  readonly vatWithSubtotals?: string;
  readonly vatWithoutSubtotals?: string;
  readonly signature: {
    readonly present: boolean;
    readonly invoiceDigest?: string;
    readonly signedPropertiesDigest?: string;
    readonly signatureValue?: string;
    readonly certificate?: string;
    readonly certDigest?: string;
    readonly issuerName?: string;
    readonly serialNumber?: string;
    readonly signingTime?: string;
  };
}

export function firstText(doc: XmlDocument, xpath: string): string | undefined {
  // through the rules' kept compiled expressions: doc.get compiles the XPath and registers every namespace on each
  // call, which made reading these fields cost more than some whole rule checks (BENCHMARKS.md, ledger section)
  const node = nodes(doc.root, xpath)[0];
  if (!node) return undefined;
  const value = (node as { value?: unknown }).value;
  return typeof value === 'string' ? value : node.content;
}

/** BT-31, the seller's VAT number. */
export const SELLER_VAT = '/*/cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID';
const SIG = '/*/ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/sig:UBLDocumentSignatures/sac:SignatureInformation/ds:Signature';
const CERT = `${SIG}/ds:Object/xades:QualifyingProperties/xades:SignedProperties/xades:SignedSignatureProperties`;

export function readInvoiceFields(doc: XmlDocument): InvoiceFields {
  // one scope for the twenty readings: one XPath context for the document instead of one per reading
  return withQueryMemo(() => readFields(doc));
}

function readFields(doc: XmlDocument): InvoiceFields {
  const root = doc.root;
  const t = (xpath: string) => firstText(doc, xpath);
  const signaturePresent = nodes(root, SIG).length > 0;
  return {
    rootOk: root.name === 'Invoice' && root.namespaceUri === XPATH_NS.inv,
    number: t('/*/cbc:ID'),
    uuid: t('/*/cbc:UUID'),
    issueDate: t('/*/cbc:IssueDate'),
    issueTime: t('/*/cbc:IssueTime'),
    typeCode: t('/*/cbc:InvoiceTypeCode'),
    typeName: t('/*/cbc:InvoiceTypeCode/@name'),
    icv: t("/*/cac:AdditionalDocumentReference[cbc:ID='ICV']/cbc:UUID"),
    pih: t("/*/cac:AdditionalDocumentReference[cbc:ID='PIH']/cac:Attachment/cbc:EmbeddedDocumentBinaryObject"),
    qr: t("/*/cac:AdditionalDocumentReference[cbc:ID='QR']/cac:Attachment/cbc:EmbeddedDocumentBinaryObject"),
    sellerName: t('/*/cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName'),
    sellerVat: t(SELLER_VAT),
    taxInclusive: t('/*/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount'),
    payable: t('/*/cac:LegalMonetaryTotal/cbc:PayableAmount'),
    vatWithSubtotals: t('/*/cac:TaxTotal[cac:TaxSubtotal]/cbc:TaxAmount'),
    vatWithoutSubtotals: t('/*/cac:TaxTotal[not(cac:TaxSubtotal)]/cbc:TaxAmount'),
    signature: {
      present: signaturePresent,
      invoiceDigest: t(`${SIG}/ds:SignedInfo/ds:Reference[@Id='invoiceSignedData']/ds:DigestValue`),
      signedPropertiesDigest: t(`${SIG}/ds:SignedInfo/ds:Reference[@URI='#xadesSignedProperties']/ds:DigestValue`),
      signatureValue: t(`${SIG}/ds:SignatureValue`),
      certificate: t(`${SIG}/ds:KeyInfo/ds:X509Data/ds:X509Certificate`),
      certDigest: t(`${CERT}/xades:SigningCertificate/xades:Cert/xades:CertDigest/ds:DigestValue`),
      issuerName: t(`${CERT}/xades:SigningCertificate/xades:Cert/xades:IssuerSerial/ds:X509IssuerName`),
      serialNumber: t(`${CERT}/xades:SigningCertificate/xades:Cert/xades:IssuerSerial/ds:X509SerialNumber`),
      signingTime: t(`${CERT}/xades:SigningTime`),
    },
  };
}
