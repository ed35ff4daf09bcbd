// SPDX-License-Identifier: UNLICENSED
// Cashiers and managers. PINs are checked here and nowhere else; five wrong PINs in a row lock the user for a
// minute (doubling up to an hour), so a PIN cannot be guessed at the counter while the manager looks away.
// Every attempt is counted in one IMMEDIATE transaction (increment and read) before the slow scrypt check and only
// refunded when the PIN matched, so parallel guesses each count, and a process killed mid-check keeps the count
// (docs/security.md "PIN guessing"). main/users/pinChecks.ts runs one check at a time per till on top of this.
import { DukkanError, type ErrorCode, type ErrorParams } from '../../app/errors/index';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { hashPin, pinMatches, type PinHash } from './pinHash';

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

/** A PIN check and the failures in a row it leaves (0 after a match); `locked` lists the users it locked. */
export interface CountedCheck {
  readonly check: PinCheck;
  readonly failures: number;
  readonly locked?: readonly { readonly userId: number; readonly until: Date }[];
}

interface Attempt {
  readonly user: User;
  readonly stored: PinHash;
  /** Failures in a row counting this attempt. */
  readonly failures: number;
}

/** A user the store refuses to save (`user.*`), on the field at fault. */
export class UserError extends DukkanError {
  override readonly name = 'UserError';
  declare readonly code: Extract<ErrorCode, `user.${string}`>;
  declare readonly field: string;

  constructor(code: Extract<ErrorCode, `user.${string}`>, params: ErrorParams, options: { readonly field: string }) {
    super(code, params, options);
  }
}

