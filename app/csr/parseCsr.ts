// SPDX-License-Identifier: UNLICENSED
// PKCS#10 reader (RFC 2986) for the Fatoora simulator and for checking our own CSRs: subject, key, the ZATCA
// extensionRequest fields (reference §8) and whether the self-signature verifies. Structural garbage throws;
// a CSR that parses but does not verify comes back with signatureValid = false.
import { DerTag, childrenOf, expectUniversal, isContext, parseDer } from '../asn1/derReader';
import { decodeInteger, decodeOctetAlignedBitString } from '../asn1/derValues';
import { OID, decodeOid } from '../asn1/oid';
import { derFromInput } from '../asn1/pem';
import { curveFromOid, parseSpki, verifyEcdsaSha256 } from '../keys/spki';
import type { Extension, ZatcaFields } from '../x509/extensions';
import { parseExtensions, zatcaFieldsOf } from '../x509/extensions';
import type { NameAttribute } from '../x509/name';
import { parseName } from '../x509/name';
import { algorithmOid } from '../x509/parseCertificate';
import type { CsrConfig } from './csrConfig';
import { environmentOfTemplate } from './csrConfig';

export interface ParsedCsr {
  der: Uint8Array;
  /** DER of certificationRequestInfo (the signed part). */
  info: Uint8Array;
  /** PKCS#10 version field (0 for v1). */
  version: number;
  subject: Record<string, string>;
  /** RFC 4514-style, most specific first, ', ' joined (same form as Certificate.subjectName). */
  subjectName: string;
  subjectRdns: NameAttribute[][];
  /** DER of the subject Name exactly as in the CSR. */
  subjectDer: Uint8Array;
  /** DER SubjectPublicKeyInfo. */
  spki: Uint8Array;
  /** 65-byte uncompressed point for secp256k1 / P-256 keys, else the raw key bits. */
  publicKey: Uint8Array;
  publicKeyAlgorithm: string;
  publicKeyCurve?: string;
  /** 1.3.6.1.4.1.311.20.2 value when requested. */
  templateName?: string;
  /** SAN directoryName fields (and templateName), as Certificate.zatca. */
  zatca: ZatcaFields;
  /** Requested extensions (from the PKCS#9 extensionRequest attribute). */
  extensions: Extension[];
  /** OIDs of all attributes present. */
  attributeOids: string[];
  signatureAlgorithm: string;
  signatureValue: Uint8Array;
  /** ecdsa-with-SHA256 by the CSR's own secp256k1 / P-256 key over `info`. */
  signatureValid: boolean;
}

/** Parses a CSR given as PEM, base64 of the PEM text (API form), base64 of DER, or DER bytes. */
export function parseCsr(input: string | Uint8Array): ParsedCsr {
  const der = derFromInput(input, { labels: ['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST'], what: 'CSR' }).slice();
  const root = parseDer(der);
  const [infoNode, algNode, sigBits, ...extra] = childrenOf(expectUniversal(root, DerTag.SEQUENCE, 'CSR'));
  if (extra.length) throw new Error('CSR: unexpected fields after the signature');
  const [versionNode, subjectNode, spkiNode, attrsNode, ...rest] = childrenOf(expectUniversal(infoNode, DerTag.SEQUENCE, 'CSR certificationRequestInfo'));
  if (rest.length) throw new Error('CSR: unexpected fields in certificationRequestInfo');
  const version = Number(decodeInteger(versionNode, 'CSR version'));
  const subject = parseName(subjectNode, 'CSR subject');
  if (!spkiNode) throw new Error('CSR: subjectPKInfo is missing');
  const spki = parseSpki(spkiNode, 'CSR subjectPKInfo');
  if (!isContext(attrsNode, 0)) throw new Error('CSR: attributes [0] are missing');
  let extensions: Extension[] = [];
  const attributeOids: string[] = [];
  for (const attr of childrenOf(attrsNode)) {
    const [typeNode, values] = childrenOf(expectUniversal(attr, DerTag.SEQUENCE, 'CSR attribute'));
    const oid = decodeOid(expectUniversal(typeNode, DerTag.OID, 'CSR attribute type'));
    attributeOids.push(oid);
    if (oid === OID.extensionRequest) {
      const [exts] = childrenOf(expectUniversal(values, DerTag.SET, 'CSR extensionRequest values'));
      extensions = parseExtensions(exts, 'CSR extensionRequest');
    }
  }
  const signatureAlgorithm = algorithmOid(algNode, 'CSR signatureAlgorithm');
  const signatureValue = decodeOctetAlignedBitString(sigBits, 'CSR signature').slice();
  const info = infoNode!.raw.slice();
  const curve = spki.algorithm === OID.ecPublicKey ? curveFromOid(spki.curveOid) : undefined;
  const signatureValid = signatureAlgorithm === OID.ecdsaWithSha256 && curve !== undefined && verifyEcdsaSha256(curve, signatureValue, info, spki.publicKey);
  const zatca = zatcaFieldsOf(extensions, 'CSR');
  const csr: ParsedCsr = {
    der,
    info,
    version,
    subject: subject.map,
    subjectName: subject.text,
    subjectRdns: subject.rdns,
    subjectDer: subject.der,
    spki: spki.der,
    publicKey: spki.publicKey,
    publicKeyAlgorithm: spki.algorithm,
    zatca,
    extensions,
    attributeOids,
    signatureAlgorithm,
    signatureValue,
    signatureValid,
  };
  if (spki.curveOid) csr.publicKeyCurve = spki.curveOid;
  if (zatca.templateName !== undefined) csr.templateName = zatca.templateName;
  return csr;
}

/**
 * The CsrConfig a parsed CSR carries, for re-running validateCsrConfig on it (the simulator's ZATCA-style checks).
 * Absent fields stay absent, so validateCsrConfig reports them as 'required'.
 */
export function csrConfigOf(csr: ParsedCsr): Partial<CsrConfig> {
  const out: Partial<CsrConfig> = {};
  const set = <K extends keyof CsrConfig>(key: K, value: CsrConfig[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set('commonName', csr.subject.CN);
  set('organizationUnitName', csr.subject.OU);
  set('organizationName', csr.subject.O);
  set('countryName', csr.subject.C);
  set('serialNumber', csr.zatca.egsSerial);
  set('organizationIdentifier', csr.zatca.vatNumber);
  set('invoiceType', csr.zatca.invoiceTypes);
  set('locationAddress', csr.zatca.location);
  set('industryBusinessCategory', csr.zatca.industry);
  set('environment', environmentOfTemplate(csr.templateName));
  return out;
}
