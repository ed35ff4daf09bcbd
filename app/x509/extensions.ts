// SPDX-License-Identifier: UNLICENSED
// X.509 v3 extensions (RFC 5280 §4.1, §4.2) shared by certificates and CSR extensionRequests, and the ZATCA
// reading of them (reference §8): the subjectAltName directoryName carries SN (EGS serial), UID (VAT number),
// title (invoice types 'TSCZ'), registeredAddress (location) and businessCategory (industry); extension
// 1.3.6.1.4.1.311.20.2 carries the certificate template name that selects the environment.
import type { DerNode } from '../asn1/derReader';
import { DerTag, childrenOf, expectUniversal, isContext, isUniversal, parseDer } from '../asn1/derReader';
import { decodeBoolean, decodeOctetString, decodeString, isStringNode } from '../asn1/derValues';
import { derBoolean, derContext, derOctetString, derSequence } from '../asn1/derWriter';
import { OID, decodeOid, derOid } from '../asn1/oid';
import type { NameEntry } from './name';
import { encodeName, parseName } from './name';

export interface Extension {
  oid: string;
  critical: boolean;
  /** extnValue: the DER of the extension's own structure (the OCTET STRING's content). */
  value: Uint8Array;
}

/** The ZATCA fields of a certificate or CSR (reference §8 table). */
export interface ZatcaFields {
  /** SAN SN (2.5.4.4): '1-<solution>|2-<model>|3-<serial>' */
  egsSerial?: string;
  /** SAN UID (0.9.2342.19200300.100.1.1): the 15-digit VAT number */
  vatNumber?: string;
  /** SAN title (2.5.4.12): 4 digits 'TSCZ', e.g. '0100' */
  invoiceTypes?: string;
  /** SAN registeredAddress (2.5.4.26) */
  location?: string;
  /** SAN businessCategory (2.5.4.15) */
  industry?: string;
  /** 1.3.6.1.4.1.311.20.2 when present */
  templateName?: string;
}

/** Reads `Extensions ::= SEQUENCE OF Extension`. Duplicate extensions are refused (RFC 5280 §4.2). */
export function parseExtensions(node: DerNode | undefined, what: string): Extension[] {
  const out: Extension[] = [];
  for (const ext of childrenOf(expectUniversal(node, DerTag.SEQUENCE, what))) {
    const parts = childrenOf(expectUniversal(ext, DerTag.SEQUENCE, `${what} entry`));
    const oid = decodeOid(expectUniversal(parts[0], DerTag.OID, `${what} extnID`));
    const hasCritical = isUniversal(parts[1], DerTag.BOOLEAN);
    const critical = hasCritical ? decodeBoolean(parts[1], `${what} ${oid} critical`) : false;
    const value = decodeOctetString(parts[hasCritical ? 2 : 1], `${what} ${oid} extnValue`).slice();
    if (out.some((e) => e.oid === oid)) throw new Error(`${what}: extension ${oid} appears twice`);
    out.push({ oid, critical, value });
  }
  return out;
}

/** ZATCA fields from the SAN directoryName and the template-name extension. Unreadable values are skipped. */
export function zatcaFieldsOf(extensions: Extension[], what: string): ZatcaFields {
  const fields: ZatcaFields = {};
  const san = extensions.find((e) => e.oid === OID.subjectAltName);
  if (san) {
    const names = childrenOf(expectUniversal(parseDer(san.value), DerTag.SEQUENCE, `${what} subjectAltName`));
    const dirName = names.find((n) => isContext(n, 4)); // directoryName [4] EXPLICIT Name
    if (dirName) {
      const name = parseName(childrenOf(dirName)[0], `${what} subjectAltName directoryName`);
      const pick = (oid: string): string | undefined => name.rdns.flat().find((a) => a.oid === oid && !a.hex)?.value;
      assign(fields, 'egsSerial', pick(OID.surname));
      assign(fields, 'vatNumber', pick(OID.userId));
      assign(fields, 'invoiceTypes', pick(OID.title));
      assign(fields, 'location', pick(OID.registeredAddress));
      assign(fields, 'industry', pick(OID.businessCategory));
    }
  }
  const template = extensions.find((e) => e.oid === OID.certificateTemplateName);
  if (template) {
    const node = parseDer(template.value);
    if (isStringNode(node)) fields.templateName = decodeString(node, `${what} certificate template name`);
  }
  return fields;
}

function assign(fields: ZatcaFields, key: keyof ZatcaFields, value: string | undefined): void {
  if (value !== undefined) fields[key] = value;
}

/** `Extension ::= SEQUENCE { extnID, critical DEFAULT FALSE, extnValue OCTET STRING }`; FALSE is omitted (DER). */
export function encodeExtension(oid: string, critical: boolean, value: Uint8Array): Uint8Array {
  return derSequence(derOid(oid), ...(critical ? [derBoolean(true)] : []), derOctetString(value));
}

/** subjectAltName value with a single directoryName, in the order given (reference §8: SN, UID, title, …). */
export function encodeDirectoryNameSan(entries: NameEntry[]): Uint8Array {
  return derSequence(derContext(4, encodeName(entries)));
}
