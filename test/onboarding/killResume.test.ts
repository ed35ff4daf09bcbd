// SPDX-License-Identifier: UNLICENSED
// Resume after a kill in the middle of each onboarding step. `dukkan onboard` runs as a real child process against
// the in-process simulator and the real keychain, and is SIGKILLed:
// - at the write boundaries inside a step, held there by DUKKAN_ONBOARD_PAUSE_AT (the key is in the keychain but
//   SQLite does not know yet; a CSID token is pending in SQLite; its secret is in the keychain but not promoted);
// - while a request is in flight, held by simulator latency (the request has arrived; Fatoora processes it after
//   the client is gone — the classic lost answer).
// Then `dukkan onboard` runs again, and the terminal must end ready, with a certificate for the key in the keychain,
// and the ledger must issue a document that verifies with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DATABASE_FILE_NAME, openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { startFatooraSimulator, type CsidSummary, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import type { FatooraEndpoint } from '../../main/fatoora/index';
import { auditLedger } from '../../main/ledger/auditLedger';
import { Ledger } from '../../main/ledger/ledger';
import { createOnboardingService, deviceKeychainService, openDeviceKeychain } from '../../main/onboarding/index';
import { verifyDocument } from '../../main/zatca/verifier';
import { bundleCli, runCli, until, type CliRun } from './cliChild';
import { requireSecretService, SALE, secretToolLookup, SHOP, simulatorClients } from './support';

interface Row {
  step: string;
  procedure: string | null;
  egs_serial: string;
  csr_pem: string | null;
  csr_count: number;
  compliance_passed: string;
  pending_kind: string | null;
}

