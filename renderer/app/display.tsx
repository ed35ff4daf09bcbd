// SPDX-License-Identifier: UNLICENSED
// The customer-facing display: a second tab in browser mode (the till's "Customer display" button), on a screen
// turned to the customer. It only listens: the till tells main what it shows (display.show) and main passes it on
// as a `display` event, adding the receipt's stored QR after the sale. Every word is in Arabic and English at
// once, since the customer's language is not known; amounts stay left to right.
import { render } from 'preact';
import { signal, type Signal } from '@preact/signals';
import QRCode from 'qrcode';
import type { CustomerDisplay } from '../../app/contract/tillTypes';
import type { Connection } from './api';
import { Num } from './components/common';
import { translate, type StringKey } from './i18n';

export function startDisplay(connection: Connection, root: HTMLElement = document.body): Signal<CustomerDisplay | null> {
  const state = signal<CustomerDisplay | null>(null);
  connection.onEvent((event) => {
    if (event.type === 'display') state.value = event.display;
  });
  document.documentElement.lang = 'ar';
  document.documentElement.dir = 'rtl';
  document.body.dataset.screen = 'display';
  document.title = `${translate('ar', 'customerDisplay')} | ${translate('en', 'customerDisplay')}`;
  render(<DisplayView state={state} />, root);
  return state;
}

/** As many lines as fit beside the totals and the QR on a 1024×768 screen. */
const SHOWN_LINES = 11;

/** A label in both languages, Arabic first. */
function Both({ k }: { readonly k: StringKey }) {
  return (
    <span class="both">
      <span lang="ar">{translate('ar', k)}</span>
      <span lang="en" dir="ltr">
        {translate('en', k)}
      </span>
    </span>
  );
}

export function DisplayView({ state }: { readonly state: Signal<CustomerDisplay | null> }) {
  const d = state.value;
  if (!d || (d.lines.length === 0 && d.number === null)) {
    return (
      <main class="customer-display welcome" data-test="display">
        <h1>
          <Both k="displayWelcome" />
        </h1>
      </main>
    );
  }
  return (
    <main class="customer-display" data-test="display">
      <ul class="display-lines">
        {/* the latest lines: a long cart shows its end, as the till's own list follows the last scan */}
        {d.lines.slice(-SHOWN_LINES).map((l, i) => (
          <li key={i}>
            <span class="name">{l.name}</span> <Num text={`${l.quantity} ×`} /> <Num text={l.lineTotal} />
          </li>
        ))}
      </ul>
      <dl class="display-totals">
        <dt>
          <Both k="totalDue" />
        </dt>
        <dd data-test="display-total">
          <Num text={d.total} />
        </dd>
        {d.change !== '0.00' ? (
          <>
            <dt>
              <Both k="changeLabel" />
            </dt>
            <dd class="change" data-test="display-change">
              <Num text={d.change} />
            </dd>
          </>
        ) : null}
      </dl>
      {d.qr ? <ReceiptQr text={d.qr} /> : null}
    </main>
  );
}

/**
 * The receipt's QR drawn as SVG elements (no HTML strings: the CSP allows none), one square per dark module. It is
 * the printed symbol module for module: error correction M and one byte-mode segment, as the receipt's plan makes it
 * (docs/printing.md), since qrcode's default search for the shortest split took 4–7 ms and ~3 MB on each sale.
 */
function ReceiptQr({ text }: { readonly text: string }) {
  const modules = QRCode.create([{ data: new TextEncoder().encode(text), mode: 'byte' }], { errorCorrectionLevel: 'M' }).modules;
  const size = modules.size;
  let path = '';
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (modules.get(y, x)) path += `M${x + 4} ${y + 4}h1v1h-1z`;
  return (
    <figure class="display-qr" data-test="display-qr">
      <svg viewBox={`0 0 ${size + 8} ${size + 8}`} width="260" height="260" role="img" aria-label={translate('en', 'displayQr')}>
        <rect width={size + 8} height={size + 8} fill="#fff" />
        <path d={path} fill="#000" />
      </svg>
      <figcaption>
        <Both k="displayQr" />
      </figcaption>
    </figure>
  );
}
