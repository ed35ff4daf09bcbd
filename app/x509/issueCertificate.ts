// SPDX-License-Identifier: UNLICENSED
// The local Fatoora simulator's certificate authority. Issued certificates follow the profile of ZATCA-issued
// EGS certificates (reference §8, "Issued certs"): v3, ecdsa-with-SHA256, the CSR's subject and public key, the
// CSR's subjectAltName and template-name extensions copied as requested, KeyUsage digitalSignature (critical),
// EKU clientAuth + codeSigning, plus key identifiers. The CA's own name mimics ZATCA's
// 'CN=…, DC=extgazt, DC=gov, DC=local' so X509IssuerName handling is exercised the same way.
import { equalBytes } from '../bytes/hex';
import { utf8ToBytes } from '../bytes/utf8';
import { sha256 } from '../crypto/sha256';
import { publicKeyFromPrivate, signDer } from '../crypto/ecdsa';
import { DerTag, childrenOf, isUniversal, parseDer } from '../asn1/derReader';
import { derBitString, derBoolean, derContext, derInteger, derNamedBits, derOctetString, derSequence, derTlv, derX509Time } from '../asn1/derWriter';
import { decodeOctetString } from '../asn1/derValues';
import { OID, derOid } from '../asn1/oid';
import { encodeSpki } from '../keys/spki';
import { encodeExtension, type Extension } from './extensions';
import type { NameEntry } from './name';
import { encodeName } from './name';
import type { Certificate } from './parseCertificate';
import { parseCertificate } from './parseCertificate';

/**
 * What issuing needs from a certificate signing request: its verified signature, subject, key and requested
 * extensions. app/csr's ParsedCsr has this shape; x509 does not import csr (csr builds on x509, not the reverse).
 */
export interface CertificateRequest {
  readonly signatureValid: boolean;
  readonly subjectDer: Uint8Array;
  readonly spki: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly extensions: readonly Extension[];
}

/** KeyUsage bit numbers (RFC 5280 §4.2.1.3). */
const KU = { digitalSignature: 0, keyCertSign: 5, cRLSign: 6 } as const;

export interface CertificateAuthorityOptions {
  commonName: string;
  /** secp256k1 scalar of the CA key. */
  privateKey: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  /** Default: derived from the key and notBefore (deterministic, positive, 16 bytes). */
  serialNumber?: bigint;
  /** DC values most specific first; default ['extgazt', 'gov', 'local'] as in ZATCA's CA names. */
  domainComponents?: string[];
}

/** A self-signed CA certificate for the simulator (basicConstraints CA, keyCertSign + cRLSign). */
export function createCertificateAuthority(options: CertificateAuthorityOptions): Certificate {
  const { commonName, privateKey, notBefore, notAfter } = options;
  if (!commonName.trim()) throw new Error('createCertificateAuthority: commonName must not be empty');
  const publicKey = publicKeyFromPrivate(privateKey);
  const dcs = options.domainComponents ?? ['extgazt', 'gov', 'local'];
  const entries: NameEntry[] = [...dcs].reverse().map((value) => ({ oid: OID.domainComponent, value }));
  entries.push({ oid: OID.commonName, value: commonName });
  const name = encodeName(entries);
  const keyId = keyIdentifier(publicKey);
  const serial = options.serialNumber ?? defaultSerial(publicKey, notBefore);
  const extensions = [
    encodeExtension(OID.basicConstraints, true, derSequence(derBoolean(true))),
    encodeExtension(OID.keyUsage, true, derNamedBits([KU.digitalSignature, KU.keyCertSign, KU.cRLSign])),
    encodeExtension(OID.subjectKeyIdentifier, false, derOctetString(keyId)),
    encodeExtension(OID.authorityKeyIdentifier, false, derSequence(derTlv(0x80, keyId))),
  ];
  return signCertificate({ serial, issuer: name, subject: name, spki: encodeSpki(publicKey), notBefore, notAfter, extensions }, privateKey);
}

export interface IssueCertificateOptions {
  csr: CertificateRequest;
  issuer: Certificate;
  /** secp256k1 scalar matching issuer.publicKey. */
  issuerKey: Uint8Array;
  serialNumber: bigint;
  notBefore: Date;
  notAfter: Date;
}

