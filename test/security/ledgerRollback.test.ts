// SPDX-License-Identifier: UNLICENSED
// A rolled-back ledger is detected (docs/security.md, "The ledger's anchor"): a live terminal onboarded against the
// Fatoora simulator, with the real OS keychain and a real SQLite file, has documents acknowledged by Fatoora; its
// database is then replaced by an older copy, or loses its WAL before a checkpoint. After the restart issuing is
// refused in English and Arabic, nothing is signed with a reused ICV, and `dukkan audit` (a real process) explains
// it; `dukkan anchor --close` closes a chain whose documents are lost, and it never issues again. The normal path (issue, restart, issue) and the crash window between the commit and the anchor's update
// (the anchor one document behind, linked) still issue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DukkanApp } from '../../main/app/openApp';
import { DATABASE_FILE_NAME, openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import { ANCHOR_ENTRY, readAnchor, type AnchorRecord } from '../../main/ledger/chainAnchor';
import { openDeviceKeychain } from '../../main/onboarding/index';
import { messageOf } from '../../renderer/app/state/services';
import { requireSecretService } from '../onboarding/support';
import { addLiveCashier, clientOf, openTestApp, waitFor, type Client } from '../app/support';
import { runDukkan } from '../support/dukkanCli';
import { WIZARD_SHOP as SHOP } from '../fixtures/wizardShop';

const OTP = '271828';
const ARABIC = /[\u0600-\u06FF]/;

interface Till {
  readonly app: DukkanApp;
  readonly till: Client;
}

interface LedgerRow {
  icv: number;
  hash: string;
  state: string;
}

describe('a rolled-back ledger (real keychain, real SQLite file)', { timeout: 180_000 }, () => {
  let sim: FatooraSimulator;
  let dataDir: string;
  let file: string;
  let open: Till | null = null;

  const start = async (): Promise<Till> => {
    const { app } = await openTestApp({ dataDir, fatooraUrl: sim.url, secrets: openDeviceKeychain });
    const till = clientOf(app, `till-${randomUUID()}`);
    const cashier = app.core.users.list().find((u) => u.role === 'cashier')!;
    await till.call('session.login', { userId: cashier.id, pin: '2580' });
    open = { app, till };
    return open;
  };
  const stop = async (): Promise<void> => {
    await open?.app.close();
    open = null;
  };
  const sell = (t: Till) => {
    const milk = t.app.core.catalog.list().find((p) => p.name.startsWith('Fresh milk'))!.id;
    return t.till.call('sale.complete', { lines: [{ productId: milk, quantity: '1' }], payments: [{ method: 'cash', amount: '10' }], saleId: randomUUID() });
  };
  const refusedSale = (t: Till) => {
    const milk = t.app.core.catalog.list().find((p) => p.name.startsWith('Fresh milk'))!.id;
    return t.till.refusal('sale.complete', { lines: [{ productId: milk, quantity: '1' }], payments: [{ method: 'cash', amount: '10' }], saleId: randomUUID() });
  };
  const rows = (): LedgerRow[] => {
    const db = openDeviceDatabase(file, { readonly: true });
    try {
      return db.prepare<[], LedgerRow>('SELECT d.icv, d.hash, j.state FROM documents d JOIN reporting_jobs j ON j.document_id = d.id ORDER BY d.icv').all();
    } finally {
      db.close();
    }
  };
  const anchor = async (): Promise<AnchorRecord> => {
    const db = openDeviceDatabase(file, { readonly: true });
    try {
      return (await readAnchor(openDeviceKeychain(db)))!;
    } finally {
      db.close();
    }
  };
  const setAnchor = async (record: AnchorRecord): Promise<void> => {
    const db = openDeviceDatabase(file, { readonly: true });
    try {
      await openDeviceKeychain(db).set(ANCHOR_ENTRY, JSON.stringify(record));
    } finally {
      db.close();
    }
  };
  /** Sells `n` documents and waits until Fatoora has acknowledged every document and the anchor has recorded it. */
  const sellAcknowledged = async (t: Till, n: number): Promise<void> => {
    for (let i = 0; i < n; i++) await sell(t);
    const head = rows().at(-1)!.icv;
    await waitFor(async () => (await anchor()).chains[0]?.acknowledgedIcv === head, 60_000, `Fatoora's acknowledgement of ICV ${head}`);
  };
  const copyDatabase = (to: string): void => {
    for (const suffix of ['', '-wal']) if (existsSync(file + suffix)) copyFileSync(file + suffix, to + suffix);
  };
  const putBack = (from: string, withWal: boolean): void => {
    for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
    copyFileSync(from, file);
    if (withWal && existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${file}-wal`);
  };
  const audit = () => runDukkan(['audit', '--db', file], { cwd: dataDir });
  /** How many distinct hashes the simulator received for each ICV: more than one is a forked chain. */
  const hashesPerIcv = (): Map<number, Set<string>> => {
    const seen = new Map<number, Set<string>>();
    for (const r of sim.records.submissions()) {
      if (r.icv === undefined || r.endpoint !== 'reporting') continue;
      seen.set(r.icv, (seen.get(r.icv) ?? new Set()).add(r.invoiceHash));
    }
    return seen;
  };

  beforeAll(async () => {
    requireSecretService();
    sim = await startFatooraSimulator({ otps: [OTP] });
    dataDir = mkdtempSync(path.join(tmpdir(), 'dukkan-rollback-'));
    file = path.join(dataDir, DATABASE_FILE_NAME);
    const { app } = await openTestApp({ dataDir, fatooraUrl: sim.url, secrets: openDeviceKeychain });
    const manager = clientOf(app, 'office');
    const user = (role: string) => app.core.users.list().find((u) => u.role === role)!.id;
    await manager.call('session.login', { userId: user('manager'), pin: '1234' });
    expect((await manager.call('onboarding.start', { environment: 'local-simulator', otp: OTP, shop: SHOP })).state).toBe('done');
    await manager.call('session.changePin', { oldPin: '1234', newPin: '2468' });
    // going live removed the training cashier: the manager adds the till's cashier with her own PIN
    await addLiveCashier(manager, clientOf(app, 'first-cashier'), '2580');
    await app.close();
  }, 180_000);
  afterAll(async () => {
    await stop();
    await sim?.close();
  });

  it('the normal path: issue, restart, issue — the anchor follows the head', async () => {
    let t = await start();
    await sellAcknowledged(t, 2);
    await stop();
    t = await start();
    const doc = await sell(t);
    expect(doc.document.number).toMatch(/^T1-\d{6}$/);
    const last = rows().at(-1)!;
    expect(last.icv).toBe(3);
    expect((await anchor()).chains).toMatchObject([{ icv: 3, hash: last.hash }]);
    await stop();
    const a = audit();
    expect(a.stdout).toContain('ledger OK: 3 documents');
    expect(a.stdout).toContain('anchor: chain of certificate');
    expect(a.code).toBe(0);
  });

  it('the crash window: killed between the commit and the anchor update, the next issue is accepted and the anchor catches up', async () => {
    let t = await start();
    const before = await anchor();
    await sell(t);
    await stop();
    // the state a kill leaves after the durable commit of ICV 4 and before the keychain write
    const head = rows().at(-1)!;
    expect(head.icv).toBe(before.chains[0]!.icv + 1);
    await setAnchor(before);
    expect(audit().code).toBe(0); // one document past the anchor and linked to it is not a rollback
    t = await start();
    await sell(t);
    const now = rows().at(-1)!;
    expect(now.icv).toBe(head.icv + 1);
    expect((await anchor()).chains).toMatchObject([{ icv: now.icv, hash: now.hash }]);
    await stop();
  });

  it('an older copy of the database: issuing refuses, nothing reuses an ICV, audit explains; the newest copy issues again', async () => {
    let t = await start();
    await sellAcknowledged(t, 1);
    await stop();
    const older = path.join(mkdtempSync(path.join(tmpdir(), 'dukkan-backup-')), 'older.sqlite');
    copyDatabase(older);
    const olderHead = rows().at(-1)!.icv;
    t = await start();
    await sellAcknowledged(t, 3);
    await stop();
    const newest = path.join(mkdtempSync(path.join(tmpdir(), 'dukkan-backup-')), 'newest.sqlite');
    copyDatabase(newest);
    const acknowledged = rows();
    expect(acknowledged.every((r) => r.state === 'reported')).toBe(true);

    putBack(older, true);
    expect(rows().at(-1)!.icv).toBe(olderHead);
    t = await start();
    const refusal = await refusedSale(t);
    expect(refusal.reason).toBe('ledger.rolled-back');
    expect(refusal.message).toContain(`ICV ${acknowledged.at(-1)!.icv}`);
    expect(refusal.message).toContain(`ends at ICV ${olderHead}`);
    expect(messageOf(refusal, 'ar')).toMatch(ARABIC);
    await stop();
    // nothing was signed: the database still ends where the copy ended, and Fatoora never saw two hashes for one ICV
    expect(rows().at(-1)!.icv).toBe(olderHead);
    for (const [icv, hashes] of hashesPerIcv()) expect(hashes.size, `ICV ${icv}`).toBe(1);

    const a = audit();
    expect(a.code).toBe(1);
    expect(a.stdout).toMatch(new RegExp(`ledger BROKEN: The ledger is behind its anchor.*ICV ${acknowledged.at(-1)!.icv}.*ends at ICV ${olderHead}`));
    expect(a.stdout).toContain('recovery: put back the newest copy');

    // the recovery: the newest copy reaches the anchor again
    putBack(newest, true);
    expect(audit().code).toBe(0);
    t = await start();
    await sell(t);
    await stop();
  });

  it('a WAL deleted before its checkpoint: issuing refuses and audit explains', async () => {
    let t = await start();
    // the main file as it stands while the app runs: the documents sold now are only in the WAL
    const mainFileOnly = path.join(mkdtempSync(path.join(tmpdir(), 'dukkan-nowal-')), 'main.sqlite');
    copyFileSync(file, mainFileOnly);
    const walBefore = existsSync(`${file}-wal`);
    expect(walBefore).toBe(true);
    const fileHead = (() => {
      const db = openDeviceDatabase(mainFileOnly, { readonly: true });
      try {
        return db.prepare<[], { icv: number | null }>('SELECT MAX(icv) AS icv FROM documents').get()!.icv ?? 0;
      } finally {
        db.close();
      }
    })();
    await sellAcknowledged(t, 2);
    await stop();
    const anchored = (await anchor()).chains[0]!.icv;
    expect(anchored).toBeGreaterThan(fileHead);
    // the WAL is gone: the database is its main file as it was before the sales
    putBack(mainFileOnly, false);
    expect(rows().at(-1)?.icv ?? 0).toBe(fileHead);
    t = await start();
    const refusal = await refusedSale(t);
    expect(refusal.reason).toBe('ledger.rolled-back');
    await stop();
    expect(rows().at(-1)?.icv ?? 0).toBe(fileHead);
    for (const [icv, hashes] of hashesPerIcv()) expect(hashes.size, `ICV ${icv}`).toBe(1);
    const a = audit();
    expect(a.code).toBe(1);
    expect(a.stdout).toContain(`The ledger is behind its anchor: the keychain records ICV ${anchored}`);

    // the documents are lost for good: the chain is closed deliberately and never issues again (a new CSID would)
    expect(runDukkan(['anchor', '--db', file, '--close'], { cwd: dataDir }).code).toBe(2); // the reason is required
    const closed = runDukkan(['anchor', '--db', file, '--close', '--reason', 'WAL lost, no backup'], { cwd: dataDir });
    expect(closed.code, closed.stderr).toBe(0);
    expect(closed.stdout).toContain(`documents after ICV ${fileHead} up to ICV ${anchored} lost`);
    const afterClose = audit();
    expect(afterClose.code).toBe(0);
    expect(afterClose.stdout).toMatch(/anchor: chain of certificate \d+: closed on .*WAL lost, no backup/);
    t = await start();
    expect((await refusedSale(t)).reason).toBe('ledger.chain-closed');
    await stop();
    expect(rows().at(-1)?.icv ?? 0).toBe(fileHead);
  });
});
