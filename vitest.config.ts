import { pathToFileURL } from 'node:url';
import { defineConfig } from 'vitest/config';

// Every test worker, and every process a test starts (they inherit NODE_OPTIONS), runs with node:crypto limited
// to what Electron's BoringSSL offers: no secp256k1 (test/support/boringsslProfile.mjs). The product must pass so.
const PROFILE = `--import=${pathToFileURL(new URL('./test/support/boringsslProfile.mjs', import.meta.url).pathname).href}`;
if (!(process.env.NODE_OPTIONS ?? '').includes(PROFILE)) process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, PROFILE].filter(Boolean).join(' ');

export default defineConfig({
  test: {
    include: ['app/**/*.test.ts', 'main/**/*.test.ts', 'native/**/*.test.ts', 'renderer/**/*.test.ts', 'test/**/*.test.ts', 'build/**/*.test.ts'],
    setupFiles: ['test/support/requireBoringsslProfile.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
