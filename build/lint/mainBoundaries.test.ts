// SPDX-License-Identifier: UNLICENSED
import path from 'node:path';
import { describe, it } from 'vitest';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { simulatorZoneRule, sqlInStoresRule } from './mainBoundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser as never, ecmaVersion: 2023, sourceType: 'module' } });
const root = '/repo';
const options = [{ root }];
const at = (rel: string) => path.join(root, rel);

tester.run('dukkan/sql-in-stores', sqlInStoresRule, {
  valid: [
    { filename: at('main/ledger/ledgerStore.ts'), code: "db.prepare('SELECT * FROM documents WHERE id = ?');", options },
    { filename: at('main/db/migrations/0050-x.ts'), code: 'db.exec(`CREATE TABLE x (id INTEGER)`);', options },
    { filename: at('native/sqlite/sqliteDriver.ts'), code: "db.pragma('journal_mode = WAL');", options },
    { filename: at('main/ledger/ledger.test.ts'), code: "db.prepare('DELETE FROM documents').run();", options },
    // words that are not statements, and regular expressions' .exec
    { filename: at('main/sale/saleService.ts'), code: "const m = /x/.exec(s); const t = 'Select an item'; const u = 'update available';", options },
    { filename: at('test/support/db.ts'), code: "db.prepare('SELECT 1');", options },
  ],
  invalid: [
    { filename: at('main/reports/dailyReport.ts'), code: 'db.prepare(q);', options, errors: [{ messageId: 'sqlOutsideStore' }] },
    {
      filename: at('main/cli/commands/status.ts'),
      code: "const q = 'SELECT COUNT(*) FROM chains';",
      options,
      errors: [{ messageId: 'sqlOutsideStore' }],
    },
    {
      filename: at('main/export/exportDocuments.ts'),
      code: 'db.exec(`\n  DELETE FROM documents WHERE id = ${id}`);',
      options,
      errors: [{ messageId: 'sqlOutsideStore' }],
    },
    {
      filename: at('native/keychain/osKeychain.ts'),
      code: "run('INSERT INTO secrets VALUES (1)');",
      options,
      errors: [{ messageId: 'sqlOutsideStore' }],
    },
  ],
});

tester.run('dukkan/simulator-zone', simulatorZoneRule, {
  valid: [
    { filename: at('main/app/trainingMode.ts'), code: "import { startFatooraSimulator } from '../fatooraSimulator/index';", options },
    { filename: at('main/cli/commands/fatooraSim.ts'), code: "import { startFatooraSimulator } from '../../fatooraSimulator/index';", options },
    { filename: at('main/fatooraSimulator/server.ts'), code: "import { endpoints } from './endpoints';", options },
    { filename: at('test/fatoora/sim.test.ts'), code: "import { startFatooraSimulator } from '../../main/fatooraSimulator/index';", options },
    { filename: at('main/app/openApp.ts'), code: "import { startTraining } from './trainingMode';", options },
    // a sibling folder whose name merely starts the same way
    { filename: at('main/app/openApp.ts'), code: "import { x } from '../fatooraSimulatorNotes/x';", options },
  ],
  invalid: [
    {
      filename: at('main/app/openApp.ts'),
      code: "import { startFatooraSimulator } from '../fatooraSimulator/index';",
      options,
      errors: [{ messageId: 'simulatorImport' }],
    },
    {
      filename: at('main/fatoora/fatooraClient.ts'),
      code: "export { issueCsid } from '../fatooraSimulator/csidRegistry';",
      options,
      errors: [{ messageId: 'simulatorImport' }],
    },
    {
      filename: at('main/sale/saleService.ts'),
      code: "const sim = await import('../fatooraSimulator');",
      options,
      errors: [{ messageId: 'simulatorImport' }],
    },
  ],
});
