// SPDX-License-Identifier: UNLICENSED
// Choosing one's own PIN, shown after a sign-in with a factory PIN on a live terminal (main refuses every other
// call until the PIN is changed, so this screen is a convenience, not the guard). Current PIN, the new one twice,
// Enter; Enter while a later field is still empty moves there instead; Alt+Q signs out instead.
import { batch, signal } from '@preact/signals';
import { ApiCallError } from '../api';
import { FocusRequests } from './focus';
import type { AppServices } from './services';

export type PinField = 'current' | 'next' | 'again';

export const PIN_FIELDS: readonly PinField[] = ['current', 'next', 'again'];

export class PinChangeStore {
  readonly values = { current: signal(''), next: signal(''), again: signal('') } as const;
  readonly error = signal('');
  readonly focus = new FocusRequests<PinField>();

  constructor(private readonly app: AppServices) {
    this.focus.focus('current');
  }

  /** Empties the fields and puts the keyboard in the first. */
  private retype(first: PinField, ...others: PinField[]): void {
    batch(() => {
      for (const field of [first, ...others]) this.values[field].value = '';
      this.focus.focus(first);
    });
  }

  /** Enter in `from`: the next empty field after it, if any, takes the keyboard instead of saving. */
  enter(from: PinField | null): boolean {
    const at = from ? PIN_FIELDS.indexOf(from) : -1;
    const empty = at >= 0 ? PIN_FIELDS.slice(at + 1).find((f) => this.values[f].peek() === '') : undefined;
    if (!empty) return false;
    this.focus.focus(empty);
    return true;
  }

  async submit(): Promise<void> {
    const { t } = this.app.tr;
    this.error.value = '';
    if (this.values.next.peek() !== this.values.again.peek()) {
      this.error.value = t('pinsDiffer');
      this.retype('next', 'again');
      return;
    }
    try {
      this.app.showSession(await this.app.api['session.changePin']({ oldPin: this.values.current.peek(), newPin: this.values.next.peek() }));
      this.app.continueAfterPinChange();
      this.app.toast(t('pinChanged'), 'ok');
    } catch (e) {
      this.error.value = this.app.errorText(e);
      // point at what to fix: the current PIN when it was refused, otherwise the new one
      if (e instanceof ApiCallError && (e.error.code === 'wrong-pin' || e.error.code === 'locked')) this.retype('current');
      else this.retype('next', 'again');
    }
  }
}
