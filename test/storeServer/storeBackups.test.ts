// SPDX-License-Identifier: UNLICENSED
// The store server as a backup target (docs/backups.md, "The store server as a target"): an enrolled till's backup
// service uploads the same encrypted file its folder gets, the server keeps it per terminal, verifies its keyless
// checksum, prunes only what a newer backup provably holds, and hands it back for a restore. A real ledger with
// signed documents, a real store server on 127.0.0.1 on PGlite and on PostgreSQL; in-memory keychains.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { STORE_BACKUP_PATHS, type BackupUploadState } from '../../app/contract/storeBackup';
import { openBackup } from '../../main/backup/backupFormat';
import { restoreBackup } from '../../main/backup/restoreBackup';
import { restoreCommand } from '../../main/cli/commands/restore';
import { keychainServiceOf } from '../../main/onboarding/deviceKeychain';
import { readDeviceId } from '../../main/onboarding/onboardingStore';
import { createOsKeychain } from '../../native/keychain/index';
import { RestoreDesk } from '../../main/backup/restoreDesk';
import { fetchNewestBackup, listStoreBackups, storeBackupRemote, storeCredentials, uploadBackup } from '../../main/backup/storeBackupRemote';
import { enrolTill } from '../../main/storeSync/storeEnrolment';
import { signedRequest } from '../../main/storeSync/storeClient';
import { StoreSyncStore } from '../../main/storeSync/storeSyncStore';
import { useTempDirs } from '../support/tempDirs';
import { memoryKeychains, terminalPool, testBackupService } from '../backup/support';
import { managerFetch } from './managerFetch';
import { useStorageBackends, useStoreServer } from './storageBackends';
import { enrolledTerminal, managerCall, refusalOf } from './storeFixtures';

const TOKEN = 'store-backups-token';
const newDir = useTempDirs('dukkan-store-backups-');
const HOUR = 3600 * 1000;

