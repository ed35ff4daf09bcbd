// SPDX-License-Identifier: UNLICENSED
// Two boundaries inside main/ that the zone rule (layeringRule.js) cannot see, because both sides are main/:
//
// - SQL lives in stores. A statement is written in a `*Store.ts` module (or a migration under main/db/, or the
//   driver under native/sqlite/), so a schema change is a search of a few files, and the services above them read
//   as the procedure they are (the Signal Desktop practice of one typed SQL interface). Detected: a `.prepare(…)`
//   call, and a string or template literal that starts with an SQL statement keyword in upper case.
// - The Fatoora simulator is training equipment. Product code reaches it only through the training-mode composition
//   (main/app/trainingMode.ts) and the `fatoora-sim` command, so a live till can never be wired to it by an import
//   elsewhere.

import path from 'node:path';

// upper case, as every statement in this repository is written; 'Select an item' on a screen is not SQL
const SQL_STATEMENT = /^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|WITH|PRAGMA|BEGIN|REPLACE)\s/;

function relative(context, root) {
  const file = context.filename ?? context.getFilename();
  return { file, rel: path.relative(root, file).split(path.sep).join('/') };
}

/** @param {string} rel */
export function mayHoldSql(rel) {
  if (!rel.startsWith('main/') && !rel.startsWith('native/')) return true; // other zones are not product I/O code
  if (/\.test\.ts$/.test(rel)) return true;
  return /Store\.ts$/.test(rel) || rel.startsWith('main/db/') || rel.startsWith('native/sqlite/');
}

/** @type {import('eslint').Rule.RuleModule} */
export const sqlInStoresRule = {
  meta: {
    type: 'problem',
    docs: { description: 'SQL statements live in *Store.ts modules, migrations and the SQLite driver only' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      sqlOutsideStore: 'SQL lives in stores: move this statement into a *Store.ts module next to this file (docs/ARCHITECTURE.md, "Where SQL lives").',
    },
  },
  create(context) {
    const { rel } = relative(context, context.options[0]?.root ?? process.cwd());
    if (mayHoldSql(rel)) return {};
    const report = (node) => context.report({ node, messageId: 'sqlOutsideStore' });
    return {
      CallExpression(node) {
        if (node.callee.type === 'MemberExpression' && !node.callee.computed && node.callee.property.name === 'prepare') report(node);
      },
      Literal(node) {
        if (typeof node.value === 'string' && SQL_STATEMENT.test(node.value)) report(node);
      },
      TemplateLiteral(node) {
        if (SQL_STATEMENT.test(node.quasis[0]?.value.cooked ?? '')) report(node);
      },
    };
  },
};

const SIMULATOR = 'main/fatooraSimulator/';
/** The only product modules that may import the simulator. */
export const SIMULATOR_GATES = ['main/app/trainingMode.ts', 'main/cli/commands/fatooraSim.ts'];

/** @type {import('eslint').Rule.RuleModule} */
export const simulatorZoneRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Product code reaches the Fatoora simulator only through training mode and the fatoora-sim command' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      simulatorImport:
        'The Fatoora simulator is training equipment: only {{gates}} may import it (docs/ARCHITECTURE.md). Take what you need from the training-mode composition.',
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? process.cwd();
    const { file, rel } = relative(context, root);
    const guarded = rel.startsWith('main/') && !rel.startsWith(SIMULATOR) && !/\.test\.ts$/.test(rel) && !SIMULATOR_GATES.includes(rel);
    if (!guarded) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path
        .relative(root, path.resolve(path.dirname(file), spec))
        .split(path.sep)
        .join('/');
      if (`${target}/`.startsWith(SIMULATOR)) context.report({ node, messageId: 'simulatorImport', data: { gates: SIMULATOR_GATES.join(' and ') } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
