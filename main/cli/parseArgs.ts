// SPDX-License-Identifier: UNLICENSED
import { UsageError } from './command';

export interface ParsedArgs {
  readonly flags: ReadonlyMap<string, string | true>;
  readonly positional: readonly string[];
}

/**
 * Parses `--name value`, `--name=value` and boolean `--name` flags. `booleans` lists flags that take no value;
 * any flag not in `known` is a usage error, so typos never pass silently.
 */
export function parseArgs(argv: readonly string[], known: readonly string[], booleans: readonly string[] = []): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (!known.includes(name) && !booleans.includes(name)) throw new UsageError('cli.unknown-option', { option: name });
    if (booleans.includes(name)) {
      if (eq >= 0) throw new UsageError('cli.option-takes-no-value', { option: name });
      flags.set(name, true);
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError('cli.option-needs-value', { option: name });
    flags.set(name, value);
  }
  return { flags, positional };
}

export function requireFlag(args: ParsedArgs, name: string): string {
  const v = args.flags.get(name);
  if (typeof v !== 'string' || v === '') throw new UsageError('cli.option-required', { option: name });
  return v;
}

export function optionalFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function integerFlag(args: ParsedArgs, name: string, fallback: number, min = 0): number {
  const v = optionalFlag(args, name);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError('cli.option-integer', { option: name, min });
  return Number(v);
}
