// A settings form on the manager screen waits for its saved values before it takes any input: the printer tab's
// fields and buttons stay disabled until main has answered, so an address typed before the answer is neither
// overwritten by it nor saved as empty. Mounted whole in a light DOM (happy-dom) against a fake main.
// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { PrinterSettings } from '../../app/contract/types';
import { submit } from './testing/dom';
import { MANAGER, settle } from './testing/fakes';
import { mountApp, openManagerTab, unmountApps, until } from './testing/mountApp';

afterEach(unmountApps);

describe('the printer tab while its settings load', () => {
  it('keeps every field disabled until they arrive, then shows them and saves what was typed', async () => {
    let answer: (s: PrinterSettings) => void = () => undefined;
    const mounted = await mountApp(
      { user: MANAGER },
      {
        'printer.get': () => new Promise<PrinterSettings>((resolve) => (answer = resolve)),
        'receiptFooter.get': () => '',
        'printer.save': (input) => ({ ...input }),
      },
    );
    await openManagerTab(mounted, 'printer', () => mounted.$('[data-test=printer-address]') !== null);
    const address = () => mounted.$<HTMLInputElement>('[data-test=printer-address]')!;
    // a disabled fieldset disables every control in it (happy-dom does not compute :disabled through it; Chromium
    // does, and the browser-mode smoke flow types into this field only once it is enabled)
    const disabled = (selector: string) => mounted.$(selector)!.closest<HTMLFieldSetElement>('fieldset.load-guard')?.disabled ?? false;
    expect(disabled('[data-test=printer-address]')).toBe(true);
    expect(disabled('[data-test=printer-save]')).toBe(true);
    // Enter in a form still loading saves nothing
    submit(mounted.root, '[data-test=printer-address]');
    await settle(20);
    expect(mounted.fake.callsOf('printer.save')).toEqual([]);

    // the tab asks in an effect, which Preact runs after paint: answer only once it has asked (a busy machine can
    // paint after the steps above, and an answer before the question would be lost)
    await until('the tab asked for its settings', () => mounted.fake.callsOf('printer.get').length > 0);
    answer({ address: 'tcp://192.168.1.50:9100', paperWidth: 58 });
    await until('the saved address shown', () => address().value === 'tcp://192.168.1.50:9100');
    expect(disabled('[data-test=printer-address]')).toBe(false);
    expect(mounted.$<HTMLSelectElement>('[data-test=printer-width]')!.value).toBe('58');
    // the receipt footer loaded on its own and is open for input too
    expect(disabled('[data-test=receipt-footer]')).toBe(false);
  });
});
