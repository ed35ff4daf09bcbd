// SPDX-License-Identifier: UNLICENSED
// The ext:UBLExtensions block carrying the XAdES signature (reference §5), laid out with the same 4-space indentation
// as the rest of the document. The SignedProperties text inside it is the exact text its digest was computed over
// (§4), which is why the block is written as text rather than re-serialised by an XML library.
import { NS } from '../xml/namespaces';
import { escapeXmlText } from '../xml/escapeXml';

export interface SignatureBlockInput {
  readonly invoiceHash: string;
  readonly signedPropertiesXml: string;
  readonly signedPropertiesDigest: string;
  readonly signatureValue: string;
  /** One-line base64 DER of the signing certificate. */
  readonly certificate: string;
}

const XPATHS = [
  'not(//ancestor-or-self::ext:UBLExtensions)',
  'not(//ancestor-or-self::cac:Signature)',
  "not(//ancestor-or-self::cac:AdditionalDocumentReference[cbc:ID='QR'])",
];

/** Depth (in 4-space steps, relative to ext:UBLExtensions) at which xades:SignedProperties sits. */
export const SIGNED_PROPERTIES_DEPTH = 8;

/**
 * The block as text. Its first line has no indentation (it replaces the slot in place); following lines carry
 * `indent` (the slot's own indentation) plus 4 spaces per level.
 */
export function signatureBlockXml(input: SignatureBlockInput, indent: string): string {
  const lines: [number, string][] = [
    [0, '<ext:UBLExtensions>'],
    [1, '<ext:UBLExtension>'],
    [2, '<ext:ExtensionURI>urn:oasis:names:specification:ubl:dsig:enveloped:xades</ext:ExtensionURI>'],
    [2, '<ext:ExtensionContent>'],
    [3, `<sig:UBLDocumentSignatures xmlns:sig="${NS.sig}" xmlns:sac="${NS.sac}" xmlns:sbc="${NS.sbc}">`],
    [4, '<sac:SignatureInformation>'],
    [5, '<cbc:ID>urn:oasis:names:specification:ubl:signature:1</cbc:ID>'], // BR-KSA-28
    [5, '<sbc:ReferencedSignatureID>urn:oasis:names:specification:ubl:signature:Invoice</sbc:ReferencedSignatureID>'], // BR-KSA-29
    [5, `<ds:Signature xmlns:ds="${NS.ds}" Id="signature">`],
    [6, '<ds:SignedInfo>'],
    [7, '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2006/12/xml-c14n11"/>'],
    [7, '<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"/>'],
    [7, '<ds:Reference Id="invoiceSignedData" URI="">'],
    [8, '<ds:Transforms>'],
    ...XPATHS.flatMap((x): [number, string][] => [
      [9, '<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116">'],
      [10, `<ds:XPath>${x}</ds:XPath>`],
      [9, '</ds:Transform>'],
    ]),
    [9, '<ds:Transform Algorithm="http://www.w3.org/2006/12/xml-c14n11"/>'],
    [8, '</ds:Transforms>'],
    [8, '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>'],
    [8, `<ds:DigestValue>${escapeXmlText(input.invoiceHash)}</ds:DigestValue>`],
    [7, '</ds:Reference>'],
    // The SDK types this reference with the xmldsig SignatureProperties URI, not ETSI's (reference §5): copy the SDK.
    [7, '<ds:Reference Type="http://www.w3.org/2000/09/xmldsig#SignatureProperties" URI="#xadesSignedProperties">'],
    [8, '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>'],
    [8, `<ds:DigestValue>${escapeXmlText(input.signedPropertiesDigest)}</ds:DigestValue>`],
    [7, '</ds:Reference>'],
    [6, '</ds:SignedInfo>'],
    [6, `<ds:SignatureValue>${escapeXmlText(input.signatureValue)}</ds:SignatureValue>`],
    [6, '<ds:KeyInfo>'],
    [7, '<ds:X509Data>'],
    [8, `<ds:X509Certificate>${escapeXmlText(input.certificate)}</ds:X509Certificate>`],
    [7, '</ds:X509Data>'],
    [6, '</ds:KeyInfo>'],
    [6, '<ds:Object>'],
    [7, `<xades:QualifyingProperties xmlns:xades="${NS.xades}" Target="signature">`],
    [SIGNED_PROPERTIES_DEPTH, input.signedPropertiesXml],
    [7, '</xades:QualifyingProperties>'],
    [6, '</ds:Object>'],
    [5, '</ds:Signature>'],
    [4, '</sac:SignatureInformation>'],
    [3, '</sig:UBLDocumentSignatures>'],
    [2, '</ext:ExtensionContent>'],
    [1, '</ext:UBLExtension>'],
    [0, '</ext:UBLExtensions>'],
  ];
  return lines.map(([depth, text], i) => (i === 0 ? text : `${indent}${'    '.repeat(depth)}${text}`)).join('\n');
}
