// SPDX-License-Identifier: UNLICENSED
// The restore drill (docs/backups.md): a terminal with the real OS keychain and its chain anchor issues documents,
// backs up to a first folder (`dukkan backup`, a real process, creating the passphrase and printing its recovery
// sheet), issues more, backs up to a second folder; then the data folder is destroyed.
//   - Restored from the first folder alone, the ledger is back at that backup's head: `dukkan restore` names the ICVs
//     the anchor records beyond it, and issuing refuses (ledger.rolled-back) — nothing is signed with a reused ICV.
//   - Restored from both folders, every acknowledged document is back with its hash, `dukkan audit` passes, and the
//     terminal issues the next ICV.
//   - On a new computer (the keychain entries gone with the old disk), the sheet's passphrase restores a read-only
//     archive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DukkanError } from '../../app/errors/index';
import { DATABASE_FILE_NAME, openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { Ledger } from '../../main/ledger/ledger';
import { LedgerAnchor } from '../../main/ledger/ledgerAnchor';
import { silentLogger } from '../../main/log/index';
import { openDeviceKeychain } from '../../main/onboarding/deviceKeychain';
import { requireSecretService } from '../onboarding/support';
import { DUKKAN_BIN } from '../support/dukkanCli';
import { useTempDirs } from '../support/tempDirs';
import { EGS, SALE } from './support';

const newDir = useTempDirs('dukkan-restore-drill-');

function dukkan(args: string[], stdin?: string) {
  const r = spawnSync(process.execPath, [DUKKAN_BIN, ...args], { encoding: 'utf8', ...(stdin !== undefined ? { input: stdin } : {}) });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface Issued {
  icv: number;
  hash: string;
}

/** The restores recorded in a ledger's audit trail. */
const restores = (db: ReturnType<typeof openDeviceDatabase>) =>
  db.prepare<[], { before_value: string; reason: string | null }>("SELECT before_value, reason FROM audit_events WHERE kind = 'restore'").all();

/** Opens the data folder as the app does: the ledger with its anchor in the real keychain. */
function openTill(dataDir: string) {
  const db = openDeviceDatabase(path.join(dataDir, DATABASE_FILE_NAME));
  const secrets = openDeviceKeychain(db);
  const anchor = new LedgerAnchor(secrets, db, silentLogger);
  const ledger = new Ledger(db, { numberPrefix: 'T1', anchor });
  return {
    db,
    secrets,
    issue: async (n: number): Promise<Issued[]> => {
      const out: Issued[] = [];
      for (let i = 0; i < n; i++) {
        const d = await ledger.issue(SALE, EGS.signing);
        out.push({ icv: d.icv, hash: d.hash });
      }
      return out;
    },
    stored: (): Issued[] => db.prepare<[], Issued>('SELECT icv, hash FROM documents ORDER BY icv').all(),
  };
}

describe('restore drill (real keychain, real processes)', { timeout: 240_000 }, () => {
  const dataDir = path.join(newDir(), 'data');
  const usb = newDir();
  const share = newDir();
  const issued: Issued[] = [];
  let sheet = '';
  let services: string[] = [];

  beforeAll(async () => {
    requireSecretService();
    const till = openTill(dataDir);
    issued.push(...(await till.issue(5)));
    const first = dukkan(['backup', '--data-dir', dataDir, '--new-passphrase', usb]);
    expect(first.code, first.out + first.err).toBe(0);
    sheet = first.out;
    issued.push(...(await till.issue(3)));
    const second = dukkan(['backup', '--data-dir', dataDir, share]);
    expect(second.code, second.out + second.err).toBe(0);
    services = [`dukkan-${till.db.prepare<[], { id: string }>('SELECT device_id AS id FROM device_identity').get()!.id}`];
    till.db.close();
    rmSync(dataDir, { recursive: true, force: true }); // the disk died
  });
  afterAll(async () => {
    for (const service of services) {
      const { createOsKeychain } = await import('../../native/keychain/osKeychain');
      const k = createOsKeychain({ service });
      for (const entry of ['backup/passphrase', 'ledger/chain-anchor']) await k.delete(entry).catch(() => undefined);
    }
  });

  const backupsIn = (dir: string) => readdirSync(dir).map((n) => path.join(dir, n));

  it('the first backup printed a recovery sheet with the passphrase, in English and Arabic', () => {
    expect(sheet).toMatch(/Passphrase \/ عبارة المرور: +([0-9A-Z]{4}-){5}[0-9A-Z]{4}/);
    expect(sheet).toMatch(/ICV 1–5/);
  });

  it('from the first folder alone: restored to ICV 5, ICV 6–8 named missing, issuing refuses', async () => {
    const r = dukkan(['restore', '--data-dir', dataDir, ...backupsIn(usb)]);
    expect(r.code, r.out + r.err).toBe(1);
    expect(r.out).toMatch(/MISSING: chain of certificate \d+, ICV 6–8 were issued after this backup/);
    const till = openTill(dataDir);
    try {
      expect(till.stored()).toEqual(issued.slice(0, 5));
      expect(restores(till.db)).toEqual([{ before_value: expect.stringMatching(/\.dkbackup$/), reason: expect.stringMatching(/^missing \d+:ICV 6-8$/) }]);
      const refusal = await till.issue(1).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(DukkanError);
      expect((refusal as DukkanError).code).toBe('ledger.rolled-back');
      expect((refusal as DukkanError).params).toMatchObject({ anchorIcv: 8, databaseIcv: 5 });
      expect(till.stored()).toHaveLength(5); // nothing signed
    } finally {
      till.db.close();
    }
  });

  it('from both folders: every document is back, the audit passes, and the till issues ICV 9', async () => {
    // the folders themselves: each gives its newest backup of this terminal
    const r = dukkan(['restore', '--data-dir', dataDir, usb, share]);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toMatch(/the ledger agrees with its anchor/);
    expect(r.out).toMatch(/replaced ledger's files were moved to/);
    const audit = dukkan(['audit', '--db', path.join(dataDir, DATABASE_FILE_NAME)]);
    expect(audit.code, audit.out).toBe(0);
    expect(audit.out).toMatch(/^ledger OK: 8 documents in 1 chain/);
    const till = openTill(dataDir);
    try {
      expect(till.stored()).toEqual(issued);
      // the restore is in the trail of the ledger it placed (the first one's went aside with the ledger it placed)
      expect(restores(till.db)).toEqual([{ before_value: expect.stringMatching(/\.dkbackup$/), reason: null }]);
      expect((await till.issue(1))[0]!.icv).toBe(9);
    } finally {
      till.db.close();
    }
  });

  it('on a new computer (the old keychain is gone) the sheet restores a read-only archive', async () => {
    const { createOsKeychain } = await import('../../native/keychain/osKeychain');
    const old = createOsKeychain({ service: services[0]! });
    await old.delete('backup/passphrase');
    await old.delete('ledger/chain-anchor');
    const newComputer = path.join(newDir(), 'data');
    const without = dukkan(['restore', '--data-dir', newComputer, ...backupsIn(share)]);
    expect(without.code).toBe(1);
    expect(without.out).toMatch(/\[backup\.passphrase-needed\]/);
    const passphrase = /عبارة المرور: +(\S+)/.exec(sheet)![1]!;
    const r = dukkan(['restore', '--data-dir', newComputer, '--passphrase', '-', ...backupsIn(share)], `${passphrase.toLowerCase()}\n`);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toMatch(/READ-ONLY ARCHIVE at (\S+)/);
    const archive = /READ-ONLY ARCHIVE at (\S+)/.exec(r.out)![1]!;
    expect(archive.startsWith(path.join(newComputer, 'archives'))).toBe(true);
    const audit = dukkan(['audit', '--db', archive]);
    expect(audit.out).toMatch(/^ledger OK: 8 documents in 1 chain/);
    expect(readdirSync(newComputer)).toEqual(['archives']); // no live ledger was made
  });
});
