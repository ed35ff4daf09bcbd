// SPDX-License-Identifier: UNLICENSED
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import layering from './build/lint/layeringRule.js';
import { appModuleOrderRule } from './build/lint/appModuleOrder.js';
import { literalKeysRule } from './build/lint/literalKeysRule.js';
import { simulatorZoneRule, sqlInStoresRule } from './build/lint/mainBoundaries.js';

const dukkan = {
  rules: {
    ...layering.rules,
    'app-module-order': appModuleOrderRule,
    'literal-keys': literalKeysRule,
    'sql-in-stores': sqlInStoresRule,
    'simulator-zone': simulatorZoneRule,
  },
};

const root = import.meta.dirname;

// Electron's node:crypto is BoringSSL, which has no secp256k1: every EC key, signing and verifying function below
// throws there for ZATCA's curve. Product code signs with @noble/curves (app/crypto/signingKey.ts); tests reach
// OpenSSL as an oracle only through test/support/opensslOracle.ts. Hashes, HMAC, scrypt and randomness are fine.
const NODE_CRYPTO_EC = [
  'default',
  'createPrivateKey',
  'createPublicKey',
  'generateKeyPair',
  'generateKeyPairSync',
  'sign',
  'verify',
  'createSign',
  'createVerify',
  'createECDH',
  'ECDH',
  'diffieHellman',
  'X509Certificate',
  'KeyObject',
  'getCurves',
  'webcrypto',
  'subtle',
];
const ecMessage =
  "node:crypto's EC functions do not support secp256k1 in Electron (BoringSSL): sign and verify with app/crypto/signingKey.ts; tests use test/support/opensslOracle.ts.";

// Error codes and message keys are literal where they are raised or shown (build/lint/literalKeysRule.js): the
// constructors of DukkanError and of its subclasses that take a code first, the contract schemas' `rule(code)`, and
// in the renderer the translator's `t(key)`.
const ERROR_CONSTRUCTORS = [
  'DukkanError',
  'LedgerError',
  'OnboardingError',
  'CatalogError',
  'UserError',
  'CsvSyntaxError',
  'TotalsError',
  'DerError',
  'QrEncodingError',
  'QrCannotFitError',
  'SigningKeyError',
  'PrinterIoError',
  'PrintError',
  'RasterizeError',
  'UsageError',
];
const literalKeys = (functions) => ['error', { constructors: ERROR_CONSTRUCTORS, functions }];

const htmlSinkMessage =
  'The renderer builds elements, never HTML strings: render with Preact (JSX) and set text with textContent (docs/renderer.md). The CSP refuses HTML sinks at run time.';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'coverage/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
    plugins: { dukkan },
    rules: {
      'dukkan/layering': ['error', { root }],
      'dukkan/app-module-order': ['error', { root }],
      'dukkan/sql-in-stores': ['error', { root }],
      'dukkan/simulator-zone': ['error', { root }],
      'dukkan/literal-keys': literalKeys(['rule']),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      'no-restricted-imports': [
        'error',
        { name: 'node:crypto', importNames: NODE_CRYPTO_EC, message: ecMessage },
        { name: 'crypto', importNames: NODE_CRYPTO_EC, message: ecMessage },
      ],
    },
  },
  {
    // allowed to hold OpenSSL's EC functions: the profile that takes them away, its test, and the oracle
    files: ['test/support/opensslOracle.ts', 'test/support/boringsslProfile.mjs', 'test/boringssl/profile.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The pure core: no DOM, no process, no Node globals that do I/O or tie it to Node.
    files: ['app/**/*.ts'],
    ignores: ['app/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'fetch',
          'XMLHttpRequest',
          'process',
          'require',
          'Buffer',
          '__dirname',
          '__filename',
          'setTimeout',
          'setInterval',
        ].map((name) => ({ name, message: `app/ is the pure core: '${name}' is not available here (README, "How it is built").` })),
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-globals': ['error', { name: 'process', message: 'The renderer has no Node.' }, { name: 'require', message: 'The renderer has no Node.' }],
      'dukkan/literal-keys': literalKeys(['rule', 't']),
      // no HTML strings: the CSP's Trusted Types (no policy) would refuse them at run time; refuse them here first
      'no-restricted-properties': ['error', ...['innerHTML', 'outerHTML', 'insertAdjacentHTML'].map((property) => ({ property, message: htmlSinkMessage }))],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: htmlSinkMessage },
        { selector: "Property[key.name='dangerouslySetInnerHTML']", message: htmlSinkMessage },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
