// SPDX-License-Identifier: UNLICENSED
export { parsePrivateKey, encodeSec1PrivateKey, encodeSec1PrivateKeyPem } from './privateKey';
export type { EcCurveName, ParsedSpki } from './spki';
export { encodeSpki, parseSpki, curveFromOid, curveOfPoint, normalizePoint, verifyEcdsaSha256 } from './spki';
