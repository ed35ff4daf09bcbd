// SPDX-License-Identifier: UNLICENSED
// Cashiers and managers. PINs are checked here and nowhere else; five wrong PINs in a row lock the user for a
// minute (doubling up to an hour), so a PIN cannot be guessed at the counter while the manager looks away.
import { DukkanError, type ErrorCode, type ErrorParams } from '../../app/errors/index';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { hashPin, pinMatches } from './pinHash';

export type Role = 'cashier' | 'manager';

export interface User {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
  readonly active: boolean;
  readonly defaultPin: boolean;
}

interface UserRow {
  id: number;
  name: string;
  role: Role;
  pin_salt: Buffer;
  pin_hash: Buffer;
  pin_params: string;
  default_pin: number;
  active: number;
  failed_attempts: number;
  locked_until: number | null;
}

export type PinCheck =
  | { readonly ok: true; readonly user: User }
  | { readonly ok: false; readonly reason: 'wrong-pin' | 'unknown-user' | 'inactive' }
  | { readonly ok: false; readonly reason: 'locked'; readonly until: Date };

/** A user the store refuses to save (`user.*`), on the field at fault. */
export class UserError extends DukkanError {
  override readonly name = 'UserError';
  declare readonly code: Extract<ErrorCode, `user.${string}`>;
  declare readonly field: string;

  constructor(code: Extract<ErrorCode, `user.${string}`>, params: ErrorParams, options: { readonly field: string }) {
    super(code, params, options);
  }
}

const LOCK_AFTER = 5;
const FIRST_LOCK_MS = 60_000;
const MAX_LOCK_MS = 3_600_000;

/** The PINs a training terminal starts with; shown on the sign-in screen until changed. */
export const DEFAULT_PINS = { manager: '1234', cashier: '0000' } as const;

function toUser(row: UserRow): User {
  return { id: row.id, name: row.name, role: row.role, active: row.active === 1, defaultPin: row.default_pin === 1 };
}

export class UserStore {
  private readonly q;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.q = {
      all: db.prepare<[], UserRow>('SELECT * FROM users ORDER BY role DESC, name'),
      byId: db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?'),
      byName: db.prepare<[string], UserRow>('SELECT * FROM users WHERE name = ?'),
      count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users'),
      activeManagers: db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM users WHERE role = 'manager' AND active = 1"),
      insert: db.prepare<[string, Role, Buffer, Buffer, string, number, number, number, number]>(
        'INSERT INTO users (name, role, pin_salt, pin_hash, pin_params, default_pin, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      update: db.prepare<[string, Role, number, number, number]>('UPDATE users SET name = ?, role = ?, active = ?, updated_at = ? WHERE id = ?'),
      setPin: db.prepare<[Buffer, Buffer, string, number, number]>(
        'UPDATE users SET pin_salt = ?, pin_hash = ?, pin_params = ?, default_pin = 0, failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?',
      ),
      // a PIN change stores the new hash only over the very hash the current PIN was checked against
      changePin: db.prepare<[Buffer, Buffer, string, number, number, Buffer]>(
        'UPDATE users SET pin_salt = ?, pin_hash = ?, pin_params = ?, default_pin = 0, failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ? AND pin_hash = ?',
      ),
      failed: db.prepare<[number, number | null, number]>('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?'),
      succeeded: db.prepare<[number]>(
        'UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ? AND (failed_attempts != 0 OR locked_until IS NOT NULL)',
      ),
    };
  }

  list(): User[] {
    return this.q.all.all().map(toUser);
  }

  get(id: number): User | undefined {
    const row = this.q.byId.get(id);
    return row ? toUser(row) : undefined;
  }

  isEmpty(): boolean {
    return (this.q.count.get()?.n ?? 0) === 0;
  }

  /** A training terminal's first users: one manager and one cashier with the factory PINs. */
  async seedDefaults(): Promise<void> {
    if (!this.isEmpty()) return;
    const manager = await hashPin(DEFAULT_PINS.manager);
    const cashier = await hashPin(DEFAULT_PINS.cashier);
    const t = this.now().getTime();
    this.db.transaction(() => {
      if (!this.isEmpty()) return;
      this.q.insert.run('Manager', 'manager', manager.salt, manager.hash, manager.params, 1, 1, t, t);
      this.q.insert.run('Cashier', 'cashier', cashier.salt, cashier.hash, cashier.params, 1, 1, t, t);
    })();
  }

