// SPDX-License-Identifier: UNLICENSED
// Types for the plain-JS lint rule (ESLint loads it without a build step).
import type { Rule } from 'eslint';

export declare const APP_FOLDER_IMPORTS: Record<string, string[]>;
export declare function appFolderOf(rel: string): string | null;
export declare const appModuleOrderRule: Rule.RuleModule;
