// SPDX-License-Identifier: UNLICENSED
// Above the till on a first start, while training mode is being prepared in the background (main/app/modeController.ts,
// 'preparing'): the cashier can sign in and scan at once, and is told why the sale waits — or, when preparing failed,
// why and that it is being tried again (main/app/saleDeskGate.ts refuses a sale then, naming the same reason).
import { useApp, useI18n } from '../../components/hooks';

export function PreparingBanner() {
  const app = useApp();
  const { t } = useI18n();
  const preparing = app.status.value?.preparingTraining;
  if (!preparing) return null;
  const failed = preparing.lastError !== null;
  return (
    <section class={failed ? 'preparing-banner preparing-failed' : 'preparing-banner'} role="status" data-test="training-preparing">
      <strong>{failed ? t('preparingTrainingFailed', { m: preparing.lastError }) : t('preparingTraining')}</strong>{' '}
      {failed ? null : <span class="muted">{t('preparingTrainingHint')}</span>}
    </section>
  );
}
