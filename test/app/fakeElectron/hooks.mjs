// SPDX-License-Identifier: UNLICENSED
// Module resolution hooks for the built app.mjs: `electron` resolves to the fake, other bare specifiers (the native
// modules the bundle leaves external) to the repository's node_modules, wherever the bundle was built.
import { register } from 'node:module';

const FAKE = new URL('./electron.cjs', import.meta.url).href;
const REPO = new URL('../../../package.json', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: FAKE, format: 'commonjs', shortCircuit: true };
  if (!specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('node:') && !specifier.startsWith('file:')) {
    try {
      return await next(specifier, context);
    } catch {
      return next(specifier, { ...context, parentURL: REPO });
    }
  }
  return next(specifier, context);
}

if (!process.env.FAKE_ELECTRON_HOOKS_REGISTERED) {
  process.env.FAKE_ELECTRON_HOOKS_REGISTERED = '1';
  register(import.meta.url);
}
