// SPDX-License-Identifier: UNLICENSED
// The manager's store-server tab (docs/store-server.md, "The till's store-server tab"): the link's status, joining
// with the server's address, its one-time code and a manager's PIN, and removing the enrolment with a PIN. The PIN
// fields are emptied after every attempt; a refusal stays under the form in the screen's language.
import { batch, signal } from '@preact/signals';
import type { StoreStatusView } from '../../../app/contract/storeLinkApi';
import type { Services } from './services';
import { textOf } from './services';

export class StoreServerStore {
  /** undefined: not loaded yet; null: not enrolled. */
  readonly status = signal<StoreStatusView | null | undefined>(undefined);
  readonly url = signal('');
  readonly code = signal('');
  readonly pin = signal('');
  readonly removePin = signal('');
  readonly error = signal('');
  readonly busy = signal(false);

  constructor(private readonly app: Services) {}

  async load(): Promise<void> {
    const status = await this.app.attempt(() => this.app.api['store.status']({}));
    if (status !== undefined) this.status.value = status;
  }

  async enrol(): Promise<void> {
    await this.run(async () => {
      const link = await this.app.api['store.enrol']({ url: this.url.peek().trim(), code: this.code.peek().trim(), pin: this.pin.peek() });
      this.app.toast(this.app.tr.t('storeEnrolledToast', { name: link.name }), 'ok');
      this.code.value = '';
    });
  }

  async remove(): Promise<void> {
    if (!(await this.app.confirm(this.app.tr.t('storeRemoveConfirm')))) return;
    await this.run(async () => {
      await this.app.api['store.remove']({ pin: this.removePin.peek() });
      this.app.toast(this.app.tr.t('storeRemoved'), 'ok');
    });
  }

  /** The last failure in the screen's language, each field at fault after it. */
  lastErrorText(): string | null {
    const e = this.status.value?.lastError;
    if (!e) return null;
    const locale = this.app.tr.locale;
    return [textOf(e, locale), ...e.fields.map((f) => `${f.path}: ${textOf(f, locale)}`)].join(' · ');
  }

  private async run(work: () => Promise<void>): Promise<void> {
    if (this.busy.peek()) return;
    batch(() => {
      this.busy.value = true;
      this.error.value = '';
    });
    try {
      await work();
      await this.load();
    } catch (e) {
      this.error.value = this.app.errorText(e);
    } finally {
      batch(() => {
        this.busy.value = false;
        this.pin.value = '';
        this.removePin.value = '';
      });
    }
  }
}