describe('dukkan onboard killed inside each step, then resumed', () => {
  let sim: FatooraSimulator;
  let cli = '';
  let nextOtp = 900_000;
  const otp = (): string => {
    const code = String(nextOtp++);
    sim.otps.add(code);
    return code;
  };

  beforeAll(async () => {
    requireSecretService();
    sim = await startFatooraSimulator({ otps: [] });
    cli = await bundleCli('onboard');
  }, 120_000);
  afterAll(async () => {
    rmSync(cli, { force: true });
    await sim.close();
  });

  function newTerminal() {
    const work = mkdtempSync(path.join(tmpdir(), 'dukkan-kill-'));
    const shop = path.join(work, 'shop.json');
    writeFileSync(shop, JSON.stringify(SHOP));
    const dataDir = path.join(work, 'data');
    const onboard = (code: string | undefined, env: Record<string, string> = {}, mode?: '--resume'): CliRun =>
      runCli(
        cli,
        mode
          ? ['onboard', '--data-dir', dataDir, mode, '--fatoora-url', sim.urls['developer-portal'], ...(code ? ['--otp', code] : [])]
          : ['onboard', '--data-dir', dataDir, '--env', 'local-simulator', '--fatoora-url', sim.urls['developer-portal'], '--shop', shop, '--otp', code!],
        env,
      );
    const row = (): Row => {
      const db = openDeviceDatabase(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
      try {
        return db.prepare('SELECT * FROM onboarding').get() as Row;
      } finally {
        db.close();
      }
    };
    const service = (): string => {
      const db = openDeviceDatabase(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
      try {
        return deviceKeychainService(db);
      } finally {
        db.close();
      }
    };
    const csids = (): CsidSummary[] => sim.records.csids().filter((c) => c.egsSerial === row().egs_serial);
    return { dataDir, onboard, row, service, csids };
  }

  /** Runs to the pause point, checks it holds, and kills the process there. */
  async function killAt(run: CliRun, point: string): Promise<void> {
    await run.waitForLine(new RegExp(`^paused at ${point.replace(/[+]/g, '\\+')}$`));
    await run.kill();
  }

  /** Kills while a request to `endpoint` is held by the simulator, then waits until Fatoora has processed it. */
  async function killInFlight(run: CliRun, endpoint: FatooraEndpoint, processed: () => boolean): Promise<void> {
    const before = sim.faults.injected.latency ?? 0;
    await until(() => (sim.faults.injected.latency ?? 0) > before, `the ${endpoint} request to arrive`);
    await run.kill();
    await until(processed, `Fatoora to process the ${endpoint} request of the killed process`, 10_000);
  }

  async function finishes(run: CliRun): Promise<void> {
    const code = await run.exit;
    expect(code, `stdout:\n${run.lines.join('\n')}\nstderr:\n${run.stderr()}`).toBe(0);
    expect(run.lines.at(-2)).toBe('environment local-simulator: ready');
  }

  /** The terminal is ready: `dukkan status` says so, and the ledger issues a document that verifies. */
  async function isReady(t: ReturnType<typeof newTerminal>): Promise<void> {
    const status = runCli(cli, ['status', '--data-dir', t.dataDir, '--json']);
    expect(await status.exit).toBe(0);
    const json = JSON.parse(status.lines.join('\n')) as { onboarding: { active: { step: string; certificate: { serial: string } } } };
    expect(json.onboarding.active.step).toBe('ready');
    const serial = json.onboarding.active.certificate.serial;
    expect(t.csids().find((c) => c.serialNumber === serial)?.kind).toBe('production');

    const db = openDeviceDatabase(path.join(t.dataDir, DATABASE_FILE_NAME));
    const service = createOnboardingService({ db, secrets: openDeviceKeychain(db), clientFor: simulatorClients(sim) });
    try {
      const doc = await new Ledger(db, { numberPrefix: 'T1', environment: 'local-simulator' }).issue(SALE, await service.signingFor('local-simulator'));
      const report = verifyDocument(doc.xml);
      expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(report.certificate!.serialDecimal).toBe(serial);
      expect(auditLedger(db).ok).toBe(true);
      // nothing is left half-done: no pending CSID, no compliance secret left in the keychain
      expect(t.row()).toMatchObject({ procedure: null, step: 'ready', pending_kind: null });
      expect(secretToolLookup(t.service(), 'local-simulator/compliance-credentials')).toBeUndefined();
    } finally {
      service.close();
      db.close();
    }
  }

  it('key: killed after the key reached the keychain, before SQLite recorded it → the same key is adopted', async () => {
    const t = newTerminal();
    const code = otp();
    await killAt(t.onboard(code, { DUKKAN_ONBOARD_PAUSE_AT: 'key:stored' }), 'key:stored');
    expect(t.row()).toMatchObject({ step: 'key' });
    const key = secretToolLookup(t.service(), 'local-simulator/device-key');
    expect(key).toBeDefined();
    await finishes(t.onboard(code)); // the OTP was never sent: the same one still works
    expect(secretToolLookup(t.service(), 'local-simulator/device-key')).toBe(key);
    await isReady(t);
  });

  it('csr: killed between building the CSR and sending it → a new CSR is built and the unused OTP works', async () => {
    const t = newTerminal();
    const code = otp();
    await killAt(t.onboard(code, { DUKKAN_ONBOARD_PAUSE_AT: 'csid:sending' }), 'csid:sending');
    const killed = t.row();
    expect(killed).toMatchObject({ step: 'csid', csr_count: 1 });
    expect(sim.otps.list().find((o) => o.code === code)!.usedAt).toBeUndefined();
    await finishes(t.onboard(code));
    const after = t.row();
    expect(after.csr_count).toBe(2);
    expect(t.csids().map((c) => c.kind)).toEqual(['compliance', 'production']);
    expect(t.csids()[0]!.csrPem.trim()).not.toBe(killed.csr_pem!.trim()); // the CSR marked as sent never left
    await isReady(t);
  });

  it('compliance CSID in flight: Fatoora issued it to a dead process → the spent OTP is named, a new OTP and a new CSR finish', async () => {
    const t = newTerminal();
    const code = otp();
    sim.faults.enqueue({ kind: 'latency', ms: 1500 }, { endpoint: 'compliance-csid' });
    const run = t.onboard(code);
    await killInFlight(run, 'compliance-csid', () => sim.otps.list().find((o) => o.code === code)!.usedAt !== undefined);
    const lost = t.csids();
    expect(lost.map((c) => c.kind)).toEqual(['compliance']); // issued, never received

    const again = t.onboard(code);
    expect(await again.exit).toBe(1);
    // Fatoora says only "invalid" for a spent OTP (reference §9.1)
    expect(again.stderr()).toMatch(/Fatoora did not accept the OTP/);
    expect(again.stderr()).toMatch(/لم تقبل منصة فاتورة رمز التحقق/);
    expect(again.stderr()).not.toContain(code);

    await finishes(t.onboard(otp()));
    const final = t.csids();
    expect(final.map((c) => c.kind)).toEqual(['compliance', 'compliance', 'production']);
    expect(final[1]!.csrPem.trim()).not.toBe(lost[0]!.csrPem.trim()); // a CSR is never sent twice
    await isReady(t);
  });

  it('compliance CSID: killed after its secret reached the keychain, before promotion → adopted without a new request', async () => {
    const t = newTerminal();
    await killAt(t.onboard(otp(), { DUKKAN_ONBOARD_PAUSE_AT: 'csid:stored' }), 'csid:stored');
    expect(t.row()).toMatchObject({ step: 'csid', pending_kind: 'compliance' });
    await finishes(t.onboard(undefined, {}, '--resume')); // no OTP needed
    expect(t.csids().map((c) => c.kind)).toEqual(['compliance', 'production']);
    await isReady(t);
  });

  it('compliance checks: killed with one document passed and the next about to leave → only the missing ones are sent', async () => {
    const t = newTerminal();
    await killAt(
      t.onboard(otp(), { DUKKAN_ONBOARD_PAUSE_AT: 'compliance-checks:sending:simplified-credit-note-compliant' }),
      'compliance-checks:sending:simplified-credit-note-compliant',
    );
    expect(JSON.parse(t.row().compliance_passed)).toEqual(['simplified-compliant']);
    await finishes(t.onboard(undefined, {}, '--resume'));
    const compliance = t.csids().find((c) => c.kind === 'compliance')!;
    const sent = sim.records.submissions().filter((s) => s.csidRequestId === compliance.requestId);
    expect(sent).toHaveLength(3);
    await isReady(t);
  });

  it("compliance checks: killed while a document is in flight → resumed, Fatoora's late answer does no harm", async () => {
    const t = newTerminal();
    sim.faults.enqueue({ kind: 'latency', ms: 1500 }, { endpoint: 'compliance-check' });
    const run = t.onboard(otp());
    const before = sim.records.submissions().length;
    await killInFlight(run, 'compliance-check', () => sim.records.submissions().length > before);
    expect(t.row()).toMatchObject({ step: 'compliance-checks', compliance_passed: '[]' });
    await finishes(t.onboard(undefined, {}, '--resume'));
    await isReady(t);
  });

  it('production CSID in flight: issued to a dead process → requested again on resume', async () => {
    const t = newTerminal();
    sim.faults.enqueue({ kind: 'latency', ms: 1500 }, { endpoint: 'production-csid' });
    const run = t.onboard(otp());
    await killInFlight(run, 'production-csid', () => t.csids().some((c) => c.kind === 'production'));
    expect(t.row()).toMatchObject({ step: 'production-csid', pending_kind: null });
    await finishes(t.onboard(undefined, {}, '--resume'));
    const production = t.csids().filter((c) => c.kind === 'production');
    expect(production).toHaveLength(2);
    await isReady(t);
  });

  it('production CSID: killed with its token pending but no secret yet → the pending one is dropped and a new one requested', async () => {
    const t = newTerminal();
    await killAt(t.onboard(otp(), { DUKKAN_ONBOARD_PAUSE_AT: 'production-csid:saved' }), 'production-csid:saved');
    expect(t.row()).toMatchObject({ step: 'production-csid', pending_kind: 'production' });
    expect(secretToolLookup(t.service(), 'local-simulator/production-credentials')).toBeUndefined();
    await finishes(t.onboard(undefined, {}, '--resume'));
    expect(t.csids().filter((c) => c.kind === 'production')).toHaveLength(2);
    await isReady(t);
  });

  it('production CSID: killed after its secret reached the keychain, before promotion → adopted without a new request', async () => {
    const t = newTerminal();
    await killAt(t.onboard(otp(), { DUKKAN_ONBOARD_PAUSE_AT: 'production-csid:stored' }), 'production-csid:stored');
    expect(t.row()).toMatchObject({ step: 'production-csid', pending_kind: 'production' });
    await finishes(t.onboard(undefined, {}, '--resume'));
    expect(t.csids().map((c) => c.kind)).toEqual(['compliance', 'production']);
    await isReady(t);
  });
});
