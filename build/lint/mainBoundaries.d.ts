// SPDX-License-Identifier: UNLICENSED
// Types for the plain-JS lint rules (ESLint loads them without a build step).
import type { Rule } from 'eslint';

export declare function mayHoldSql(rel: string): boolean;
export declare const SIMULATOR_GATES: readonly string[];
export declare const sqlInStoresRule: Rule.RuleModule;
export declare const simulatorZoneRule: Rule.RuleModule;
