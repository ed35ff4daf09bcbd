// SPDX-License-Identifier: UNLICENSED
// The declared order of the pure core's folders: acyclic, complete, and enforced (RuleTester).
import { describe, expect, it } from 'vitest';
import { RuleTester } from 'eslint';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import { APP_FOLDER_IMPORTS, appModuleOrderRule } from './appModuleOrder.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const file = (rel: string) => path.join(root, rel);

describe('the declared order of app folders', () => {
  it('is acyclic: every folder can be placed after all it imports', () => {
    const placed = new Set<string>();
    let progress = true;
    while (progress) {
      progress = false;
      for (const [folder, imports] of Object.entries(APP_FOLDER_IMPORTS)) {
        if (!placed.has(folder) && imports.every((i) => placed.has(i))) {
          placed.add(folder);
          progress = true;
        }
      }
    }
    const cyclic = Object.keys(APP_FOLDER_IMPORTS).filter((f) => !placed.has(f));
    expect(cyclic).toEqual([]);
  });

  it('names only declared folders and declares every folder app/ has', () => {
    for (const imports of Object.values(APP_FOLDER_IMPORTS)) for (const i of imports) expect(Object.keys(APP_FOLDER_IMPORTS)).toContain(i);
    const onDisk = readdirSync(path.join(root, 'app')).filter((d) => d !== 'contract' && statSync(path.join(root, 'app', d)).isDirectory());
    for (const folder of onDisk) expect(Object.keys(APP_FOLDER_IMPORTS), `app/${folder}`).toContain(folder);
  });
});

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser as never, ecmaVersion: 2023, sourceType: 'module' } });

tester.run('dukkan/app-module-order', appModuleOrderRule, {
  valid: [
    { filename: file('app/stamp/x.ts'), code: "import { sha256 } from '../crypto/sha256';", options: [{ root }] },
    { filename: file('app/verify/x.ts'), code: "import { checkBusinessRules } from '../rules/checkBusinessRules';", options: [{ root }] },
    { filename: file('app/rules/x.ts'), code: "import type { Finding } from '../findings/finding';", options: [{ root }] },
    { filename: file('app/rules/x.ts'), code: "import { y } from './ruleContext';", options: [{ root }] },
    { filename: file('app/rules/x.ts'), code: "import type { Api } from '../contract/api';", options: [{ root }] },
    { filename: file('app/xml/x.test.ts'), code: "import { buildUnsignedInvoice } from '../ubl/buildInvoiceXml';", options: [{ root }] },
    { filename: file('main/ledger/x.ts'), code: "import { x } from '../../app/verify/verifyInvoice';", options: [{ root }] },
  ],
  invalid: [
    // the two cycles this rule was written against
    { filename: file('app/rules/x.ts'), code: "import type { Finding } from '../verify/finding';", options: [{ root }], errors: [{ messageId: 'forbidden' }] },
    { filename: file('app/x509/x.ts'), code: "import type { ParsedCsr } from '../csr/parseCsr';", options: [{ root }], errors: [{ messageId: 'forbidden' }] },
    { filename: file('app/bytes/x.ts'), code: "export * from '../money/decimal';", options: [{ root }], errors: [{ messageId: 'forbidden' }] },
    { filename: file('app/crypto/x.ts'), code: "const m = import('../stamp/stampInvoice');", options: [{ root }], errors: [{ messageId: 'forbidden' }] },
    { filename: file('app/newthing/x.ts'), code: "import { x } from '../bytes/hex';", options: [{ root }], errors: [{ messageId: 'undeclared' }] },
  ],
});
