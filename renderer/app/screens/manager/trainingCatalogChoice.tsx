// SPDX-License-Identifier: UNLICENSED
// Once the terminal is live, the status tab asks the manager once what becomes of the training goods (docs/catalog.md,
// "Going live"): keep them for sale, or take them off sale. Main does the work and remembers the answer.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { TrainingCatalogView } from '../../../../app/contract/goLiveApi';
import { useApp, useI18n } from '../../components/hooks';

export function TrainingCatalogChoice() {
  const app = useApp();
  const { t } = useI18n();
  const state = useSignal<TrainingCatalogView | null>(null);
  useEffect(() => {
    // a question, not a duty: if main cannot say, the tab simply does not ask
    app.api['goLive.catalog']({}).then(
      (r) => (state.value = r),
      () => undefined,
    );
  }, [app]);
  const s = state.value;
  if (!s || !s.live || s.choice !== null || s.trainingGoods === 0) return null;
  const choose = async (keep: boolean) => {
    if (!keep && !(await app.confirm(t('trainingGoodsRemoveConfirm', { n: s.trainingGoods })))) return;
    const r = await app.attempt(() => app.api['goLive.chooseCatalog']({ keep }));
    if (!r) return;
    state.value = r;
    app.toast(keep ? t('trainingGoodsKept') : t('trainingGoodsRemoved', { n: s.trainingGoods }), 'ok');
  };
  return (
    <section class="training-catalog" role="region" aria-label={t('trainingGoodsTitle')} data-test="training-catalog">
      <h3>{t('trainingGoodsTitle')}</h3>
      <p>{t('trainingGoodsQuestion', { n: s.trainingGoods })}</p>
      <div class="touch-row">
        <button type="button" class="touch" data-test="training-keep" onClick={() => void choose(true)}>
          {t('trainingGoodsKeep')}
        </button>
        <button type="button" class="touch danger" data-test="training-remove" onClick={() => void choose(false)}>
          {t('trainingGoodsRemove')}
        </button>
      </div>
    </section>
  );
}
