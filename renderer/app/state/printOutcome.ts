// SPDX-License-Identifier: UNLICENSED
// How a receipt printed, in words: after a sale or a note (the document is saved whatever the printer did), and
// after a reprint or a test print. A failure is said from its catalog code in the screen's language; main's English
// message is for the log only.
import type { IssueResult, PrintOutcome } from '../../../app/contract/types';
import { errorText } from '../../../app/errors/index';
import type { Translator } from '../i18n';

/** Why a print failed, in the screen's language. */
export function printFailure(outcome: PrintOutcome, tr: Translator): string {
  return outcome.reason ? errorText(outcome.reason.reason, outcome.reason.params, tr.locale) : tr.t('printUnknown');
}

/** The print outcome of an issued document, in words, and whether it is good news. */
export function printMessage(result: IssueResult, tr: Translator): { text: string; ok: boolean } {
  const p = result.print;
  if (p.state === 'printed') return { text: tr.t('printed'), ok: true };
  if (p.state === 'no-printer') return { text: tr.t('noPrinter'), ok: true };
  if (p.state === 'printing') return { text: tr.t('printing'), ok: true };
  return { text: tr.t('printFailed', { m: printFailure(p, tr) }), ok: false };
}

/** A reprint's or test print's outcome in words. */
export function printOutcomeText(outcome: PrintOutcome, tr: Translator): string {
  if (outcome.state === 'printed') return tr.t('printed');
  if (outcome.state === 'no-printer') return tr.t('printerNone');
  if (outcome.state === 'printing') return tr.t('printing');
  return tr.t('printFailed', { m: printFailure(outcome, tr) });
}
