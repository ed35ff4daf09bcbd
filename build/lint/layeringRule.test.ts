// The layering rule is code: it gets its own tests (ESLint's RuleTester), so a refactor of it cannot silently stop
// enforcing the architecture the README describes.
import { describe, it } from 'vitest';
import { RuleTester } from 'eslint';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import { layeringRule } from './layeringRule.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const file = (rel: string) => path.join(root, rel);

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser as never, ecmaVersion: 2023, sourceType: 'module' } });

tester.run('dukkan/layering', layeringRule, {
  valid: [
    { filename: file('app/stamp/x.ts'), code: "import { sha256 } from '../crypto/sha256';", options: [{ root }] },
    { filename: file('app/stamp/x.ts'), code: "import { secp256k1 } from '@noble/curves/secp256k1.js';", options: [{ root }] },
    {
      filename: file('app/stamp/x.test.ts'),
      code: "import { readFileSync } from 'node:fs'; import { it } from 'vitest'; import { SDK327 } from '../../test/vectors';",
      options: [{ root }],
    },
    {
      filename: file('main/ledger/x.ts'),
      code: "import Database from 'better-sqlite3'; import { x } from '../../app/money/decimal'; import { y } from '../../native/sqlite/sqliteDriver';",
      options: [{ root }],
    },
    { filename: file('renderer/app/x.ts'), code: "import type { Api } from '../../app/contract/api';", options: [{ root }] },
    {
      filename: file('renderer/app/x.tsx'),
      code: "import { render } from 'preact'; import { useRef } from 'preact/hooks'; import { signal } from '@preact/signals';",
      options: [{ root }],
    },
    {
      filename: file('main/preload/x.ts'),
      code: "import { contextBridge } from 'electron'; import { METHOD_NAMES } from '../../app/contract/methodNames';",
      options: [{ root }],
    },
    // the base error is the one piece of the core a native adapter may use
    { filename: file('native/printer/x.ts'), code: "import { DukkanError } from '../../app/errors';", options: [{ root }] },
    { filename: file('app/stamp/x.ts'), code: "import { DukkanError } from '../errors';", options: [{ root }] },
    // the store server uses the pure core and the contract, and any package (PostgreSQL drivers)
    {
      filename: file('server/http/x.ts'),
      code: "import { PGlite } from '@electric-sql/pglite'; import { Decimal } from '../../app/money/decimal'; import { z } from '../../app/contract/schemas';",
      options: [{ root }],
    },
    { filename: file('main/cli/commands/x.ts'), code: "import { startStoreServer } from '../../../server/storeServer';", options: [{ root }] },
    // runtime/ is shared by the till and the store server: both may import it; it uses the core's errors, Node's
    // built-ins and tsx (the boot that starts a worker from the TypeScript sources)
    { filename: file('main/workers/x.ts'), code: "import { WorkerPool } from '../../runtime/workers/workerPool';", options: [{ root }] },
    { filename: file('server/checks/x.ts'), code: "import { WorkerPool } from '../../runtime/workers/workerPool';", options: [{ root }] },
    {
      filename: file('runtime/workers/x.ts'),
      code: "import { Worker } from 'node:worker_threads'; import { DukkanError } from '../../app/errors/index'; import { x } from './y';",
      options: [{ root }],
    },
    { filename: file('runtime/workers/x.mjs'), code: "import { register } from 'tsx/esm/api';", options: [{ root }] },
  ],
  invalid: [
    // runtime/ reaches into neither process that uses it, nor the screens or the native adapters
    ...['../../main/log/logger', '../../server/storeServer', '../../native/sqlite/sqliteDriver', '../../renderer/app/app'].map((spec) => ({
      filename: file('runtime/workers/x.ts'),
      code: `import { x } from '${spec}';`,
      options: [{ root }],
      errors: [{ messageId: 'forbiddenZone' as const }],
    })),
    // …and uses no package but tsx: no Electron, no database driver
    ...['electron', 'better-sqlite3', 'pg'].map((spec) => ({
      filename: file('runtime/workers/x.ts'),
      code: `import x from '${spec}';`,
      options: [{ root }],
      errors: [{ messageId: 'forbiddenPackage' as const }],
    })),
    // the store server is its own process: it never reaches into the till's main process, screens or native adapters
    ...['../../main/ledger/ledger', '../../renderer/app/app', '../../native/keychain/osKeychain'].map((spec) => ({
      filename: file('server/http/x.ts'),
      code: `import { x } from '${spec}';`,
      options: [{ root }],
      errors: [{ messageId: 'forbiddenZone' as const }],
    })),
    { filename: file('app/stamp/x.ts'), code: "import { readFileSync } from 'node:fs';", options: [{ root }], errors: [{ messageId: 'forbiddenNode' }] },
    { filename: file('app/stamp/x.ts'), code: "import { app } from 'electron';", options: [{ root }], errors: [{ messageId: 'forbiddenPackage' }] },
    { filename: file('app/stamp/x.ts'), code: "import Database from 'better-sqlite3';", options: [{ root }], errors: [{ messageId: 'forbiddenPackage' }] },
    {
      filename: file('app/stamp/x.ts'),
      code: "import { Ledger } from '../../main/ledger/ledger';",
      options: [{ root }],
      errors: [{ messageId: 'forbiddenZone' }],
    },
    { filename: file('app/stamp/x.ts'), code: "export * from '../../renderer/app/app';", options: [{ root }], errors: [{ messageId: 'forbiddenZone' }] },
    {
      filename: file('app/stamp/x.ts'),
      code: "const m = await import('../../native/printer/rawPrinter');",
      options: [{ root }],
      errors: [{ messageId: 'forbiddenZone' }],
    },
    {
      filename: file('renderer/app/x.ts'),
      code: "import { Decimal } from '../../app/money/decimal';",
      options: [{ root }],
      errors: [{ messageId: 'forbiddenZone' }],
    },
    { filename: file('renderer/app/x.ts'), code: "import { ipcRenderer } from 'electron';", options: [{ root }], errors: [{ messageId: 'forbiddenPackage' }] },
    { filename: file('renderer/app/x.tsx'), code: "import { html } from 'lit';", options: [{ root }], errors: [{ messageId: 'forbiddenPackage' }] },
    { filename: file('app/stamp/x.ts'), code: "import { signal } from '@preact/signals';", options: [{ root }], errors: [{ messageId: 'forbiddenPackage' }] },
    {
      filename: file('native/printer/x.ts'),
      code: "import { Ledger } from '../../main/ledger/ledger';",
      options: [{ root }],
      errors: [{ messageId: 'forbiddenZone' }],
    },
    {
      filename: file('native/printer/x.ts'),
      code: "import { Decimal } from '../../app/money/decimal';",
      options: [{ root }],
      errors: [{ messageId: 'forbiddenZone' }],
    },
    {
      filename: file('app/errors/x.ts'),
      code: "import { Decimal } from '../money/decimal';",
      options: [{ root }],
      errors: [{ messageId: 'forbiddenZone' }],
    },
    { filename: file('main/x/x.ts'), code: "import { render } from '../../renderer/app/app';", options: [{ root }], errors: [{ messageId: 'forbiddenZone' }] },
    { filename: file('elsewhere/x.ts'), code: "import { x } from './y';", options: [{ root }], errors: [{ messageId: 'unknownZone' }] },
  ],
});
