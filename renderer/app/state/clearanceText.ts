// SPDX-License-Identifier: UNLICENSED
// A standard (B2B) document's clearance in the screen's words (main/clearance): the receipts screen and the toast
// after a note against a standard invoice say what ZATCA answered, since such a document is never printed.
import type { ClearanceView } from '../../../app/contract/b2bTypes';
import type { Translator } from '../i18n';

/** A clearance in words, and whether it is good news. */
export function clearanceText(view: ClearanceView, t: Translator['t']): { text: string; ok: boolean } {
  switch (view.state) {
    case 'cleared':
      return { text: t('b2bCleared', { n: view.number }), ok: true };
    case 'rejected':
      return { text: t('b2bRejected', { n: view.number }), ok: false };
    case 'withdrawn':
      return { text: t('b2bReplaced', { s: view.replacedBy ?? '—', n: view.number }), ok: true };
    default:
      return { text: t('b2bAwaitingOne', { n: view.number }), ok: false };
  }
}
