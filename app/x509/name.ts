// SPDX-License-Identifier: UNLICENSED
// X.501 Name: reading it into the forms ZATCA needs and writing it for CSRs and our simulator CA.
// ds:X509IssuerName (reference §3) = the RDNs most-specific first (the reverse of DER order, as RFC 4514), joined
// with ', ' (comma + space), e.g. 'CN=PRZEINVOICESCA4-CA, DC=extgazt, DC=gov, DC=local'. Values are escaped per
// RFC 4514 §2.4, which is what Odoo's rfc4514_string() (accepted by Fatoora) produces; ZATCA's own names contain
// nothing that needs escaping.
import type { DerNode } from '../asn1/derReader';
import { DerTag, childrenOf, expectUniversal } from '../asn1/derReader';
import { decodeString, hexValue, isStringNode } from '../asn1/derValues';
import { derIa5String, derPrintableString, derSequence, derSet, derUtf8String } from '../asn1/derWriter';
import { OID, decodeOid, derOid } from '../asn1/oid';

/** Short names used in name strings and subject maps; other types appear as their dotted OID. */
export const ATTRIBUTE_NAMES: Record<string, string> = {
  [OID.commonName]: 'CN',
  [OID.organizationName]: 'O',
  [OID.organizationalUnitName]: 'OU',
  [OID.countryName]: 'C',
  [OID.localityName]: 'L',
  [OID.stateOrProvinceName]: 'ST',
  [OID.streetAddress]: 'STREET',
  [OID.domainComponent]: 'DC',
  [OID.surname]: 'SN',
  [OID.userId]: 'UID',
  [OID.title]: 'title',
  [OID.registeredAddress]: 'registeredAddress',
  [OID.businessCategory]: 'businessCategory',
  [OID.serialNumber]: 'serialNumber',
  [OID.organizationIdentifier]: 'organizationIdentifier',
};

export interface NameAttribute {
  oid: string;
  /** Short name from ATTRIBUTE_NAMES, or the dotted OID. */
  type: string;
  /** String value; a non-string value is given in RFC 4514 '#hex' form (and `hex` is true). */
  value: string;
  hex?: boolean;
}

export interface ParsedName {
  /** DER of the whole Name, byte for byte (an issued certificate's issuer must equal its CA's subject exactly). */
  der: Uint8Array;
  /** RDNs in DER order (least specific first, e.g. C before CN); each RDN is usually one attribute. */
  rdns: NameAttribute[][];
  /** ZATCA X509IssuerName form: most specific first, ', ' joined. */
  text: string;
  /** type → value; for repeated types (DC) the most specific value. */
  map: Record<string, string>;
}

export function parseName(node: DerNode | undefined, what: string): ParsedName {
  const seq = expectUniversal(node, DerTag.SEQUENCE, what);
  const rdns = childrenOf(seq).map((rdn, i) =>
    childrenOf(expectUniversal(rdn, DerTag.SET, `${what} RDN ${i + 1}`)).map((atv) => {
      const [typeNode, valueNode] = childrenOf(expectUniversal(atv, DerTag.SEQUENCE, `${what} attribute`));
      const oid = decodeOid(expectUniversal(typeNode, DerTag.OID, `${what} attribute type`));
      if (!valueNode) throw new Error(`${what}: attribute ${oid} has no value`);
      const type = ATTRIBUTE_NAMES[oid] ?? oid;
      if (isStringNode(valueNode)) return { oid, type, value: decodeString(valueNode, `${what} ${type}`) };
      return { oid, type, value: hexValue(valueNode), hex: true };
    }),
  );
  const mostSpecificFirst = [...rdns].reverse();
  const map: Record<string, string> = {};
  for (const rdn of mostSpecificFirst) for (const a of rdn) if (!(a.type in map)) map[a.type] = a.value;
  return { der: seq.raw.slice(), rdns, text: nameToString(rdns), map };
}

/** RFC 4514 string with ', ' between RDNs, most specific first; '+' joins multi-valued RDNs. */
export function nameToString(rdnsInDerOrder: NameAttribute[][]): string {
  return [...rdnsInDerOrder]
    .reverse()
    .map((rdn) => rdn.map((a) => `${a.type}=${a.hex ? a.value : escapeValue(a.value)}`).join('+'))
    .join(', ');
}

/** RFC 4514 §2.4 escaping. */
export function escapeValue(value: string): string {
  const chars = Array.from(value);
  return chars
    .map((c, i) => {
      if (c === '\0') return '\\00';
      if ('\\"+,;<>'.includes(c)) return `\\${c}`;
      if ((i === 0 && (c === '#' || c === ' ')) || (i === chars.length - 1 && c === ' ')) return `\\${c}`;
      return c;
    })
    .join('');
}

/** String type used when writing an attribute value. */
export type NameStringType = 'utf8' | 'printable' | 'ia5';

export interface NameEntry {
  oid: string;
  value: string;
  type?: NameStringType;
}

/**
 * DER Name with one attribute per RDN, in the order given (DER order: least specific first). The default string
 * type follows RFC 5280 §4.1.2.4 and the SDK CSRs: C PrintableString, DC IA5String, everything else UTF8String.
 */
export function encodeName(entries: NameEntry[]): Uint8Array {
  return derSequence(...entries.map((e) => derSet(derSequence(derOid(e.oid), encodeValue(e)))));
}

function encodeValue(e: NameEntry): Uint8Array {
  const type = e.type ?? (e.oid === OID.countryName ? 'printable' : e.oid === OID.domainComponent ? 'ia5' : 'utf8');
  if (type === 'printable') return derPrintableString(e.value);
  if (type === 'ia5') return derIa5String(e.value);
  return derUtf8String(e.value);
}
