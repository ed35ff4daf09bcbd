// SPDX-License-Identifier: UNLICENSED
// CSID credentials split by sensitivity: the binarySecurityToken is the certificate — public, it is in every signed
// invoice — and lives in SQLite; the secret lives in the OS keychain, one entry per environment and kind
// (`<env>/compliance-credentials`, `<env>/production-credentials`), bound to its certificate by the certificate's
// sha256 so a secret is never paired with the wrong token. Keeping the token out of the keychain also keeps entries
// small: Windows Credential Manager stores at most 2560 bytes (UTF-16) per entry, less than a token.
import { sha256Hex } from '../../app/crypto/sha256';
import type { Certificate } from '../../app/x509/parseCertificate';
import type { SecretStore } from '../../native/keychain/secretStore';
import type { FatooraCredentials } from '../fatoora/credentials';
import type { FatooraEnvironment } from '../fatoora/environment';
import { Secret } from '../log/secret';
import type { CsidKind } from './onboardingStore';

export const credentialsEntry = (environment: FatooraEnvironment, kind: CsidKind): string => `${environment}/${kind}-credentials`;

interface StoredSecret {
  readonly secret: string;
  readonly requestId: string;
  readonly certificateSha256: string;
}

function readStored(text: string | undefined): StoredSecret | undefined {
  if (text === undefined) return undefined;
  try {
    const v = JSON.parse(text) as Partial<StoredSecret>;
    if (typeof v.secret === 'string' && typeof v.requestId === 'string' && typeof v.certificateSha256 === 'string') return v as StoredSecret;
  } catch {
    // an unreadable entry counts as no entry; it is overwritten by the next CSID
  }
  return undefined;
}

export async function saveCsidSecret(
  secrets: SecretStore,
  environment: FatooraEnvironment,
  kind: CsidKind,
  secret: Secret,
  requestId: string,
  certificate: Certificate,
): Promise<void> {
  const value: StoredSecret = { secret: secret.reveal(), requestId, certificateSha256: sha256Hex(certificate.der) };
  await secrets.set(credentialsEntry(environment, kind), JSON.stringify(value));
}

/** True when the keychain holds the secret of exactly this certificate. */
export async function hasCsidSecretFor(secrets: SecretStore, environment: FatooraEnvironment, kind: CsidKind, certificate: Certificate): Promise<boolean> {
  return readStored(await secrets.get(credentialsEntry(environment, kind)))?.certificateSha256 === sha256Hex(certificate.der);
}

/** The credentials for the Fatoora client, or undefined when the keychain has no secret for this certificate. */
export async function loadCredentials(
  secrets: SecretStore,
  environment: FatooraEnvironment,
  kind: CsidKind,
  token: string,
  certificate: Certificate,
): Promise<FatooraCredentials | undefined> {
  const stored = readStored(await secrets.get(credentialsEntry(environment, kind)));
  if (!stored || stored.certificateSha256 !== sha256Hex(certificate.der)) return undefined;
  return { environment, binarySecurityToken: token, secret: new Secret(stored.secret), requestId: stored.requestId };
}
