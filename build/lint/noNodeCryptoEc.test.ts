// SPDX-License-Identifier: UNLICENSED
// The lint configuration refuses node:crypto's EC functions everywhere but the test oracle: in Electron they throw
// for secp256k1 (BoringSSL), so a product path using them would pass every Node test and fail on the till.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function errorsFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('node:crypto EC functions', () => {
  it.each([
    ['main/keyCustody/x.ts', "import { generateKeyPairSync } from 'node:crypto';\nexport const k = generateKeyPairSync;\n"],
    ['main/ledger/x.ts', "import { createPublicKey, verify } from 'node:crypto';\nexport const v = [createPublicKey, verify];\n"],
    ['app/crypto/x.ts', "import { sign } from 'crypto';\nexport const s = sign;\n"],
    ['native/keychain/x.ts', "import * as crypto from 'node:crypto';\nexport const c = crypto;\n"],
    ['main/cli/x.ts', "import crypto from 'node:crypto';\nexport const c = crypto;\n"],
    ['test/onboarding/x.test.ts', "import { createPrivateKey } from 'node:crypto';\nexport const c = createPrivateKey;\n"],
  ])('are refused in %s', async (file, code) => {
    const errors = await errorsFor(file, code);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error).toMatch(/BoringSSL/);
  });

  it('hashes, HMAC, scrypt and randomness stay allowed, and the oracle may hold the EC functions', async () => {
    expect(
      await errorsFor(
        'main/users/x.ts',
        "import { createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';\nexport const a = [createHash, createHmac, randomBytes, scrypt, timingSafeEqual];\n",
      ),
    ).toEqual([]);
    expect(await errorsFor('test/support/opensslOracle.ts', "import * as nodeCrypto from 'node:crypto';\nexport const o = nodeCrypto;\n")).toEqual([]);
  });
});
