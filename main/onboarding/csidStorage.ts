// SPDX-License-Identifier: UNLICENSED
// Keeping a CSID Fatoora issued, shared by the CSID steps (compliance, renewal, production):
// - every certificate is checked against the device key, the shop VAT number and the simplified invoice type
//   before it is used (reference §12 items 19, 20);
// - it is written in two phases — the token (public) into SQLite as pending, then the secret into the keychain,
//   then promoted — so a crash between the two never loses a CSID nor pairs a secret with the wrong certificate;
//   the next run adopts a pending CSID whose secret made it to the keychain;
// - the compliance CSID's secret is dropped once the production CSID is in place.
import { equalBytes } from '../../app/bytes/hex';
import { parseCertificate, type Certificate } from '../../app/x509/parseCertificate';
import type { FatooraCredentials, FatooraOutcome, IssuedCsid } from '../fatoora/index';
import { keyFingerprint } from '../keyCustody/index';
import { credentialsEntry, hasCsidSecretFor, loadCredentials, saveCsidSecret } from './csidSecrets';
import type { OnboardingContext } from './onboardingContext';
import { OnboardingError } from './onboardingError';
import type { CsidKind, OnboardingRow } from './onboardingStore';
import { complianceCsidLost, complianceIssued, csidPending, pendingDropped, productionIssued } from './rowTransitions';
import { credentialsRefused, csidRejection, transportError } from './stepFailures';

async function checkIssued(ctx: OnboardingContext, row: OnboardingRow, certificate: Certificate): Promise<void> {
  if (!ctx.strict(row.environment)) return;
  const shop = ctx.shopOf(row);
  const certificateVat = certificate.zatca.vatNumber;
  if (certificateVat === undefined) throw new OnboardingError('onboarding.certificate-without-vat', { shopVat: shop.vatNumber });
  if (certificateVat !== shop.vatNumber) throw new OnboardingError('onboarding.vat-mismatch', { shopVat: shop.vatNumber, certificateVat });
  if (!equalBytes(certificate.publicKey, await ctx.custody.publicKey(row.environment))) throw new OnboardingError('onboarding.key-mismatch');
  if (certificate.zatca.invoiceTypes?.[1] !== '1') throw new OnboardingError('onboarding.certificate-type');
}

/** Two-phase write of a CSID: token as pending in SQLite, secret in the keychain, then promotion. */
async function storeCsid(ctx: OnboardingContext, row: OnboardingRow, kind: CsidKind, csid: IssuedCsid): Promise<void> {
  const token = csid.credentials.binarySecurityToken;
  const certificate = parseCertificate(token);
  await checkIssued(ctx, row, certificate);
  ctx.apply(row.environment, csidPending(kind, token, csid.requestId));
  await ctx.progress(row, 'saved');
  await saveCsidSecret(ctx.secrets, row.environment, kind, csid.credentials.secret, csid.requestId, certificate);
  await ctx.progress(row, 'stored');
  await promote(ctx, row, kind, token, csid.requestId, certificate);
}

/** What the answer to a CSID request does: the CSID is kept, or the failure explains itself. */
export function storeCsidAnswer(ctx: OnboardingContext, row: OnboardingRow, outcome: FatooraOutcome<IssuedCsid>, kind: CsidKind): Promise<void> {
  switch (outcome.kind) {
    case 'accepted':
    case 'accepted-with-warnings':
      return storeCsid(ctx, row, kind, outcome.value);
    case 'needs-compliance':
      // 428 on renewal: a renewed compliance CSID; run the compliance checks with it (reference §10 step 5)
      ctx.log.info('onboarding.renewal-needs-compliance', { environment: row.environment, requestId: outcome.csid.requestId });
      return storeCsid(ctx, row, 'compliance', outcome.csid);
    case 'rejected':
      throw csidRejection(outcome.errors);
    case 'unauthorized':
      throw credentialsRefused(row.environment);
    default:
      throw transportError(outcome);
  }
}

/** After a crash between the two writes: adopt the pending CSID when its secret reached the keychain. */
export async function adoptPending(ctx: OnboardingContext, row: OnboardingRow): Promise<boolean> {
  if (!row.pending_kind || !row.pending_token || !row.pending_request_id) return false;
  const certificate = parseCertificate(row.pending_token);
  if (await hasCsidSecretFor(ctx.secrets, row.environment, row.pending_kind, certificate)) {
    ctx.log.info('onboarding.pending-adopted', { environment: row.environment, kind: row.pending_kind, requestId: row.pending_request_id });
    await promote(ctx, row, row.pending_kind, row.pending_token, row.pending_request_id, certificate);
    return true;
  }
  ctx.apply(row.environment, pendingDropped());
  return false;
}

async function promote(ctx: OnboardingContext, row: OnboardingRow, kind: CsidKind, token: string, requestId: string, certificate: Certificate): Promise<void> {
  const { q } = ctx;
  const { environment } = row;
  const at = ctx.now();
  const fingerprint = keyFingerprint(certificate.publicKey);
  ctx.db
    .transaction(() => {
      q.addHistory.run(
        environment,
        kind,
        requestId,
        certificate.serialDecimal,
        certificate.issuerName,
        certificate.base64Der,
        certificate.notBefore.getTime(),
        certificate.notAfter.getTime(),
        fingerprint,
        row.procedure ?? 'onboard',
        at,
      );
      if (kind === 'compliance') {
        ctx.apply(environment, complianceIssued(token, requestId, certificate));
        return;
      }
      if (row.production_serial) q.retire.run(at, row.procedure === 'renew' ? 'renewed' : 'key-rotated', environment, 'production', row.production_serial);
      if (row.compliance_serial) q.retire.run(at, 'used-for-production', environment, 'compliance', row.compliance_serial);
      ctx.apply(environment, productionIssued(token, requestId, certificate, at));
    })
    .immediate();
  ctx.log.info('onboarding.csid-stored', { environment, kind, requestId, serial: certificate.serialDecimal, notAfter: certificate.notAfter.toISOString() });
  // the compliance CSID has done its work; its secret is not kept
  if (kind === 'production') await ctx.secrets.delete(credentialsEntry(environment, 'compliance'));
}

/** The credentials of the row's CSID of `kind`; refused (and, for the compliance CSID, a new one asked for) without its secret. */
export async function credentialsOf(ctx: OnboardingContext, row: OnboardingRow, kind: CsidKind): Promise<FatooraCredentials> {
  const token = kind === 'compliance' ? row.compliance_token : row.production_token;
  const credentials = token ? await loadCredentials(ctx.secrets, row.environment, kind, token, parseCertificate(token)) : undefined;
  if (!credentials) {
    // the secret is gone from the keychain: this CSID is unusable; the next run requests a new one with a new OTP
    if (kind === 'compliance') ctx.apply(row.environment, complianceCsidLost());
    throw credentialsRefused(row.environment);
  }
  return credentials;
}
