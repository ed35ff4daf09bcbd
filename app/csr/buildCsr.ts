// SPDX-License-Identifier: UNLICENSED
// PKCS#10 CSR for EGS onboarding and renewal (reference §8, §10), laid out as the ZATCA SDK writes it (checked
// byte for byte against the R3.4.8 SDK CSR in test/vectors/sdk-generated-csrs/):
//   subject C (PrintableString), OU, O, CN (UTF8String), in that DER order;
//   extensionRequest { 1.3.6.1.4.1.311.20.2 = UTF8String template name,
//                      subjectAltName = directoryName { SN, UID, title, registeredAddress, businessCategory } };
//   signed ecdsa-with-SHA256 with the EGS secp256k1 key.
import { bytesToBase64 } from '../bytes/base64';
import { utf8ToBytes } from '../bytes/utf8';
import { derBitString, derContext, derInteger, derSequence, derSet, derUtf8String } from '../asn1/derWriter';
import { OID, derOid } from '../asn1/oid';
import { encodePem } from '../asn1/pem';
import type { MessageSigner } from '../crypto/ecdsa';
import { publicKeyFromPrivate, signDer, verifyDer } from '../crypto/ecdsa';
import { encodeSpki } from '../keys/spki';
import { encodeDirectoryNameSan, encodeExtension } from '../x509/extensions';
import { encodeName } from '../x509/name';
import type { CsrConfig } from './csrConfig';
import { TEMPLATE_NAMES, validateCsrConfig } from './csrConfig';

export type { CsrConfig, CsrConfigIssue, CsrEnvironment } from './csrConfig';
export { validateCsrConfig, TEMPLATE_NAMES } from './csrConfig';

export interface BuiltCsr {
  /** PEM text, LF line ends. */
  pem: string;
  der: Uint8Array;
  /** base64 of the PEM text: the `csr` field of POST /compliance and PATCH /production/csids (reference §8). */
  apiBase64: string;
}

/** Builds and signs the CSR with a private key held in memory. Throws an Error listing every config problem. */
export function buildCsr(config: CsrConfig, privateKey: Uint8Array): BuiltCsr {
  const info = certificationRequestInfo(config, publicKeyFromPrivate(privateKey));
  return assemble(info, signDer(info, privateKey));
}

/**
 * Same CSR, signed through a MessageSigner (a key that never leaves the OS keychain). The signature is checked
 * against `publicKey` before the CSR is returned, so a signer holding another key fails here, not at ZATCA.
 */
export async function buildCsrWithSigner(config: CsrConfig, publicKey: Uint8Array, signer: MessageSigner): Promise<BuiltCsr> {
  const info = certificationRequestInfo(config, publicKey);
  const signature = await signer(info);
  if (!verifyDer(signature, info, publicKey)) throw new Error('buildCsr: the signer did not produce a valid signature for the given public key');
  return assemble(info, signature);
}

function certificationRequestInfo(config: CsrConfig, publicKey: Uint8Array): Uint8Array {
  const issues = validateCsrConfig(config);
  if (issues.length) throw new Error(`CSR config is invalid: ${issues.map((i) => `${i.field} (${i.rule}): ${i.message}`).join('; ')}`);
  const subject = encodeName([
    { oid: OID.countryName, value: config.countryName },
    { oid: OID.organizationalUnitName, value: config.organizationUnitName },
    { oid: OID.organizationName, value: config.organizationName },
    { oid: OID.commonName, value: config.commonName },
  ]);
  const san = encodeDirectoryNameSan([
    { oid: OID.surname, value: config.serialNumber },
    { oid: OID.userId, value: config.organizationIdentifier },
    { oid: OID.title, value: config.invoiceType },
    { oid: OID.registeredAddress, value: config.locationAddress },
    { oid: OID.businessCategory, value: config.industryBusinessCategory },
  ]);
  const extensions = derSequence(
    encodeExtension(OID.certificateTemplateName, false, derUtf8String(TEMPLATE_NAMES[config.environment])),
    encodeExtension(OID.subjectAltName, false, san),
  );
  const attributes = derContext(0, derSequence(derOid(OID.extensionRequest), derSet(extensions)));
  return derSequence(derInteger(0n), subject, encodeSpki(publicKey), attributes);
}

function assemble(info: Uint8Array, signature: Uint8Array): BuiltCsr {
  const der = derSequence(info, derSequence(derOid(OID.ecdsaWithSha256)), derBitString(signature));
  const pem = encodePem('CERTIFICATE REQUEST', der);
  return { pem, der, apiBase64: bytesToBase64(utf8ToBytes(pem)) };
}