describe.each(useStorageBackends())('backups on the store server on $name', (backend) => {
  const running = useStoreServer(backend, TOKEN);
  const terminals = terminalPool(newDir);
  afterAll(() => terminals.closeAll());

  /** An enrolled till with `documents` issued, its backup service with one folder, and the passphrase made. */
  async function enrolledTill(documents: number) {
    const t = await terminals.withDocuments(documents);
    const secrets = memoryKeychains().of('dukkan-test');
    const code = await managerCall(running.server.url, TOKEN, '/manager/api/codes', { branch: 'Olaya', terminalName: `Till ${t.dataDir.slice(-6)}` });
    await enrolTill({ db: t.db, secrets, url: running.server.url, code: code.body.value.code, now: () => new Date() });
    const { service, advance } = testBackupService(t, secrets, { remote: () => storeBackupRemote(t.db, secrets) });
    const folder = newDir();
    service.configure({ targets: [folder], everyHours: 4, keepNewest: 3 });
    const { passphrase } = await service.createPassphrase();
    const credentials = (await storeCredentials(t.db, secrets))!;
    return { t, service, folder, passphrase, credentials, secrets, advance };
  }

  /** The backup `file` restored onto a new computer (no ledger, no keychain entry of that terminal). */
  const onNewComputer = (file: string, passphrase: string) =>
    restoreBackup({ dataDir: path.join(newDir(), 'new-computer'), files: [file], keychainOf: memoryKeychains().of, passphrase, now: new Date() });

  it('an enrolled till backs up to its folder and the server alike; the server’s copy restores', async () => {
    const till = await enrolledTill(4);
    const store = storeBackupRemote(till.t.db, memoryKeychains().of('unused'))!.name;
    expect(till.service.health().targets.map((t) => t.target)).toEqual([till.folder, store]);
    expect(till.service.isDue(new Date('2026-12-01T08:00:00Z'))).toBe(true);

    const run = (await till.service.run('manager'))!;
    expect(run.outcomes.map((o) => [o.target, o.ok])).toEqual([
      [till.folder, true],
      [store, true],
    ]);
    const health = till.service.health();
    expect(health.warning).toBe(false);
    expect(health.targets[1]).toMatchObject({ target: store, stale: false, lastSuccess: { documents: 4 } });

    const [stored] = await listStoreBackups(till.credentials);
    const folderFile = run.outcomes[0]!.ok ? run.outcomes[0]!.file : '';
    expect(stored).toMatchObject({ name: path.basename(folderFile), manifest: { documents: 4 } });
    // the server kept exactly the bytes the folder got: encrypted, it never saw the passphrase
    const fetched = await fetchNewestBackup(till.credentials, newDir());
    expect(readFileSync(fetched).equals(readFileSync(folderFile))).toBe(true);
    const restored = await onNewComputer(fetched, till.passphrase);
    expect(restored).toMatchObject({ mode: 'archive', manifest: { documents: 4 } });
  });

  it('a till whose disk died: the manager downloads its backup file, which restores on a new computer', async () => {
    const till = await enrolledTill(3);
    const run = (await till.service.run('manager'))!;
    const folderFile = run.outcomes[0]!.ok ? run.outcomes[0]!.file : '';
    const get = (pathAndQuery: string, token = TOKEN) =>
      managerFetch(new URL(pathAndQuery, running.server.url), { headers: { authorization: `Bearer ${token}` } });
    const listed = (await (await get('/manager/api/backups')).json()) as { value: { terminalId: string; till: string; name: string; size: number }[] };
    const mine = listed.value.find((b) => b.name === path.basename(folderFile))!;
    expect(mine).toMatchObject({ terminalId: till.credentials.terminalId, size: readFileSync(folderFile).length });
    expect(mine.till).toContain('Olaya / Till');
    // the page links it, in both languages
    for (const lang of ['en', 'ar']) expect(await (await get(`/manager?lang=${lang}`)).text()).toContain(`name=${encodeURIComponent(mine.name)}`);
    const query = `?terminal=${encodeURIComponent(mine.terminalId)}&name=${encodeURIComponent(mine.name)}`;
    // no manager token, no file; an unknown backup is refused by name
    expect((await get(`/manager/backups/file${query}`, 'wrong-token')).status).not.toBe(200);
    expect((await get(`/manager/backups/file?terminal=${encodeURIComponent(mine.terminalId)}&name=dukkan-nope-20260101T000000Z.dkbackup`)).status).not.toBe(
      200,
    );
    const answer = await get(`/manager/backups/file${query}`);
    expect(answer.headers.get('content-disposition')).toContain(mine.name);
    const downloaded = path.join(newDir(), mine.name);
    writeFileSync(downloaded, Buffer.from(await answer.arrayBuffer()));
    // the very file the till made: still encrypted, restored with the till's recovery-sheet passphrase
    expect(readFileSync(downloaded).equals(readFileSync(folderFile))).toBe(true);
    const restored = await onNewComputer(downloaded, till.passphrase);
    expect(restored).toMatchObject({ mode: 'archive', manifest: { documents: 3 } });
  });

  it('the manager’s restore takes the server’s newest backup as one more source, or as the only one', async () => {
    const till = await enrolledTill(2);
    await till.service.run('manager');
    // two more documents, backed up to the server alone: the folder's backup is behind it
    await till.t.issue(2);
    till.service.configure({ targets: [], everyHours: 4, keepNewest: 3 });
    till.advance(5 * HOUR);
    await till.service.run('schedule');
    const desk = new RestoreDesk({
      dataDir: till.t.dataDir,
      secrets: () => till.secrets,
      clock: () => new Date(),
      storeCredentials: () => storeCredentials(till.t.db, till.secrets),
    });
    expect(await desk.stage([till.folder])).toMatchObject({ documents: 4 });
    desk.cancel();
    expect(await desk.stage([])).toMatchObject({ documents: 4 });
    desk.cancel();
    // out of reach: the folder alone is restored from; with no folder given, the server's refusal is the answer
    const links = new StoreSyncStore(till.t.db);
    links.setLink({ ...links.link()!, url: 'http://127.0.0.1:9' });
    expect(await desk.stage([till.folder])).toMatchObject({ documents: 2 });
    desk.cancel();
    expect(await refusalOf(() => desk.stage([]))).toMatchObject({ code: 'store.unreachable' });
    expect(existsSync(path.join(till.t.dataDir, 'restore-fetch')) ? readdirSync(path.join(till.t.dataDir, 'restore-fetch')) : []).toEqual([]);
  });

  it('dukkan restore --from-store checks the server’s newest backup with the terminal’s own keychain', async () => {
    const t = await terminals.withDocuments(3);
    // the OS keychain of the terminal, as the app and the command line find it (docs/backups.md)
    const secrets = createOsKeychain({ service: keychainServiceOf(readDeviceId(t.db)!) });
    const code = await managerCall(running.server.url, TOKEN, '/manager/api/codes', { branch: 'Olaya', terminalName: `Till ${t.dataDir.slice(-6)}` });
    await enrolTill({ db: t.db, secrets, url: running.server.url, code: code.body.value.code, now: () => new Date() });
    // no folder: the store server is the only target
    const { service } = testBackupService(t, secrets, { remote: () => storeBackupRemote(t.db, secrets) });
    await service.createPassphrase();
    expect((await service.run('manager'))!.outcomes).toMatchObject([{ ok: true }]);
    terminals.closeOne(t);
    const cli = async (argv: string[]) => {
      const out: string[] = [];
      const exit = await restoreCommand.run(argv, { stdout: (x) => out.push(x), stderr: () => undefined, stopSignal: new Promise(() => undefined) });
      return { exit, out: out.join('') };
    };
    const checked = await cli(['--data-dir', t.dataDir, '--check', '--from-store']);
    expect(checked.out).toMatch(/checksum verified, decrypted, ledger audited/);
    expect(checked.out).toMatch(/3 document\(s\)/);
    expect(checked).toMatchObject({ exit: 0 });
    expect(readdirSync(path.join(t.dataDir, 'restore-fetch'))).toEqual([]);
    // a ledger that is not enrolled has no server to fetch from
    const other = await terminals.withDocuments(1);
    terminals.closeOne(other);
    const refused = await cli(['--data-dir', other.dataDir, '--check', '--from-store']);
    expect(refused.exit).toBe(1);
    expect(refused.out).toMatch(/NOT RESTORED.*not enrolled on a store server/s);
  });

  it('the server out of reach: the folder still gets its backup, the server’s failure is recorded beside it', async () => {
    const till = await enrolledTill(1);
    const links = new StoreSyncStore(till.t.db);
    const link = links.link()!;
    links.setLink({ ...link, url: 'http://127.0.0.1:9' });
    const run = (await till.service.run('manager'))!;
    expect(run.outcomes[0]).toMatchObject({ ok: true });
    expect(run.outcomes[1]).toMatchObject({ target: 'store server http://127.0.0.1:9', ok: false, error: { code: 'store.unreachable' } });
    expect(till.service.health()).toMatchObject({ warning: true, targets: [{ stale: false }, { stale: true, lastFailure: { code: 'store.unreachable' } }] });
  });

  it('keeps the newest three and prunes an older backup only where the newest holds all its documents', async () => {
    const till = await enrolledTill(1);
    for (let i = 0; i < 4; i++) {
      await till.t.issue(1);
      till.advance(5 * HOUR);
      await till.service.run('schedule');
    }
    const stored = await listStoreBackups(till.credentials);
    expect(stored.map((b) => b.manifest.chains[0]!.lastIcv)).toEqual([5, 4, 3]);
    // another terminal sees none of them
    const other = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Till Z');
    expect(await listStoreBackups(other)).toEqual([]);
    const name = stored[0]!.name;
    expect(await refusalOf(() => signedRequest(other, 'GET', `${STORE_BACKUP_PATHS.part}?name=${name}&offset=0`))).toMatchObject({
      code: 'store.backup-unknown',
    });
  });

  it('an upload cut short resumes where the server’s copy ends; parts out of order and damaged bytes are refused', async () => {
    const till = await enrolledTill(3);
    const run = (await till.service.run('manager'))!;
    const file = await openBackup(run.outcomes[0]!.ok ? run.outcomes[0]!.file : '');
    const bytes = readFileSync(file.file);
    // a copy under a new name, so the server has not got it yet
    const name = path.basename(file.file).replace(/Z\.dkbackup$/, '1Z.dkbackup');
    const copy = path.join(newDir(), name);
    writeFileSync(copy, bytes);
    const begin = { name, size: bytes.length, manifest: file.header.manifest };
    await signedRequest(till.credentials, 'POST', STORE_BACKUP_PATHS.begin, begin);
    const half = Math.floor(bytes.length / 2);
    const part = (offset: number, b: Buffer) => signedRequest(till.credentials, 'POST', `${STORE_BACKUP_PATHS.part}?name=${name}&offset=${offset}`, b);
    expect((await part(0, bytes.subarray(0, half))) as BackupUploadState).toEqual({ received: half, complete: false });
    // the same part again (its answer was lost): stored once
    expect(await part(0, bytes.subarray(0, half))).toEqual({ received: half, complete: false });
    expect(await refusalOf(() => part(half + 10, bytes.subarray(half + 10)))).toMatchObject({
      code: 'store.backup-out-of-order',
      params: { offset: half + 10, received: half },
    });
    expect(await refusalOf(() => signedRequest(till.credentials, 'POST', `${STORE_BACKUP_PATHS.finish}?name=${name}`))).toMatchObject({
      code: 'store.backup-incomplete',
    });
    // an upload of an older backup left halfway (the till moved on): removed when a newer one is finished
    const older = { ...begin, name: 'dukkan-abandoned-20261130T080000Z.dkbackup', manifest: { ...begin.manifest, createdAt: '2026-11-30T08:00:00.000Z' } };
    await signedRequest(till.credentials, 'POST', STORE_BACKUP_PATHS.begin, older);
    await signedRequest(till.credentials, 'POST', `${STORE_BACKUP_PATHS.part}?name=${older.name}&offset=0`, bytes.subarray(0, 100));
    await uploadBackup(till.credentials, await openBackup(copy));
    const names = await running.storage.query<{ name: string }>('SELECT name FROM terminal_backups WHERE terminal_id = $1', [till.credentials.terminalId]);
    expect(names.map((r) => r.name)).not.toContain(older.name);
    expect(names.map((r) => r.name)).toContain(name);
    expect((await listStoreBackups(till.credentials)).map((b) => b.name)).toContain(name);
    expect(readFileSync(await fetchNewestBackup(till.credentials, newDir())).equals(bytes)).toBe(true);

    // one byte changed on the way: the file's own checksum fails at the server, which keeps nothing of it
    const damaged = Buffer.from(bytes);
    damaged[100]! ^= 0x01;
    const badName = name.replace(/1Z\.dkbackup$/, '2Z.dkbackup');
    await signedRequest(till.credentials, 'POST', STORE_BACKUP_PATHS.begin, { ...begin, name: badName });
    await signedRequest(till.credentials, 'POST', `${STORE_BACKUP_PATHS.part}?name=${badName}&offset=0`, damaged);
    expect(await refusalOf(() => signedRequest(till.credentials, 'POST', `${STORE_BACKUP_PATHS.finish}?name=${badName}`))).toMatchObject({
      code: 'store.backup-damaged',
    });
    expect((await listStoreBackups(till.credentials)).map((b) => b.name)).not.toContain(badName);
  });
});