/** Wrong PINs in a row that lock a user (the tests read it rather than repeat it). */
export const LOCK_AFTER = 5;
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
      counted: db.prepare<[number]>('UPDATE users SET failed_attempts = failed_attempts + 1 WHERE id = ?'),
      refunded: db.prepare<[number]>('UPDATE users SET failed_attempts = MAX(0, failed_attempts - 1) WHERE id = ?'),
      lock: db.prepare<[number, number]>('UPDATE users SET locked_until = ? WHERE id = ?'),
      factoryUsers: db.prepare<[], UserRow>('SELECT * FROM users WHERE default_pin = 1 ORDER BY id'),
      remove: db.prepare<[number]>('DELETE FROM users WHERE id = ? AND default_pin = 1'),
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

  /**
   * Going live (main/app/goLiveUsers.ts): the training users — those still on a factory PIN — are removed, so no
   * one can sign in to the live terminal as "Cashier 0000". One exception keeps the terminal reachable: when no
   * active manager with a PIN of their own exists, the first factory manager stays, and must choose a PIN at the
   * first live sign-in before anything else (main/ipc/dispatcher). Answers the ids removed.
   */
  removeTrainingUsers(): number[] {
    return this.db.transaction((): number[] => {
      const factory = this.q.factoryUsers.all();
      const ownManager = this.list().some((u) => u.role === 'manager' && u.active && !u.defaultPin);
      const kept = ownManager ? undefined : factory.find((u) => u.role === 'manager' && u.active === 1);
      const removed = factory.filter((u) => u.id !== kept?.id);
      for (const u of removed) this.q.remove.run(u.id);
      return removed.map((u) => u.id);
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

  /**
   * Checks a PIN, counting the attempt before hashing and locking after LOCK_AFTER failures in a row; tells how many
   * failures in a row the user has now (for the caller's delay and log).
   */
  async checkPinCounted(userId: number, pin: string): Promise<CountedCheck> {
    const start = this.countAttempts([userId]);
    const attempt = start.attempts[0];
    if (!attempt) return { check: start.refusal ?? { ok: false, reason: 'unknown-user' }, failures: 0 };
    const matches = await pinMatches(pin, attempt.stored);
    return matches ? { check: this.matched(attempt), failures: 0 } : this.wrong(attempt);
  }

  /**
   * A user choosing their own PIN: the current one is checked exactly as at sign-in (counted before hashing; a wrong
   * one counts towards the lockout), then the new one is stored hashed and the factory-PIN mark cleared. The caller
   * has checked the new PIN's rules (pinPolicy). A PIN changed meanwhile by someone else answers wrong-pin.
   */
  async changePin(userId: number, oldPin: string, newPin: string): Promise<CountedCheck> {
    const start = this.countAttempts([userId]);
    const attempt = start.attempts[0];
    if (!attempt) return { check: start.refusal ?? { ok: false, reason: 'unknown-user' }, failures: 0 };
    if (!(await pinMatches(oldPin, attempt.stored))) return this.wrong(attempt);
    this.matched(attempt);
    const pin = await hashPin(newPin);
    const changed = this.q.changePin.run(pin.salt, pin.hash, pin.params, this.now().getTime(), userId, attempt.stored.hash).changes;
    return { check: changed === 1 ? { ok: true, user: this.get(userId)! } : { ok: false, reason: 'wrong-pin' }, failures: 0 };
  }

  /**
   * A manager's PIN typed at the counter to approve something: any active manager whose PIN matches. The attempt
   * counts against every active, unlocked manager before hashing (the PIN could be any of theirs, and each gets
   * the same guesses as at sign-in); when it matches one, the others get their count back.
   */
  async findManagerByPin(pin: string): Promise<CountedCheck> {
    const managers = this.list().filter((u) => u.role === 'manager' && u.active);
    const start = this.countAttempts(managers.map((u) => u.id));
    if (start.attempts.length === 0) return { check: start.refusal ?? { ok: false, reason: 'wrong-pin' }, failures: 0 };
    for (const attempt of start.attempts) {
      if (!(await pinMatches(pin, attempt.stored))) continue;
      for (const other of start.attempts) if (other !== attempt) this.q.refunded.run(other.user.id);
      return { check: this.matched(attempt), failures: 0 };
    }
    const results = start.attempts.map((a) => this.wrong(a));
    const failures = Math.max(...results.map((r) => r.failures));
    const locked = results.flatMap((r) => r.locked ?? []);
    // refused as locked only when no manager is left to guess against
    const check: PinCheck = locked.length === results.length ? results[0]!.check : { ok: false, reason: 'wrong-pin' };
    return { check, failures, locked };
  }

  /** One IMMEDIATE transaction: skip users who are unknown, inactive or locked, and count one attempt for the rest. */
  private countAttempts(ids: readonly number[]): { attempts: Attempt[]; refusal?: Exclude<PinCheck, { ok: true }> } {
    return this.db
      .transaction(() => {
        const attempts: Attempt[] = [];
        let refusal: Exclude<PinCheck, { ok: true }> | undefined;
        const now = this.now().getTime();
        for (const id of ids) {
          const row = this.q.byId.get(id);
          if (!row) refusal = { ok: false, reason: 'unknown-user' };
          else if (row.active !== 1) refusal = { ok: false, reason: 'inactive' };
          else if (row.locked_until !== null && row.locked_until > now) refusal = { ok: false, reason: 'locked', until: new Date(row.locked_until) };
          else {
            this.q.counted.run(id);
            const stored = { salt: row.pin_salt, hash: row.pin_hash, params: row.pin_params };
            attempts.push({ user: toUser(row), stored, failures: row.failed_attempts + 1 });
          }
        }
        return refusal ? { attempts, refusal } : { attempts };
      })
      .immediate();
  }

  private matched(attempt: Attempt): PinCheck {
    this.q.succeeded.run(attempt.user.id);
    return { ok: true, user: attempt.user };
  }

  /** The counted attempt was wrong: from LOCK_AFTER failures in a row the user is locked, doubling up to an hour. */
  private wrong(attempt: Attempt): CountedCheck {
    const { failures } = attempt;
    if (failures < LOCK_AFTER) return { check: { ok: false, reason: 'wrong-pin' }, failures };
    const until = new Date(this.now().getTime() + Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - LOCK_AFTER)));
    this.q.lock.run(until.getTime(), attempt.user.id);
    return { check: { ok: false, reason: 'locked', until }, failures, locked: [{ userId: attempt.user.id, until }] };
  }
}
