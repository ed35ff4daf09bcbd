// SPDX-License-Identifier: UNLICENSED
// How the command line prints a failure. An expected refusal (a DukkanError) prints its catalog code and English
// text, then each field problem on its own line with its path, so a script can match the code and a person reads
// the text; anything else is a bug and prints its message as it is (the stack is for the log).
import { errorText, isDukkanError } from '../../app/errors/index';

/** The refusal in English: `[code] text`, then `  path: text` per problem. */
export function describeError(err: unknown): string {
  if (!isDukkanError(err)) return err instanceof Error ? err.message : String(err);
  const lines = [`[${err.code}] ${errorText(err.code, err.params, 'en')}`];
  for (const p of err.problems) lines.push(`  ${p.path ? `${p.path}: ` : ''}${errorText(p.code, p.params ?? {}, 'en')}`);
  return lines.join('\n');
}

/** The same in English and then Arabic, for commands a shop keeper runs (`dukkan onboard`). */
export function describeErrorBilingual(err: unknown): string {
  if (!isDukkanError(err)) return describeError(err);
  const lines = [`[${err.code}] ${errorText(err.code, err.params, 'en')}`, errorText(err.code, err.params, 'ar')];
  for (const p of err.problems) {
    const params = p.params ?? {};
    lines.push(`  - ${p.path ? `${p.path}: ` : ''}${errorText(p.code, params, 'en')} / ${errorText(p.code, params, 'ar')}`);
  }
  return lines.join('\n');
}
