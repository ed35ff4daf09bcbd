// The training goods question on the manager's status tab (docs/catalog.md, "Going live"), mounted whole in a light
// DOM (happy-dom) against a fake main: asked only on a live terminal that has not answered yet; "take them off sale"
// asks for a confirmation first and a "no" sends nothing; answered, the question goes. test/app/goLiveCatalog.test.ts
// drives the real catalog through the dispatcher.
// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { TrainingCatalogView } from '../../app/contract/goLiveApi';
import { deviceStatus, MANAGER, settle } from './testing/fakes';
import { mountApp, openManagerTab, unmountApps, until } from './testing/mountApp';

let root: HTMLElement;
afterEach(unmountApps);

async function statusTab(view: TrainingCatalogView) {
  let current = view;
  const mounted = await mountApp(
    { user: MANAGER },
    {
      'device.status': () => deviceStatus(),
      'backup.status': () => new Promise(() => undefined),
      'backup.pendingRestore': () => null,
      'goLive.catalog': () => current,
      'goLive.chooseCatalog': ({ keep }) => (current = { ...current, choice: keep ? 'keep' : 'remove', trainingGoods: keep ? current.trainingGoods : 0 }),
    },
  );
  root = mounted.root;
  await openManagerTab(mounted, 'status', () => mounted.fake.callsOf('goLive.catalog').length > 0);
  return mounted;
}

const question = () => root.querySelector('[data-test=training-catalog]');

describe('the training goods question', () => {
  it('is asked on a live terminal; "take off sale" is confirmed first, then answered and gone', async () => {
    const { fake, app } = await statusTab({ live: true, choice: null, trainingGoods: 7 });
    expect(question()?.textContent).toContain('7 training products');
    root.querySelector<HTMLButtonElement>('[data-test=training-remove]')!.click();
    await settle(20);
    expect(app.dialog.value).toMatchObject({ kind: 'confirm', text: expect.stringContaining('Take 7 training products off sale?') });
    app.closeDialog(app.dialog.value!.id, false); // "no": nothing sent, still asked
    await settle(20);
    expect(fake.callsOf('goLive.chooseCatalog')).toEqual([]);
    expect(question()).not.toBeNull();
    root.querySelector<HTMLButtonElement>('[data-test=training-remove]')!.click();
    await settle(20);
    app.closeDialog(app.dialog.value!.id, true);
    await until('the question gone', () => question() === null);
    expect(fake.callsOf('goLive.chooseCatalog')).toEqual([{ keep: false }]);
    expect(app.toastState.value.text).toBe('7 training products taken off sale');
  });

  it('keeps them with one tap, no confirmation', async () => {
    const { fake } = await statusTab({ live: true, choice: null, trainingGoods: 3 });
    root.querySelector<HTMLButtonElement>('[data-test=training-keep]')!.click();
    await until('the question gone', () => question() === null);
    expect(fake.callsOf('goLive.chooseCatalog')).toEqual([{ keep: true }]);
  });

  it('is not asked in training, nor once answered', async () => {
    await statusTab({ live: false, choice: null, trainingGoods: 7 });
    expect(question()).toBeNull();
    unmountApps();
    await statusTab({ live: true, choice: 'keep', trainingGoods: 7 });
    expect(question()).toBeNull();
  });
});
