// SPDX-License-Identifier: UNLICENSED
// Sign-in: pick the user with ↑/↓ (or the mouse), type the PIN, Enter. A refused PIN is cleared and said why.
// The list follows the session (going live replaces the training users) without the screen being drawn again, so
// a PIN being typed when main's mode changes is kept.
import { computed, signal } from '@preact/signals';
import type { UserSummary } from '../../../app/contract/types';
import type { KeyPress } from './appStore';
import { FocusRequests } from './focus';
import type { AppServices } from './services';

export class LoginStore {
  private readonly activeUsers = computed(() => this.app.session.value.users.filter((u) => u.active));
  /** The user picked, by id: their place in the list may change when the list does. */
  private readonly chosenId = signal<number | null>(null);
  /** Where the picked user is in the list; the first cashier (the till is usually opened by one) when none is. */
  readonly selected = computed(() => {
    const users = this.activeUsers.value;
    const chosen = users.findIndex((u) => u.id === this.chosenId.value);
    return chosen >= 0
      ? chosen
      : Math.max(
          0,
          users.findIndex((u) => u.role === 'cashier'),
        );
  });
  readonly pin = signal('');
  readonly error = signal('');
  readonly focus = new FocusRequests<'pin'>();

  constructor(private readonly app: AppServices) {
    this.focus.focus('pin');
  }

  /** The users who may sign in, in the session's order. */
  get users(): readonly UserSummary[] {
    return this.activeUsers.value;
  }

  /** Chooses a user (wrapping around the list) and goes to the PIN. */
  select(index: number): void {
    const users = this.activeUsers.peek();
    if (users.length === 0) return;
    this.chosenId.value = users[(index + users.length) % users.length]!.id;
    this.focus.focus('pin');
  }

  async submit(): Promise<void> {
    const user = this.activeUsers.peek()[this.selected.peek()];
    if (!user) return;
    this.error.value = '';
    try {
      // the sign-in answers with the new session: the cashier screen waits for no second call
      this.app.showSession(await this.app.api['session.login']({ userId: user.id, pin: this.pin.peek() }));
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
