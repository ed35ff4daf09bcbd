// SPDX-License-Identifier: UNLICENSED
// Every test file runs under the BoringSSL profile (vitest.config.ts); a worker without it would let a product path
// that needs OpenSSL's secp256k1 pass here and fail in Electron, so it refuses to run.
import { boringsslProfileActive } from './opensslOracle';

if (!boringsslProfileActive()) {
  throw new Error('test worker started without test/support/boringsslProfile.mjs (NODE_OPTIONS --import); run the tests through vitest.config.ts');
}
