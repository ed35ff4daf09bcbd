// SPDX-License-Identifier: UNLICENSED
// A PIN changed at a till travels to the store server (docs/store-server.md, "PIN changes at a till"). On PGlite and
// PostgreSQL: the server takes a PIN hash for one of its users at the next master-data version, never an older one
// than it has, never for a user it does not have, never a PIN. With two live tills onboarded on the Fatoora
// simulator, enrolled on a real HTTPS store server: a user changes her PIN at till A while A cannot reach the server —
// A takes the new PIN at once and keeps it through a pull — then A's outbox drains, and till B, after its pull,
// accepts the new PIN and refuses the old one; a manager's new PIN for a user at B travels the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PinChangeAnswer } from '../../app/contract/storePinChange';
import { signedRequest } from '../../main/storeSync/storeClient';
import { PinOutboxStore } from '../../main/storeSync/pinOutboxStore';
import { StoreSyncStore } from '../../main/storeSync/storeSyncStore';
import { hashPin } from '../../main/users/pinHash';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import { clientOf, type Client } from '../app/support';
import { enrolledLiveTill, MANAGER_PIN, type LiveTill } from './liveTills';
import { useStorageBackends, useStoreServer } from './storageBackends';
import { enrolledTerminal, managerCall, refusalOf } from './storeFixtures';

const TOKEN = 'pin-changes-token';
const backends = useStorageBackends();

async function userBody(name: string, pin: string) {
  const h = await hashPin(pin);
  return { name, role: 'cashier', active: true, pinSalt: h.salt.toString('base64'), pinHash: h.hash.toString('base64'), pinParams: h.params };
}

describe.each(backends)('PIN changes at the store server on $name', (backend) => {
  const running = useStoreServer(backend, TOKEN);
  const put = (key: string, body: unknown) => managerCall(running.server.url, TOKEN, '/manager/api/master-data', { kind: 'user', key, body });
  const stored = async (key: string) =>
    (
      await running.storage.query<{ version: number; body: Record<string, unknown> }>(
        "SELECT version, body FROM master_data WHERE kind = 'user' AND key = $1",
        [key],
      )
    )[0]!;

  it('takes a newer PIN hash for one of its users, never an older one, never for a user it lacks', async () => {
    const t = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Till P');
    expect((await put('huda', await userBody('Huda', '2468'))).status).toBe(200);
    const before = await stored('huda');
    expect(typeof before.body.pinChangedAt).toBe('string'); // the manager's own setting of it
    const next = await userBody('Huda', '1357');
    const change = {
      key: 'huda',
      pinSalt: next.pinSalt,
      pinHash: next.pinHash,
      pinParams: next.pinParams,
      changedAt: new Date(Date.now() + 1000).toISOString(),
    };
    const applied = (await signedRequest(t, 'POST', '/api/users/pin', change)) as PinChangeAnswer;
    expect(applied.outcome).toBe('applied');
    const after = await stored('huda');
    expect(after.version).toBe(applied.version);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.body).toMatchObject({ name: 'Huda', role: 'cashier', active: true, pinHash: next.pinHash, pinChangedAt: change.changedAt });
    // a till pulls it as any change
    const pulled = (await signedRequest(t, 'GET', `/api/pull?after=${before.version}`)) as { changes: { key: string; body: { pinHash: string } }[] };
    expect(pulled.changes.find((c) => c.key === 'huda')?.body.pinHash).toBe(next.pinHash);

    // a change made before the one the server has (a till offline meanwhile) changes nothing
    const old = await userBody('Huda', '9753');
    const stale = (await signedRequest(t, 'POST', '/api/users/pin', {
      ...change,
      pinSalt: old.pinSalt,
      pinHash: old.pinHash,
      pinParams: old.pinParams,
      changedAt: new Date(Date.now() - 60_000).toISOString(),
    })) as PinChangeAnswer;
    expect(stale).toEqual({ outcome: 'stale', version: after.version });
    expect((await stored('huda')).body.pinHash).toBe(next.pinHash);

    // the manager setting another PIN later wins over a till's change made before it
    const reset = await userBody('Huda', '8642');
    await put('huda', reset);
    const late = (await signedRequest(t, 'POST', '/api/users/pin', { ...change, changedAt: new Date(Date.now() - 1000).toISOString() })) as PinChangeAnswer;
    expect(late.outcome).toBe('stale');
    expect((await stored('huda')).body.pinHash).toBe(reset.pinHash);

    const unknown = await refusalOf(() => signedRequest(t, 'POST', '/api/users/pin', { ...change, key: 'nobody' }));
    expect(unknown).toMatchObject({ code: 'store.pin-user-unknown', params: { user: 'nobody' } });
    await put('gone', await userBody('Gone', '2468'));
    await put('gone', null);
    expect(await refusalOf(() => signedRequest(t, 'POST', '/api/users/pin', { ...change, key: 'gone' }))).toMatchObject({ code: 'store.pin-user-unknown' });
    // a PIN itself is never taken
    const withPin = await refusalOf(() => signedRequest(t, 'POST', '/api/users/pin', { ...change, pin: '1357' }));
    expect(withPin).toMatchObject({ code: 'store.malformed' });
    expect((await stored('huda')).body.pinHash).toBe(reset.pinHash);
  });
});

