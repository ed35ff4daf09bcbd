// SPDX-License-Identifier: UNLICENSED
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import dukkan from './build/lint/layeringRule.js';

const root = import.meta.dirname;

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'coverage/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
    plugins: { dukkan },
    rules: {
      'dukkan/layering': ['error', { root }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // The pure core: no DOM, no process, no Node globals that do I/O or tie it to Node.
    files: ['app/**/*.ts'],
    ignores: ['app/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'fetch', 'XMLHttpRequest', 'process', 'require', 'Buffer', '__dirname', '__filename', 'setTimeout', 'setInterval'].map(
          (name) => ({ name, message: `app/ is the pure core: '${name}' is not available here (DEVELOPERS.md, Architecture).` }),
        ),
      ],
    },
  },
  {
    files: ['renderer/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-globals': ['error', { name: 'process', message: 'The renderer has no Node.' }, { name: 'require', message: 'The renderer has no Node.' }],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
