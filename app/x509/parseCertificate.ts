// SPDX-License-Identifier: UNLICENSED
// X.509 certificate reader (RFC 5280 §4.1) giving the values the ZATCA stamp needs (reference §3, §6):
// ds:X509Certificate text, X509IssuerName, decimal X509SerialNumber, QR tag 8 (SPKI DER) and tag 9 (the CA's
// signature bytes). Accepts PEM, the one-line base64 DER text, the Fatoora binarySecurityToken (base64 of that
// text) and DER bytes.
import { bytesToBase64 } from '../bytes/base64';
import type { DerNode } from '../asn1/derReader';
import { DerTag, childrenOf, expectUniversal, isContext, isUniversal, parseDer } from '../asn1/derReader';
import { decodeInteger, decodeOctetAlignedBitString, decodeTime } from '../asn1/derValues';
import { decodeOid } from '../asn1/oid';
import { derFromInput } from '../asn1/pem';
import { equalBytes } from '../bytes/hex';
import { parseSpki } from '../keys/spki';
import type { Extension, ZatcaFields } from './extensions';
import { parseExtensions, zatcaFieldsOf } from './extensions';
import type { NameAttribute } from './name';
import { parseName } from './name';

export interface Certificate {
  der: Uint8Array;
  /** Standard base64 of the DER on one line, no PEM armour: the ds:X509Certificate text (reference §3). */
  readonly base64Der: string;
  serialNumber: bigint;
  /** ds:X509SerialNumber: the serial in decimal (reference §3). */
  serialDecimal: string;
  /** ds:X509IssuerName form: RDNs most specific first, ', ' joined (reference §3). */
  issuerName: string;
  subjectName: string;
  /** Subject attributes by short name (CN, O, OU, C, …); repeated types keep the most specific value. */
  subject: Record<string, string>;
  issuer: Record<string, string>;
  /** Name RDNs in DER order, with OIDs, for callers that need more than the maps. */
  subjectRdns: NameAttribute[][];
  issuerRdns: NameAttribute[][];
  /** DER of the subject / issuer Name exactly as in the certificate. */
  subjectDer: Uint8Array;
  issuerDer: Uint8Array;
  /** X.509 version number as written (3 for v3). */
  version: number;
  notBefore: Date;
  notAfter: Date;
  /** DER SubjectPublicKeyInfo = QR tag 8 (reference §6). */
  spki: Uint8Array;
  /** 65-byte uncompressed point for secp256k1 / P-256 keys; the raw BIT STRING content for other key types. */
  publicKey: Uint8Array;
  /** SPKI algorithm OID and, for EC keys, the named curve OID. */
  publicKeyAlgorithm: string;
  publicKeyCurve?: string;
  /** signatureValue BIT STRING content without the unused-bits byte = QR tag 9 (reference §6). */
  signatureValue: Uint8Array;
  /** DER of tbsCertificate: what the issuer signed. */
  tbs: Uint8Array;
  /** signatureAlgorithm OID (1.2.840.10045.4.3.2 = ecdsa-with-SHA256). */
  signatureAlgorithm: string;
  extensions: Extension[];
  zatca: ZatcaFields;
}

export function parseCertificate(input: string | Uint8Array): Certificate {
  const der = derFromInput(input, { labels: ['CERTIFICATE'], what: 'certificate' }).slice();
  const root = parseDer(der);
  const [tbsNode, outerAlg, sigBits, ...extra] = childrenOf(expectUniversal(root, DerTag.SEQUENCE, 'certificate'));
  if (extra.length) throw new Error('certificate: unexpected fields after signatureValue');
  const tbsParts = childrenOf(expectUniversal(tbsNode, DerTag.SEQUENCE, 'certificate tbsCertificate'));
  let i = 0;
  let version = 1;
  if (isContext(tbsParts[0], 0)) {
    version = Number(decodeInteger(childrenOf(tbsParts[0])[0], 'certificate version')) + 1;
    i++;
  }
  const serialNumber = decodeInteger(tbsParts[i++], 'certificate serialNumber');
  const innerAlgNode = tbsParts[i++];
  const innerAlg = algorithmOid(innerAlgNode, 'certificate tbsCertificate.signature');
  const issuer = parseName(tbsParts[i++], 'certificate issuer');
  const validity = childrenOf(expectUniversal(tbsParts[i++], DerTag.SEQUENCE, 'certificate validity'));
  const notBefore = decodeTime(validity[0], 'certificate notBefore');
  const notAfter = decodeTime(validity[1], 'certificate notAfter');
  const subject = parseName(tbsParts[i++], 'certificate subject');
  const spki = parseSpki(tbsParts[i++] ?? missing('subjectPublicKeyInfo'), 'certificate subjectPublicKeyInfo');
  let extensions: Extension[] = [];
  for (const rest of tbsParts.slice(i)) {
    if (isContext(rest, 3)) extensions = parseExtensions(childrenOf(rest)[0], 'certificate extensions');
    else if (!isContext(rest, 1) && !isContext(rest, 2)) throw new Error('certificate: unexpected field in tbsCertificate');
  }
  const signatureAlgorithm = algorithmOid(outerAlg, 'certificate signatureAlgorithm');
  if (signatureAlgorithm !== innerAlg || !equalBytes(outerAlg!.raw, innerAlgNode!.raw)) {
    throw new Error('certificate: signatureAlgorithm differs from tbsCertificate.signature (RFC 5280 §4.1.1.2)');
  }
  const cert: Certificate = {
    der,
    base64Der: bytesToBase64(der),
    serialNumber,
    serialDecimal: serialNumber.toString(10),
    issuerName: issuer.text,
    subjectName: subject.text,
    subject: subject.map,
    issuer: issuer.map,
    subjectRdns: subject.rdns,
    issuerRdns: issuer.rdns,
    subjectDer: subject.der,
    issuerDer: issuer.der,
    version,
    notBefore,
    notAfter,
    spki: spki.der,
    publicKey: spki.publicKey,
    publicKeyAlgorithm: spki.algorithm,
    signatureValue: decodeOctetAlignedBitString(sigBits, 'certificate signatureValue').slice(),
    tbs: tbsNode!.raw.slice(),
    signatureAlgorithm,
    extensions,
    zatca: zatcaFieldsOf(extensions, 'certificate'),
  };
  if (spki.curveOid) cert.publicKeyCurve = spki.curveOid;
  return cert;
}

function missing(what: string): never {
  throw new Error(`certificate: ${what} is missing`);
}

/** OID of an AlgorithmIdentifier. */
export function algorithmOid(node: DerNode | undefined, what: string): string {
  const seq = expectUniversal(node, DerTag.SEQUENCE, what);
  const [oid] = childrenOf(seq);
  if (!isUniversal(oid, DerTag.OID)) throw new Error(`${what}: AlgorithmIdentifier has no OID`);
  return decodeOid(oid);
}
