// SPDX-License-Identifier: UNLICENSED
// Sign-in: pick the user with ↑/↓ (or the mouse), type the PIN, Enter. A refused PIN is cleared and said why.
import { signal } from '@preact/signals';
import type { UserSummary } from '../../../app/contract/types';
import type { KeyPress } from './appStore';
import { FocusRequests } from './focus';
import type { AppServices } from './services';

export class LoginStore {
  /** The users who may sign in, in the session's order. */
  readonly users: readonly UserSummary[];
  readonly selected = signal(0);
  readonly pin = signal('');
  readonly error = signal('');
  readonly focus = new FocusRequests<'pin'>();

  constructor(private readonly app: AppServices) {
    this.users = app.session.peek().users.filter((u) => u.active);
    // the till is usually opened by a cashier
    this.selected.value = Math.max(
      0,
      this.users.findIndex((u) => u.role === 'cashier'),
    );
    this.focus.focus('pin');
  }

  /** Chooses a user (wrapping around the list) and goes to the PIN. */
  select(index: number): void {
    this.selected.value = (index + this.users.length) % this.users.length;
    this.focus.focus('pin');
  }

  async submit(): Promise<void> {
    const user = this.users[this.selected.peek()];
    if (!user) return;
    this.error.value = '';
    try {
      await this.app.api['session.login']({ userId: user.id, pin: this.pin.peek() });
      await this.app.refreshSession();
      this.app.go('cashier');
    } catch (e) {
      this.pin.value = '';
      this.error.value = this.app.errorText(e);
      this.focus.focus('pin');
    }
  }

  keydown(press: KeyPress): boolean {
    if (press.key === 'ArrowDown' || press.key === 'ArrowUp') {
      this.select(this.selected.peek() + (press.key === 'ArrowDown' ? 1 : -1));
      return true;
    }
    return false;
  }
}
