// SPDX-License-Identifier: UNLICENSED
// A standard (B2B) document's clearance where it is looked up again (the receipts screen): its state in words, and
// once ZATCA has cleared it, ZATCA's cleared XML and the A4 PDF drawn from it to download for the buyer — never a
// receipt copy (main/sale/receipts.ts refuses one). The files are saved from memory: nothing leaves the terminal.
import type { ClearanceView, ClearedFiles } from '../../../app/contract/b2bTypes';
import { clearanceText } from '../state/clearanceText';
import { textOf } from '../state/services';
import { useApp, useI18n } from './hooks';

export function ClearanceOfDocument({ view }: { readonly view: ClearanceView }) {
  const app = useApp();
  const { t, locale } = useI18n();
  const said = clearanceText(view, t);
  const save = async (kind: 'pdf' | 'xml') => {
    const files = await app.attempt(() => app.api['clearance.files']({ number: view.number }));
    if (files) saveClearedFile(files, kind, () => app.toast(textOf({ reason: 'b2b.pdf-unavailable', params: {} }, locale), 'error'));
  };
  return (
    <div class={said.ok ? 'clearance ok' : 'clearance bad'} data-test="document-clearance" data-state={view.state}>
      <p class="clearance-title">{said.text}</p>
      {view.state === 'cleared' ? (
        <div class="buttons">
          <button type="button" class="touch" data-test="document-cleared-pdf" onClick={() => void save('pdf')}>
            {t('b2bPdf')}
          </button>
          <button type="button" class="touch" data-test="document-cleared-xml" onClick={() => void save('xml')}>
            {t('b2bXml')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** ZATCA's cleared XML, or the A4 PDF (`noPdf` when this terminal could not draw one), saved for the buyer. */
export function saveClearedFile(files: ClearedFiles, kind: 'pdf' | 'xml', noPdf: () => void): void {
  const data = kind === 'pdf' ? files.pdf : files.xml;
  if (data === null) return noPdf();
  saveBase64(`${files.fileBase}.${kind}`, data, kind === 'pdf' ? 'application/pdf' : 'application/xml');
}

/** A file for the buyer, downloaded from memory (no network, nothing written by main). */
export function saveBase64(name: string, base64: string, type: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
