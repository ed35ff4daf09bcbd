// SPDX-License-Identifier: UNLICENSED
export type { Certificate } from './parseCertificate';
export { parseCertificate } from './parseCertificate';
export { certificateDigest, verifyCertificateSignature } from './certificateDigest';
export type { CertificateAuthorityOptions, IssueCertificateOptions } from './issueCertificate';
export { createCertificateAuthority, issueCertificate, isCertificateAuthority } from './issueCertificate';
export type { Extension, ZatcaFields } from './extensions';
export type { NameAttribute, NameEntry, ParsedName } from './name';
export { ATTRIBUTE_NAMES, parseName, encodeName, nameToString } from './name';
