// SPDX-License-Identifier: UNLICENSED
// Minimal strict DER: the public surface of app/asn1 (reader, writer, value readers, OIDs, PEM).
export type { DerNode } from './derReader';
export { parseDer, DerError, DerClass, DerTag, isUniversal, isContext, expectUniversal, childrenOf, describeTag } from './derReader';
export {
  derLength,
  derTlv,
  derTlv as derRaw,
  derSequence,
  derSet,
  derInteger,
  derBoolean,
  derNull,
  derOctetString,
  derBitString,
  derNamedBits,
  derUtf8String,
  derPrintableString,
  isPrintableString,
  derIa5String,
  derUtcTime,
  derGeneralizedTime,
  derX509Time,
  derContext,
} from './derWriter';
export {
  decodeInteger,
  decodeBoolean,
  decodeBitString,
  decodeOctetAlignedBitString,
  decodeOctetString,
  decodeString,
  isStringNode,
  decodeTime,
  hexValue,
} from './derValues';
export { OID, derOid, decodeOid, encodeOidContent } from './oid';
