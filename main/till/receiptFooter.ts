// SPDX-License-Identifier: UNLICENSED
// The shop's receipt footer (return policy, phone, thank-you), printed under the QR of every receipt from then on
// (main/sale/receiptModelOf.ts). A terminal setting; refused, saving nothing, when it holds a character that could
// disguise the printed text (app/bytes/spoofingCharacters.ts), as product names are.
import { spoofingCharacter } from '../../app/bytes/spoofingCharacters';
import { DukkanError } from '../../app/errors/index';
import type { TerminalSettings } from '../app/terminalSettings';

export class ReceiptFooter {
  constructor(private readonly settings: Pick<TerminalSettings, 'get' | 'set'>) {}

  get(): string {
    return this.settings.get('receiptFooter');
  }

  save(footer: string): string {
    const text = footer.trim();
    const character = spoofingCharacter(text);
    if (character !== undefined) throw new DukkanError('catalog.spoofing-character', { field: 'footer', character }, { field: 'footer' });
    this.settings.set('receiptFooter', text);
    return this.get();
  }
}
