// SPDX-License-Identifier: UNLICENSED
// Who is signed in at each client (an Electron window, or a browser-mode tab) and the manager approvals granted
// there. Approvals are short-lived and bound to the client that asked, so a PIN typed at one till approves nothing
// at another. Wrong approval PINs are counted against the manager accounts in the database (userStore.ts), never
// here: a client id is whatever the caller sends, so a count kept per client is reset by sending a new one.
import { randomUUID } from 'node:crypto';
import type { User } from './userStore';

export type Locale = 'ar' | 'en';
export type ApprovalPurpose = 'price-override' | 'discount' | 'return' | 'debit-note' | 'drawer-open';

export interface GrantedApproval {
  readonly id: string;
  readonly managerId: number;
  readonly managerName: string;
  readonly purpose: ApprovalPurpose;
  readonly expiresAt: number;
  /**
   * A time-boxed session the manager chose to grant: good for every change until it expires. Otherwise the approval
   * is good for one change — the sale or note it approved — and is consumed when that is committed.
   */
  readonly timeBoxed: boolean;
}

export interface ClientSession {
  readonly clientId: string;
  user: User | null;
  locale: Locale;
  readonly approvals: Map<string, GrantedApproval>;
}

/** An approval covers edits for this long (a sale being rung up, a return being chosen). */
export const APPROVAL_TTL_MS = 10 * 60_000;
const MAX_CLIENTS = 200;

export class SessionStore {
  private readonly sessions = new Map<string, ClientSession>();

  constructor(
    private readonly defaultLocale: () => Locale,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(clientId: string): ClientSession {
    let session = this.sessions.get(clientId);
    if (!session) {
      // a bounded table: browser tabs come and go, the oldest signed-out ones are forgotten first
      if (this.sessions.size >= MAX_CLIENTS) {
        const victim = [...this.sessions.values()].find((s) => s.user === null) ?? this.sessions.values().next().value;
        if (victim) this.sessions.delete(victim.clientId);
      }
      session = { clientId, user: null, locale: this.defaultLocale(), approvals: new Map() };
      this.sessions.set(clientId, session);
    }
    return session;
  }

  signOut(session: ClientSession): void {
    session.user = null;
    session.approvals.clear();
  }

  /** Signs out every client signed in as one of `userIds` (users removed: the training users at go-live). */
  signOutUsers(userIds: readonly number[]): void {
    for (const s of this.sessions.values()) if (s.user && userIds.includes(s.user.id)) this.signOut(s);
  }

  /** Signs every client out (the terminal changed mode, e.g. training ended). */
  signOutAll(): void {
    for (const s of this.sessions.values()) this.signOut(s);
  }

  grant(session: ClientSession, manager: User, purpose: ApprovalPurpose, timeBoxed = false): GrantedApproval {
    const approval: GrantedApproval = {
      id: randomUUID(),
      managerId: manager.id,
      managerName: manager.name,
      purpose,
      expiresAt: this.now().getTime() + APPROVAL_TTL_MS,
      timeBoxed,
    };
    for (const [key, a] of session.approvals) if (a.expiresAt <= this.now().getTime()) session.approvals.delete(key);
    session.approvals.set(approval.id, approval);
    return approval;
  }

  /** A one-change approval is used up once its change is committed; a time-boxed session stays until it expires. */
  consume(session: ClientSession, id: string | undefined): void {
    const a = id === undefined ? undefined : session.approvals.get(id);
    if (a && !a.timeBoxed) session.approvals.delete(a.id);
  }

  /** The approval if it was granted at this client, is unexpired and was given for one of `purposes`. */
  approval(session: ClientSession, id: string | undefined, purposes: readonly ApprovalPurpose[]): GrantedApproval | undefined {
    if (id === undefined) return undefined;
    const a = session.approvals.get(id);
    if (!a || a.expiresAt <= this.now().getTime() || !purposes.includes(a.purpose)) return undefined;
    return a;
  }
}
