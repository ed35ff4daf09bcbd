// SPDX-License-Identifier: UNLICENSED
// The ledger against its anchor in the OS keychain, for `dukkan audit` and `dukkan anchor` (main/ledger/chainAnchor.ts;
// docs/security.md, "The ledger's anchor"). The keychain service is the ledger's own device id, so any copy of the
// database — restored, read-only, in another folder — is compared with the anchor of the device that wrote it.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import type { SecretStore } from '../../native/keychain/secretStore';
import { anchorStatements } from '../ledger/anchorStore';
import { compareWithAnchor, describeFinding, isRollback, readAnchor, type AnchorFinding, type AnchorRecord } from '../ledger/chainAnchor';
import { deviceKeychainService, openDeviceKeychain } from '../onboarding/deviceKeychain';
import { readDeviceId } from '../onboarding/onboardingStore';

export type AnchorCheck =
  /** The keychain could not be asked (no Secret Service, locked): nothing is known about a rollback. */
  | { readonly status: 'not-checked'; readonly detail: string }
  /** No anchor for this device: a ledger of `dukkan issue`, or one the app never issued from. */
  | { readonly status: 'none'; readonly service: string }
  | { readonly status: 'checked'; readonly service: string; readonly record: AnchorRecord; readonly findings: readonly AnchorFinding[] };

export interface AnchorAccess {
  readonly secrets: SecretStore;
  readonly service: string;
}

/** The device's keychain, or why it cannot be opened. */
export function anchorAccess(db: SqliteDatabase): AnchorAccess | { readonly detail: string } {
  if (!readDeviceId(db)) return { detail: 'the database has no device identity' };
  return { secrets: openDeviceKeychain(db), service: deviceKeychainService(db) };
}

export async function checkAgainstAnchor(db: SqliteDatabase): Promise<AnchorCheck> {
  const access = anchorAccess(db);
  if ('detail' in access) return { status: 'not-checked', detail: access.detail };
  let record: AnchorRecord | undefined;
  try {
    record = await readAnchor(access.secrets);
  } catch (e) {
    return { status: 'not-checked', detail: e instanceof Error ? e.message : String(e) };
  }
  if (!record) return { status: 'none', service: access.service };
  return { status: 'checked', service: access.service, record, findings: compareWithAnchor(anchorStatements(db), record) };
}

export const anchorBroken = (check: AnchorCheck): boolean => check.status === 'checked' && check.findings.some(isRollback);

const RECOVERY =
  '  recovery: put back the newest copy of this database (the one that reaches the anchor) and run dukkan audit again; if no copy holds the lost documents, see docs/security.md, "Recovering a rolled-back ledger" (dukkan anchor --close, then renew the CSID)';

/** The lines `dukkan audit` and `dukkan anchor` print. */
export function anchorLines(check: AnchorCheck): string[] {
  if (check.status === 'not-checked')
    return [`anchor: NOT CHECKED, the OS keychain cannot be read (${check.detail}); a rolled-back database is not detected without it`];
  if (check.status === 'none')
    return [
      `anchor: none in the keychain (service ${check.service}): a ledger of dukkan issue, or one the app never issued from; a rolled-back database is not detected (docs/security.md)`,
    ];
  const lines = check.findings.map((f) => (isRollback(f) ? `ledger BROKEN: ${describeFinding(f)}` : `anchor: ${describeFinding(f)}`));
  if (check.findings.some(isRollback)) lines.push(RECOVERY);
  return lines;
}
