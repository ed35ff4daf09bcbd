// SPDX-License-Identifier: UNLICENSED
// `dukkan status`: what an integrator or a support call needs at a glance — environment, onboarding step,
// certificate serial and expiry (with the 30/14/7-day warning), the chain head of the current certificate and the
// reporting queue. Reads the database only (read-only; never the keychain).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SqliteDatabase } from '../../../native/sqlite/sqliteDriver';
import { DATABASE_FILE_NAME, openDeviceDatabase } from '../../db/openDeviceDatabase';
import { chainCount, chainHeadSummary } from '../../ledger/ledgerStore';
import { readOnboardingStatus, type OnboardingStatus } from '../../onboarding/index';
import { jobCountsByState } from '../../reporting/reportingStore';
import type { Command } from '../command';
import { parseArgs, requireFlag } from '../parseArgs';

export interface ChainHead {
  readonly certificateSerial: string;
  readonly documents: number;
  readonly icv: number;
  readonly number: string;
  readonly hash: string;
  readonly issuedAt: string;
}

export interface DeviceStatus {
  readonly onboarding: OnboardingStatus;
  /** The newest document of the current certificate's chain; null before the first document. */
  readonly chainHead: ChainHead | null;
  /** Every chain the ledger holds (old certificates' chains stay for audit). */
  readonly chains: number;
  /** reporting_jobs by state. */
  readonly queue: Readonly<Record<string, number>>;
}

export function readDeviceStatus(db: SqliteDatabase, now: Date): DeviceStatus {
  const onboarding = readOnboardingStatus(db, now);
  const certificate = onboarding.active?.certificate;
  let chainHead: ChainHead | null = null;
  if (certificate) {
    const head = chainHeadSummary(db, certificate.issuer, certificate.serial);
    if (head)
      chainHead = {
        certificateSerial: certificate.serial,
        documents: head.documents,
        icv: head.icv,
        number: head.number,
        hash: head.hash,
        issuedAt: new Date(head.issued_at).toISOString(),
      };
  }
  return { onboarding, chainHead, chains: chainCount(db), queue: jobCountsByState(db) };
}

function text(s: DeviceStatus): string {
  const a = s.onboarding.active;
  const lines: string[] = [];
  if (!a) {
    lines.push('environment: none (not onboarded)');
  } else {
    lines.push(`environment: ${a.environment}`);
    lines.push(`onboarding: ${a.procedure ? `${a.procedure} in progress, at step ${a.step}` : a.step}`);
    lines.push(`EGS: ${a.commonName} (${a.egsSerial}), VAT ${a.vatNumber}, invoice types ${a.invoiceType}`);
    if (a.procedure && a.step === 'compliance-checks') lines.push(`compliance: ${a.compliancePassed.length}/${a.complianceRequired.length} passed`);
    if (a.certificate) {
      const c = a.certificate;
      lines.push(`certificate: serial ${c.serial}, valid until ${c.notAfter.toISOString()} (${c.expired ? 'EXPIRED' : `${c.daysLeft} days left`})`);
      if (c.message) lines.push(`  ${c.message.en}`, `  ${c.message.ar}`);
    } else lines.push('certificate: none yet (cannot sign)');
    if (a.lastError) lines.push(`last error (${a.lastError.code}): ${a.lastError.message}`);
  }
  const others = s.onboarding.environments.filter((e) => e.environment !== s.onboarding.activeEnvironment);
  if (others.length > 0)
    lines.push(`other environments (kept apart): ${others.map((e) => `${e.environment} ${e.procedure ? `${e.procedure}@${e.step}` : e.step}`).join(', ')}`);
  lines.push(
    s.chainHead
      ? `chain head: ICV ${s.chainHead.icv}, ${s.chainHead.number}, hash ${s.chainHead.hash} (${s.chainHead.documents} documents)`
      : 'chain head: no document with this certificate yet',
  );
  lines.push(`chains: ${s.chains}`);
  const queue = Object.entries(s.queue);
  lines.push(`reporting queue: ${queue.length ? queue.map(([state, n]) => `${state} ${n}`).join(', ') : 'empty'}`);
  return `${lines.join('\n')}\n`;
}

export const statusCommand: Command = {
  name: 'status',
  summary: 'show the terminal: environment, onboarding step, certificate expiry, chain head, reporting queue',
  usage: `Usage: dukkan status --data-dir DIR [--json]

Reads ${DATABASE_FILE_NAME} in DIR (read-only). Exit 0 when the terminal can sign, 1 otherwise (not onboarded,
onboarding unfinished, certificate expired).`,
  async run(argv, io) {
    const args = parseArgs(argv, ['data-dir'], ['json']);
    const file = path.join(requireFlag(args, 'data-dir'), DATABASE_FILE_NAME);
    if (!existsSync(file)) {
      if (args.flags.has('json')) io.stdout(`${JSON.stringify({ onboarded: false, reason: `no ${DATABASE_FILE_NAME} in the data folder` })}\n`);
      else io.stdout(`not onboarded: no ${DATABASE_FILE_NAME} in ${path.dirname(file)}\n`);
      return 1;
    }
    const db = openDeviceDatabase(file, { readonly: true });
    try {
      const status = readDeviceStatus(db, new Date());
      io.stdout(args.flags.has('json') ? `${JSON.stringify(status, null, 2)}\n` : text(status));
      const a = status.onboarding.active;
      return a?.canSign && a.certificate && !a.certificate.expired ? 0 : 1;
    } finally {
      db.close();
    }
  },
};
