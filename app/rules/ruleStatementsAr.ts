// SPDX-License-Identifier: UNLICENSED
// What each business rule requires, in Arabic, by rule id. A finding's `message` stays the English statement of
// what was found (the CLI, the logs and the vector tests read it); a refusal shown on an Arabic screen names the
// rule with this statement instead (app/verify/checkIssuance.ts), so no English sentence reaches it. Every rule id
// the checks in this folder can emit has one (ruleStatementsAr.test.ts parses their sources to prove it).
import { AMOUNT_RULES_AR } from './ruleStatementsArAmounts';
import { DOCUMENT_RULES_AR } from './ruleStatementsArDocument';
import { FORMAT_RULES_AR } from './ruleStatementsArFormats';

/** The three topic tables; a rule id is in exactly one of them (checked by the test). */
export const RULE_STATEMENT_TABLES_AR: readonly Readonly<Record<string, string>>[] = [DOCUMENT_RULES_AR, AMOUNT_RULES_AR, FORMAT_RULES_AR];

const ALL: ReadonlyMap<string, string> = new Map(RULE_STATEMENT_TABLES_AR.flatMap((table) => Object.entries(table)));

/** The Arabic statement of what `rule` requires; undefined for an id no check in app/rules emits. */
export function ruleStatementAr(rule: string): string | undefined {
  return ALL.get(rule);
}

/** Every rule id with an Arabic statement. */
export function rulesWithStatementAr(): string[] {
  return [...ALL.keys()];
}
