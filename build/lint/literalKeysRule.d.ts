// SPDX-License-Identifier: UNLICENSED
// Types for the plain-JS lint rule (ESLint loads it without a build step).
import type { Rule } from 'eslint';

export declare const literalKeysRule: Rule.RuleModule;
