// SPDX-License-Identifier: UNLICENSED
export { bytesToBase64, base64ToBytes, isBase64 } from './base64';
export { utf8ToBytes, bytesToUtf8, utf8ByteLength } from './utf8';
export { bytesToHex, hexToBytes, concatBytes, equalBytes } from './hex';
