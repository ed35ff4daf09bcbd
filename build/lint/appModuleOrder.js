// SPDX-License-Identifier: UNLICENSED
// Inside the pure core, folders form a declared order: each app/<folder> names the folders it may import, and the
// declaration itself must be acyclic (checked by build/lint/appModuleOrder.test.ts). So a cycle such as
// rules ↔ verify or csr ↔ x509 cannot come back, and a new folder is a decision (default deny), as VS Code's layer
// rules do it. app/contract is a zone of its own (build/lint/layeringRule.js).
import path from 'node:path';

/** app/<folder> → the app folders it may import (its own files are always allowed). */
export const APP_FOLDER_IMPORTS = {
  bytes: [],
  money: [],
  findings: [],
  time: [],
  errors: [],
  asn1: ['bytes', 'errors'],
  crypto: ['bytes', 'errors'],
  xml: ['bytes', 'errors'],
  qr: ['bytes', 'errors'],
  receipt: ['bytes', 'errors', 'money', 'qr', 'time'],
  catalog: ['errors', 'money'],
  keys: ['asn1', 'bytes', 'crypto'],
  x509: ['asn1', 'bytes', 'crypto', 'keys'],
  csr: ['asn1', 'bytes', 'crypto', 'keys', 'x509'],
  document: ['bytes', 'errors', 'money', 'time'],
  totals: ['document', 'errors', 'money'],
  ubl: ['document', 'money', 'totals', 'xml'],
  stamp: ['bytes', 'crypto', 'errors', 'qr', 'ubl', 'x509', 'xml'],
  xsd: ['findings', 'xml'],
  rules: ['bytes', 'findings', 'money', 'stamp', 'time', 'xml'],
  verify: ['bytes', 'crypto', 'errors', 'findings', 'qr', 'rules', 'stamp', 'x509', 'xml', 'xsd'],
  engine: ['bytes', 'crypto', 'document', 'stamp', 'totals', 'ubl'],
};

/** @param {string} rel repository-relative path; the app folder it belongs to, or null outside app/ (and for app/contract) */
export function appFolderOf(rel) {
  const m = /^app\/([^/]+)\//.exec(rel);
  if (!m || m[1] === 'contract') return null;
  return m[1];
}

/** @type {import('eslint').Rule.RuleModule} */
export const appModuleOrderRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep the folders of the pure core (app/) in their declared, acyclic order' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      undeclared: 'app/{{folder}} is not in the declared order of app folders (build/lint/appModuleOrder.js): add it with the folders it may import.',
      forbidden: 'app/{{from}} may not import app/{{to}} ({{spec}}); app/{{from}} may import: {{allowed}} (build/lint/appModuleOrder.js).',
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? process.cwd();
    const file = context.filename;
    const rel = path.relative(root, file).split(path.sep).join('/');
    const from = appFolderOf(rel);
    // co-located tests may cross folders: they test how the parts work together
    if (!from || rel.endsWith('.test.ts')) return {};
    const allowed = APP_FOLDER_IMPORTS[from];

    function check(node, spec) {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      if (!allowed) {
        context.report({ node, messageId: 'undeclared', data: { folder: from } });
        return;
      }
      const target = path
        .relative(root, path.resolve(path.dirname(file), spec))
        .split(path.sep)
        .join('/');
      const to = appFolderOf(`${target}/`) ?? appFolderOf(target);
      if (!to || to === from) return;
      if (!allowed.includes(to)) context.report({ node, messageId: 'forbidden', data: { from, to, spec, allowed: allowed.join(', ') || 'none' } });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
