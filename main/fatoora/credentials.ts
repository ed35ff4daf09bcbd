// SPDX-License-Identifier: UNLICENSED
// A CSID as the client holds it (reference §9): the binarySecurityToken exactly as Fatoora returned it, and the
// secret wrapped so it cannot be printed. Credentials remember the environment that issued them: ZATCA certificates
// and OTPs of one environment are useless (or harmful) in another (reference §12 item 20).
import { DukkanError } from '../../app/errors/index';
import { Secret } from '../log/secret';
import type { FatooraEnvironment } from './environment';

export interface FatooraCredentials {
  readonly environment: FatooraEnvironment;
  /** base64 of the certificate's base64-DER text (reference §9: decode once → `MII…`, twice → DER). */
  readonly binarySecurityToken: string;
  readonly secret: Secret;
  /** The `requestID` Fatoora returned with this CSID; a compliance CSID's is sent back to get the production CSID. */
  readonly requestId?: string;
}

/** Thrown when a call is made with credentials from another environment; raised before any byte is sent. */
export class CredentialEnvironmentError extends DukkanError {
  override readonly name = 'CredentialEnvironmentError';
  constructor(
    readonly credentialEnvironment: FatooraEnvironment,
    readonly clientEnvironment: FatooraEnvironment,
  ) {
    super('credentials.wrong-environment', { credentialEnvironment, clientEnvironment });
  }
}

/**
 * `Basic base64(binarySecurityToken:secret)`, using the token text as received (reference §9). Internal to the
 * client: the result is put straight into the request headers and never returned to callers or logged.
 */
export function basicAuthorization(credentials: FatooraCredentials): string {
  return `Basic ${Buffer.from(`${credentials.binarySecurityToken}:${credentials.secret.reveal()}`, 'utf8').toString('base64')}`;
}

/** The certificate's base64-DER text (`MII…`) carried by a binarySecurityToken. */
export function certificateTextFromToken(binarySecurityToken: string): string {
  const text = Buffer.from(binarySecurityToken, 'base64').toString('latin1');
  if (!/^MII[A-Za-z0-9+/=]+$/.test(text)) throw new Error('binarySecurityToken: does not decode to base64 DER certificate text (reference §9)');
  return text;
}

export function checkCredentials(value: FatooraCredentials, field = 'credentials'): void {
  if (typeof value !== 'object' || value === null) throw new Error(`${field}: must be an object`);
  if (typeof value.binarySecurityToken !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(value.binarySecurityToken)) {
    throw new Error(`${field}.binarySecurityToken: must be the base64 text Fatoora returned`);
  }
  if (!(value.secret instanceof Secret)) throw new Error(`${field}.secret: must be a Secret (never a plain string)`);
}
