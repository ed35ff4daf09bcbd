// SPDX-License-Identifier: UNLICENSED
// Message keys are written literally where they are used: `new DukkanError('ledger.clock-behind', …)`, `t('total')`.
// A key built at run time (`'ledger.' + reason`) hides from search and from the catalog tests, so a code without
// Arabic text, or a text nobody uses, could ship unnoticed. Signal Desktop enforces the same for its i18n keys.
// Options: `constructors` (new X(key, …)) and `functions` (f(key, …), also called as a method: tr.t(key, …)) whose
// first argument must be a string literal.

/** @type {import('eslint').Rule.RuleModule} */
export const literalKeysRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Message and error keys must be string literals at the call site' },
    schema: [
      {
        type: 'object',
        properties: { constructors: { type: 'array', items: { type: 'string' } }, functions: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    messages: {
      notLiteral:
        "The first argument of {{name}} must be a literal key (e.g. {{name}}('area.what')), so every use of a key can be found and checked against the catalog.",
    },
  },
  create(context) {
    const constructors = new Set(context.options[0]?.constructors ?? []);
    const functions = new Set(context.options[0]?.functions ?? []);
    const isLiteralKey = (arg) =>
      (arg?.type === 'Literal' && typeof arg.value === 'string') || (arg?.type === 'TemplateLiteral' && arg.expressions.length === 0);
    const calleeName = (callee) => {
      if (callee.type === 'Identifier') return callee.name;
      if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') return callee.property.name;
      return undefined;
    };
    const check = (node, names) => {
      const name = calleeName(node.callee);
      if (!name || !names.has(name)) return;
      if (!isLiteralKey(node.arguments[0])) context.report({ node: node.arguments[0] ?? node, messageId: 'notLiteral', data: { name } });
    };
    return {
      NewExpression: (node) => check(node, constructors),
      CallExpression: (node) => check(node, functions),
    };
  },
};
