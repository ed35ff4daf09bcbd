// SPDX-License-Identifier: UNLICENSED
import { describe, it } from 'vitest';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { literalKeysRule } from './literalKeysRule.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser as never, ecmaVersion: 2023, sourceType: 'module' } });
const options = [{ constructors: ['DukkanError'], functions: ['t'] }];

tester.run('dukkan/literal-keys', literalKeysRule, {
  valid: [
    { code: "throw new DukkanError('ledger.clock-behind', { now });", options },
    { code: 'throw new DukkanError(`ledger.clock-ahead`);', options },
    { code: "label.textContent = t('total');", options },
    { code: "footer.textContent = tr.t('keysCashier');", options },
    { code: 'const label = (t) => t(`tab_status`);', options },
    { code: 'other(key); new Error(message);', options },
  ],
  invalid: [
    { code: "throw new DukkanError('ledger.' + reason);", options, errors: [{ messageId: 'notLiteral' }] },
    { code: 'throw new DukkanError(code, params);', options, errors: [{ messageId: 'notLiteral' }] },
    { code: 'throw new DukkanError(`ledger.${reason}`);', options, errors: [{ messageId: 'notLiteral' }] },
    { code: 'label.textContent = t(kind);', options, errors: [{ messageId: 'notLiteral' }] },
    { code: 'footer.textContent = tr.t(SCREEN_KEYS[name]);', options, errors: [{ messageId: 'notLiteral' }] },
    { code: 'label.textContent = this.app.tr.t(`kind_${kind}`);', options, errors: [{ messageId: 'notLiteral' }] },
    { code: 'throw new DukkanError();', options, errors: [{ messageId: 'notLiteral' }] },
  ],
});