describe('a PIN changed at till A signs in at till B after a pull', { timeout: 300_000 }, () => {
  const pglite = backends.find((b) => b.name === 'pglite')!;
  const running = useStoreServer(pglite, TOKEN);
  let sim: FatooraSimulator;
  let a: LiveTill;
  let b: LiveTill;
  let counterA: Client;
  let counterB: Client;

  beforeAll(async () => {
    sim = await startFatooraSimulator({ otps: ['271828', '161803'] });
    a = await enrolledLiveTill({ fatooraUrl: sim.url, otp: '271828', storeUrl: running.server.url, token: TOKEN, name: 'Till A' });
    b = await enrolledLiveTill({ fatooraUrl: sim.url, otp: '161803', storeUrl: running.server.url, token: TOKEN, name: 'Till B' });
    counterA = clientOf(a.app, 'counter-a');
    counterB = clientOf(b.app, 'counter-b');
  }, 300_000);
  afterAll(async () => {
    await a?.app.close();
    await b?.app.close();
    await sim?.close();
  });

  const folder = (t: LiveTill) => t.app.core.current();
  const userId = (t: LiveTill, name: string) => t.app.core.users.list().find((u) => u.name === name)!.id;
  const signInAs = (c: Client, t: LiveTill, name: string, pin: string) => c.call('session.login', { userId: userId(t, name), pin });

  it('waits in A’s outbox while A is cut off, A uses it at once, and B takes it from its next pull', async () => {
    await managerCall(running.server.url, TOKEN, '/manager/api/master-data', { kind: 'user', key: 'noura', body: await userBody('Noura', '2468') });
    for (const t of [a, b]) await folder(t).storeSync!.pull.pullOnce();
    await signInAs(counterA, a, 'Noura', '2468');
    await signInAs(counterB, b, 'Noura', '2468');

    // A cannot reach the server: its link points at a closed port of this machine
    const links = new StoreSyncStore(folder(a).db);
    const link = links.link()!;
    links.setLink({ ...link, url: 'http://127.0.0.1:9' });
    await counterA.call('session.changePin', { oldPin: '2468', newPin: '1357' });
    const outbox = new PinOutboxStore(folder(a).db);
    expect(outbox.count()).toBe(1);
    expect(await folder(a).storeSync!.worker.pushOnce()).toBe('failed');
    expect(outbox.count()).toBe(1);
    expect((await a.manager.call('store.status', {}))!.backlog).toBeGreaterThanOrEqual(1);
    // A uses the new PIN now, and keeps it through a pull of the server's older hash of Noura
    links.setLink(link);
    folder(a).db.prepare('UPDATE store_pull SET version = 0').run();
    expect(await folder(a).storeSync!.pull.pullOnce()).toBe('idle');
    await counterA.call('session.logout', {});
    await signInAs(counterA, a, 'Noura', '1357');
    expect(outbox.count()).toBe(1);

    // A reaches the server again: the change goes, once
    expect(await folder(a).storeSync!.worker.pushOnce()).toBe('idle');
    expect(outbox.count()).toBe(0);
    const at = await running.storage.query<{ body: { pinHash: string; name: string } }>("SELECT body FROM master_data WHERE kind = 'user' AND key = 'noura'");
    const local = folder(a).db.prepare<[number], { pin_hash: Buffer }>('SELECT pin_hash FROM users WHERE id = ?').get(userId(a, 'Noura'))!;
    expect(at[0]!.body).toMatchObject({ name: 'Noura', pinHash: local.pin_hash.toString('base64') });

    // B, after its pull: the new PIN signs in, the old one no longer
    await counterB.call('session.logout', {});
    expect(await folder(b).storeSync!.pull.pullOnce()).toBe('idle');
    expect((await counterB.refusal('session.login', { userId: userId(b, 'Noura'), pin: '2468' })).reason).toBe('user.wrong-pin');
    await signInAs(counterB, b, 'Noura', '1357');
    // nothing of the PIN itself went anywhere: the server holds the hash only
    expect(JSON.stringify(at[0]!.body)).not.toContain('1357');
  });

  it('sends a manager’s new PIN for a user at B the same way; other edits of users stay refused while enrolled', async () => {
    const noura = userId(b, 'Noura');
    const saved = await b.manager.call('users.save', { id: noura, name: 'Noura', role: 'cashier', pin: '8024', active: true });
    expect(saved.id).toBe(noura);
    expect(await folder(b).storeSync!.worker.pushOnce()).toBe('idle');
    expect(new PinOutboxStore(folder(b).db).count()).toBe(0);
    expect(await folder(a).storeSync!.pull.pullOnce()).toBe('idle');
    await counterA.call('session.logout', {});
    await signInAs(counterA, a, 'Noura', '8024');
    // a rename is master data the server manages: refused as before, nothing changed
    expect(await b.manager.refusal('users.save', { id: noura, name: 'Noura S', role: 'cashier', pin: '8024', active: true })).toMatchObject({
      reason: 'store.managed-by-server',
    });
    expect(b.app.core.users.list().some((u) => u.name === 'Noura S')).toBe(false);
    // the manager's own user is this till's (not the server's): a PIN change of it stays here
    await b.manager.call('session.changePin', { oldPin: MANAGER_PIN, newPin: '7392' });
    expect(new PinOutboxStore(folder(b).db).count()).toBe(0);
    await b.manager.call('session.changePin', { oldPin: '7392', newPin: MANAGER_PIN });
  });
});
