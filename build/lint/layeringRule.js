// SPDX-License-Identifier: UNLICENSED
// The layering rule of the README ("How it is built"), made executable: every source file lives in a zone, and each zone may
// import only from the zones and packages listed for it. Default deny: a package nobody classified fails lint,
// so every new dependency of the pure core is a decision (the Signal Desktop / VS Code practice).
import path from 'node:path';
import { builtinModules } from 'node:module';

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Packages the pure core (`app/`) may use: pure computation, no I/O, no DOM, no native code. */
export const APP_PACKAGES = new Set(['@noble/curves', '@noble/hashes', 'libxml2-wasm', 'zod', 'qrcode']);

/**
 * Which zones each zone may import. `contract` is `app/contract`, the typed API between processes. `errors` is
 * `app/errors`, the one base error and its catalog: pure data that imports nothing, so the native adapters may
 * raise DukkanErrors too without reaching the rest of the core. The contract's error envelope carries its codes, and
 * the renderer shows its texts in the screen's language (docs/renderer.md), so both may import it as well.
 */
export const ZONE_RULES = {
  app: { zones: ['app', 'contract', 'errors'], node: false, packages: APP_PACKAGES },
  contract: { zones: ['contract', 'errors'], node: false, packages: new Set(['zod']) },
  errors: { zones: ['errors'], node: false, packages: new Set() },
  // main may start the store server (the `dukkan store-server` command); the server is its own process and never
  // reaches into the till: it may use the pure core, the contract and runtime/, not main/, renderer/ or native/
  // (docs/store-server.md)
  main: { zones: ['main', 'app', 'contract', 'errors', 'native', 'server', 'runtime'], node: true, packages: 'any' },
  server: { zones: ['server', 'app', 'contract', 'errors', 'runtime'], node: true, packages: 'any' },
  // Node-runtime building blocks both processes use, so neither keeps its own copy: the worker-thread pool, its
  // protocol and its boot (docs/ARCHITECTURE.md, "Zones"). Only the pure core and Node's built-ins, and tsx for the
  // boot that starts a worker from the TypeScript sources: no Electron, no DOM, nothing of main/ or server/.
  runtime: { zones: ['runtime', 'app', 'errors'], node: true, packages: new Set(['tsx']) },
  preload: { zones: ['preload', 'contract'], node: false, packages: new Set(['electron']) },
  renderer: { zones: ['renderer', 'contract', 'errors'], node: false, packages: new Set(['qrcode', 'preact', '@preact/signals']) },
  native: { zones: ['native', 'errors'], node: true, packages: 'any' },
  test: {
    zones: ['test', 'app', 'contract', 'errors', 'main', 'native', 'renderer', 'preload', 'bench', 'tooling', 'server', 'runtime'],
    node: true,
    packages: 'any',
  },
  bench: { zones: ['bench', 'app', 'contract', 'errors', 'main', 'native', 'test', 'server', 'runtime'], node: true, packages: 'any' },
  build: { zones: ['build'], node: true, packages: 'any' },
  // top-level config files, bin/ launchers and scripts/: tooling that may reach everything
  tooling: { zones: ['tooling', 'build', 'main', 'app', 'contract', 'errors', 'native', 'test', 'server', 'runtime'], node: true, packages: 'any' },
};

/** @param {string} rel repository-relative path with forward slashes */
export function zoneOf(rel) {
  if (rel.startsWith('app/contract/')) return 'contract';
  // `app/errors` imported as a folder (its index.ts) resolves to `app/errors.ts` below
  if (rel.startsWith('app/errors/') || rel === 'app/errors.ts') return 'errors';
  if (rel.startsWith('main/preload/')) return 'preload';
  if (/\.test\.ts$/.test(rel) && !rel.startsWith('test/')) {
    // co-located tests obey their folder's zone, as VS Code does, except that they may use node and vitest
    return zoneOf(rel.replace(/\.test\.ts$/, '.ts'));
  }
  if (!rel.includes('/') || rel.startsWith('bin/') || rel.startsWith('scripts/')) return 'tooling';
  const top = rel.split('/')[0];
  return top in ZONE_RULES ? top : null;
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** @type {import('eslint').Rule.RuleModule} */
export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the app/main/renderer/native layering of the README' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      unknownZone: 'File {{file}} is outside every known zone (app, main, renderer, native, server, runtime, build, test, bench, bin, scripts).',
      forbiddenZone: '{{from}} may not import from {{to}} ({{spec}}).',
      forbiddenNode: '{{from}} may not import Node built-in {{spec}}: the pure core does no I/O.',
      forbiddenPackage: '{{from}} may not import package {{spec}}; allowed: {{allowed}}.',
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? process.cwd();
    const file = context.filename ?? context.getFilename();
    const rel = path.relative(root, file).split(path.sep).join('/');
    const from = zoneOf(rel);
    const isTestFile = /\.test\.ts$/.test(rel);

    function check(node, spec) {
      if (typeof spec !== 'string') return;
      if (!from) {
        context.report({ node, messageId: 'unknownZone', data: { file: rel } });
        return;
      }
      const rules = ZONE_RULES[from];
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = path
          .relative(root, path.resolve(path.dirname(file), spec))
          .split(path.sep)
          .join('/');
        const to = zoneOf(target.endsWith('.ts') ? target : `${target}.ts`);
        // co-located tests may also use the shared test helpers and vectors
        if (to && !rules.zones.includes(to) && !(isTestFile && to === 'test')) {
          context.report({ node, messageId: 'forbiddenZone', data: { from, to, spec } });
        }
        return;
      }
      if (NODE_BUILTINS.has(spec)) {
        if (!rules.node && !isTestFile) context.report({ node, messageId: 'forbiddenNode', data: { from, spec } });
        return;
      }
      const pkg = packageName(spec);
      if (isTestFile && (pkg === 'vitest' || pkg === 'fast-check')) return;
      if (rules.packages !== 'any' && !rules.packages.has(pkg)) {
        context.report({
          node,
          messageId: 'forbiddenPackage',
          data: { from, spec, allowed: [...rules.packages].join(', ') || 'none' },
        });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { layering: layeringRule } };
