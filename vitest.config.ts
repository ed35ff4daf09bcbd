import { pathToFileURL } from 'node:url';
import { defineConfig } from 'vitest/config';

// Every test worker, and every process a test starts (they inherit NODE_OPTIONS), runs with node:crypto limited
// to what Electron's BoringSSL offers: no secp256k1 (test/support/boringsslProfile.mjs). The product must pass so.
const PROFILE = `--import=${pathToFileURL(new URL('./test/support/boringsslProfile.mjs', import.meta.url).pathname).href}`;
if (!(process.env.NODE_OPTIONS ?? '').includes(PROFILE)) process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, PROFILE].filter(Boolean).join(' ');

// Three tiers, one suite (`npm test` runs them all):
//   unit         the co-located tests of each zone and the engine's vector/rule tests: no processes, browsers or
//                keychain, under a minute (`npm run test:unit`)
//   integration  real parts wired together: SQLite files, the OS keychain, the Fatoora simulator over HTTP, CLI
//                processes, printers on TCP sockets, the built Electron shell on a stand-in (`npm run test:integration`)
//   e2e          the app as a real process driven in Chromium (`npm run test:e2e`)
const UNIT = [
  'app/**/*.test.ts',
  'main/**/*.test.ts',
  'native/**/*.test.ts',
  'renderer/**/*.test.ts',
  'build/**/*.test.ts',
  'test/rules/**/*.test.ts',
  'test/xsd/**/*.test.ts',
  'test/engine/**/*.test.ts',
  'test/docs/**/*.test.ts',
  'test/support/**/*.test.ts',
  'test/vectorsIntegrity.test.ts',
];
const E2E = ['test/e2e/**/*.test.ts', 'test/electron/smokeFlow.test.ts'];

export default defineConfig({
  test: {
    setupFiles: ['test/support/requireBoringsslProfile.ts'],
    // one temporary root per run, removed at the end: no test leaves folders behind (test/support/tempRoot.ts)
    globalSetup: ['test/support/tempRoot.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      // The unit tier is pure code: its files share one module cache per worker instead of importing the engine
      // afresh for each of ~90 files, which was a third of the tier's time (docs/ARCHITECTURE.md, test tiers).
      { extends: true, test: { name: 'unit', include: UNIT, isolate: false } },
      { extends: true, test: { name: 'integration', include: ['test/**/*.test.ts'], exclude: [...UNIT, ...E2E] } },
      { extends: true, test: { name: 'e2e', include: E2E } },
    ],
  },
});
