// SPDX-License-Identifier: UNLICENSED
// The printer banner above the till: each receipt that did not print, why (from its catalog code, in the screen's
// language), and a reprint for when the printer is back. The sale itself was complete at its commit
// (main/sale/counter.ts), so the banner never stands between the cashier and the next customer.
import { Num } from '../../components/common';
import { useApp, useI18n } from '../../components/hooks';
import { printFailure } from '../../state/printOutcome';

export function PrinterBanner() {
  const app = useApp();
  const tr = useI18n();
  const list = app.unprinted.list.value;
  const busy = app.unprinted.busy.value;
  if (list.length === 0) return null;
  return (
    <section class="printer-banner" role="alert" data-test="printer-banner">
      {list.map((r) => (
        <p key={r.number} class="printer-banner-row" data-test={`unprinted-${r.number}`}>
          <span class="printer-banner-text">
            <Num text={r.number} cls="num doc-number" /> · {tr.t('printBanner', { m: printFailure(r.outcome, tr) })} ·{' '}
            <span class="muted">{tr.t('printBannerHint')}</span>
          </span>
          <button
            type="button"
            class="touch primary"
            data-test="banner-reprint"
            disabled={busy !== null}
            onClick={() => void app.unprinted.reprint(app, r.number)}
          >
            {tr.t('reprintNow')}
          </button>
          <button type="button" class="touch" data-test="banner-dismiss" onClick={() => app.unprinted.dismiss(r.number)}>
            {tr.t('dismiss')}
          </button>
        </p>
      ))}
    </section>
  );
}