  /** Creates (no id) or updates a user. A new user needs a PIN. The last active manager cannot be demoted or disabled. */
  async save(input: { id?: number; name: string; role: Role; pin?: string; active: boolean }): Promise<User> {
    const pin = input.pin === undefined ? undefined : await hashPin(input.pin);
    const t = this.now().getTime();
    const id = this.db.transaction((): number => {
      const sameName = this.q.byName.get(input.name);
      if (sameName && sameName.id !== input.id) throw new UserError('user.name-taken', { name: input.name }, { field: 'name' });
      if (input.id === undefined) {
        if (!pin) throw new UserError('user.pin-required', {}, { field: 'pin' });
        return Number(this.q.insert.run(input.name, input.role, pin.salt, pin.hash, pin.params, 0, input.active ? 1 : 0, t, t).lastInsertRowid);
      }
      const existing = this.q.byId.get(input.id);
      if (!existing) throw new UserError('user.no-such-user', { id: input.id }, { field: 'id' });
      const losesManager = existing.role === 'manager' && existing.active === 1 && (input.role !== 'manager' || !input.active);
      if (losesManager && (this.q.activeManagers.get()?.n ?? 0) <= 1) throw new UserError('user.last-manager', {}, { field: 'role' });
      this.q.update.run(input.name, input.role, input.active ? 1 : 0, t, input.id);
      if (pin) this.q.setPin.run(pin.salt, pin.hash, pin.params, t, input.id);
      return input.id;
    })();
    return this.get(id)!;
  }

  /** Checks a PIN, counting failures and locking after LOCK_AFTER in a row. */
  async checkPin(userId: number, pin: string): Promise<PinCheck> {
    const row = this.q.byId.get(userId);
    if (!row) return { ok: false, reason: 'unknown-user' };
    if (row.active !== 1) return { ok: false, reason: 'inactive' };
    const now = this.now().getTime();
    if (row.locked_until !== null && row.locked_until > now) return { ok: false, reason: 'locked', until: new Date(row.locked_until) };
    const matches = await pinMatches(pin, { salt: row.pin_salt, hash: row.pin_hash, params: row.pin_params });
    if (matches) {
      this.q.succeeded.run(userId);
      return { ok: true, user: toUser(row) };
    }
    const failures = row.failed_attempts + 1;
    const lockMs = failures >= LOCK_AFTER ? Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - LOCK_AFTER)) : 0;
    this.q.failed.run(failures, lockMs > 0 ? now + lockMs : null, userId);
    return lockMs > 0 ? { ok: false, reason: 'locked', until: new Date(now + lockMs) } : { ok: false, reason: 'wrong-pin' };
  }

  /**
   * A user choosing their own PIN: the current one is checked exactly as at sign-in (a wrong one counts towards the
   * lockout), then the new one is stored hashed and the factory-PIN mark cleared. The caller has checked the new
   * PIN's rules (pinPolicy). A PIN changed meanwhile by someone else answers wrong-pin and changes nothing.
   */
  async changePin(userId: number, oldPin: string, newPin: string): Promise<PinCheck> {
    const checkedHash = this.q.byId.get(userId)?.pin_hash;
    const check = await this.checkPin(userId, oldPin);
    if (!check.ok) return check;
    if (!checkedHash) return { ok: false, reason: 'unknown-user' };
    const pin = await hashPin(newPin);
    const changed = this.q.changePin.run(pin.salt, pin.hash, pin.params, this.now().getTime(), userId, checkedHash).changes;
    return changed === 1 ? { ok: true, user: this.get(userId)! } : { ok: false, reason: 'wrong-pin' };
  }

  /** A manager's PIN typed at the counter to approve something: any active manager whose PIN matches. */
  async findManagerByPin(pin: string): Promise<PinCheck> {
    let last: PinCheck = { ok: false, reason: 'wrong-pin' };
    for (const user of this.list().filter((u) => u.role === 'manager' && u.active)) {
      const check = await this.checkPinWithoutCounting(user.id, pin);
      if (check.ok) return check;
      if (check.reason === 'locked') last = check;
    }
    return last;
  }

  /** Approvals try every manager, so one wrong PIN must not count against each of them. */
  private async checkPinWithoutCounting(userId: number, pin: string): Promise<PinCheck> {
    const row = this.q.byId.get(userId);
    if (!row || row.active !== 1) return { ok: false, reason: 'unknown-user' };
    if (row.locked_until !== null && row.locked_until > this.now().getTime()) return { ok: false, reason: 'locked', until: new Date(row.locked_until) };
    return (await pinMatches(pin, { salt: row.pin_salt, hash: row.pin_hash, params: row.pin_params }))
      ? { ok: true, user: toUser(row) }
      : { ok: false, reason: 'wrong-pin' };
  }
}
