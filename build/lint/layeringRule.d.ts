// SPDX-License-Identifier: UNLICENSED
// Types for the plain-JS lint rule (ESLint loads it without a build step).
import type { Rule } from 'eslint';

export declare const APP_PACKAGES: Set<string>;
export declare const ZONE_RULES: Record<string, { zones: string[]; node: boolean; packages: Set<string> | 'any' }>;
export declare function zoneOf(rel: string): string | null;
export declare const layeringRule: Rule.RuleModule;
declare const plugin: { rules: { layering: Rule.RuleModule } };
export default plugin;
