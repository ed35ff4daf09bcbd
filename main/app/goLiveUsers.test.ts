// Going live removes the training users (those still on a factory PIN) from a real SQLite file and signs them out;
// a manager is always left to reach the terminal; training keeps everyone. The whole app's go-live path with it:
// test/app/pinChange.test.ts.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDeviceDatabase } from '../db/openDeviceDatabase';
import { SessionStore } from '../users/sessions';
import { UserStore } from '../users/userStore';
import { retireTrainingUsers } from './goLiveUsers';

async function terminal() {
  const db = openDeviceDatabase(path.join(mkdtempSync(path.join(tmpdir(), 'dukkan-golive-users-')), 'dukkan.sqlite'));
  const users = new UserStore(db);
  await users.seedDefaults();
  const sessions = new SessionStore(() => 'en');
  return {
    db,
    users,
    sessions,
    names: () =>
      users
        .list()
        .map((u) => u.name)
        .sort(),
  };
}

describe('going live keeps no training users', () => {
  it('removes the factory users and signs them out, keeping the factory manager when no other manager exists', async () => {
    const t = await terminal();
    await t.users.save({ name: 'Sara', role: 'cashier', pin: '2580', active: true });
    const cashier = t.users.list().find((u) => u.name === 'Cashier')!;
    const till = t.sessions.get('till');
    till.user = cashier;
    expect(retireTrainingUsers('live', t)).toEqual([cashier.id]);
    expect(t.names()).toEqual(['Manager', 'Sara']);
    expect(till.user).toBeNull();
    // the manager left must still choose a PIN of their own at the first live sign-in
    expect(t.users.list().find((u) => u.name === 'Manager')!.defaultPin).toBe(true);
    t.db.close();
  });

  it('removes the factory manager too once a manager with a PIN of their own exists', async () => {
    const t = await terminal();
    await t.users.save({ name: 'Huda', role: 'manager', pin: '4821', active: true });
    expect(retireTrainingUsers('live', t)).toHaveLength(2);
    expect(t.names()).toEqual(['Huda']);
    // idempotent: going live again (a renewal) removes nothing more
    expect(retireTrainingUsers('live', t)).toEqual([]);
    t.db.close();
  });

  it('changes nothing while the terminal stays in training', async () => {
    const t = await terminal();
    expect(retireTrainingUsers('training', t)).toEqual([]);
    expect(t.names()).toEqual(['Cashier', 'Manager']);
    t.db.close();
  });
});
