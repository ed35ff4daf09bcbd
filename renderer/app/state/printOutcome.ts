// SPDX-License-Identifier: UNLICENSED
// How a receipt printed, in words: after a sale or a note (the document is saved whatever the printer did), and
// after a reprint or a test print.
import type { IssueResult, PrintOutcome } from '../../../app/contract/types';
import type { Translator } from '../i18n';

/** The print outcome of an issued document, in words, and whether it is good news. */
export function printMessage(result: IssueResult, tr: Translator): { text: string; ok: boolean } {
  const p = result.print;
  if (p.state === 'printed') return { text: tr.t('printed'), ok: true };
  if (p.state === 'no-printer') return { text: tr.t('noPrinter'), ok: true };
  return { text: tr.t('printFailed', { m: p.message ?? '' }), ok: false };
}

/** A reprint's or test print's outcome in words. */
export function printOutcomeText(outcome: PrintOutcome, tr: Translator): string {
  if (outcome.state === 'printed') return tr.t('printed');
  if (outcome.state === 'no-printer') return tr.t('printerNone');
  return tr.t('printFailed', { m: outcome.message ?? '' });
}
