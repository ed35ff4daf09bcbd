// SPDX-License-Identifier: UNLICENSED
export * from './der';
export type { PemBlock, DerInputOptions } from './pem';
export { decodePem, encodePem, derFromInput } from './pem';