/** Issues an EGS certificate for a verified CSR. Throws if the CSR signature or the issuer key does not check out. */
export function issueCertificate(options: IssueCertificateOptions): Certificate {
  const { csr, issuer, issuerKey, serialNumber, notBefore, notAfter } = options;
  if (!csr.signatureValid) throw new Error('issueCertificate: the CSR signature does not verify');
  if (!equalBytes(publicKeyFromPrivate(issuerKey), issuer.publicKey))
    throw new Error("issueCertificate: issuerKey does not match the issuer certificate's public key");
  const requested = (oid: string) => csr.extensions.find((e) => e.oid === oid);
  const extensions: Uint8Array[] = [];
  const san = requested(OID.subjectAltName);
  if (san) extensions.push(encodeExtension(OID.subjectAltName, san.critical, san.value));
  extensions.push(encodeExtension(OID.subjectKeyIdentifier, false, derOctetString(keyIdentifier(csr.publicKey))));
  const authorityKeyId = subjectKeyIdOf(issuer) ?? keyIdentifier(issuer.publicKey);
  extensions.push(encodeExtension(OID.authorityKeyIdentifier, false, derSequence(derTlv(0x80, authorityKeyId))));
  extensions.push(encodeExtension(OID.keyUsage, true, derNamedBits([KU.digitalSignature])));
  extensions.push(encodeExtension(OID.extKeyUsage, false, derSequence(derOid(OID.kpClientAuth), derOid(OID.kpCodeSigning))));
  const template = requested(OID.certificateTemplateName);
  if (template) extensions.push(encodeExtension(OID.certificateTemplateName, template.critical, template.value));
  return signCertificate(
    { serial: serialNumber, issuer: issuer.subjectDer, subject: csr.subjectDer, spki: csr.spki, notBefore, notAfter, extensions },
    issuerKey,
  );
}

interface TbsFields {
  serial: bigint;
  issuer: Uint8Array;
  subject: Uint8Array;
  spki: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  extensions: Uint8Array[];
}

function signCertificate(f: TbsFields, key: Uint8Array): Certificate {
  // RFC 5280 §4.1.2.2: positive, at most 20 octets
  if (f.serial <= 0n || f.serial >= 1n << 159n) throw new Error('certificate serialNumber must be positive and fit in 20 bytes');
  if (!(f.notAfter.getTime() > f.notBefore.getTime())) throw new Error('certificate notAfter must be later than notBefore');
  const signatureAlgorithm = derSequence(derOid(OID.ecdsaWithSha256));
  const tbs = derSequence(
    derContext(0, derInteger(2n)), // v3
    derInteger(f.serial),
    signatureAlgorithm,
    f.issuer,
    derSequence(derX509Time(f.notBefore), derX509Time(f.notAfter)),
    f.subject,
    f.spki,
    derContext(3, derSequence(...f.extensions)),
  );
  return parseCertificate(derSequence(tbs, signatureAlgorithm, derBitString(signDer(tbs, key))));
}

/** RFC 7093 §2 method 1: the leftmost 160 bits of SHA-256 over the subjectPublicKey bits. */
function keyIdentifier(publicKey: Uint8Array): Uint8Array {
  return sha256(publicKey).slice(0, 20);
}

function subjectKeyIdOf(cert: Certificate): Uint8Array | undefined {
  const ext = cert.extensions.find((e) => e.oid === OID.subjectKeyIdentifier);
  return ext ? decodeOctetString(parseDer(ext.value), 'issuer subjectKeyIdentifier') : undefined;
}

function defaultSerial(publicKey: Uint8Array, notBefore: Date): bigint {
  const seed = sha256(Uint8Array.from([...publicKey, ...utf8ToBytes(notBefore.toISOString())]));
  let v = 0n;
  for (const b of seed.slice(0, 16)) v = (v << 8n) | BigInt(b);
  return (v >> 1n) | 1n; // positive, never zero
}

/** True when `cert` is a CA certificate (basicConstraints cA = TRUE). */
export function isCertificateAuthority(cert: Certificate): boolean {
  const ext = cert.extensions.find((e) => e.oid === OID.basicConstraints);
  if (!ext) return false;
  const first = childrenOf(parseDer(ext.value))[0];
  return isUniversal(first, DerTag.BOOLEAN) && first.content[0] === 0xff;
}
