// SPDX-License-Identifier: UNLICENSED
// Bad command lines and unreadable input files are refusals with catalog codes: usage errors (exit 2) name the
// option, file errors name the file and the option it came with, in English and Arabic.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DukkanError } from '../../app/errors/index';
import { UsageError } from './command';
import { integerFlag, parseArgs, requireFlag } from './parseArgs';
import { readJsonFile } from './readInputs';
import { thrownBy } from '../../test/support/thrownBy';

const refusal = (run: () => unknown) => thrownBy(DukkanError, run);

describe('command-line refusals', () => {
  it('an unknown, valueless or missing option is a UsageError naming the option', () => {
    const unknown = refusal(() => parseArgs(['--bogus', 'x'], ['in']));
    expect(unknown).toBeInstanceOf(UsageError);
    expect([unknown.code, unknown.params, unknown.message]).toEqual(['cli.unknown-option', { option: 'bogus' }, 'unknown option --bogus']);
    expect(unknown.text('ar')).toBe('الخيار --bogus غير معروف');
    expect(refusal(() => parseArgs(['--in'], ['in'])).code).toBe('cli.option-needs-value');
    expect(refusal(() => parseArgs(['--json=1'], [], ['json'])).code).toBe('cli.option-takes-no-value');
    expect(refusal(() => requireFlag(parseArgs([], ['in']), 'in')).params).toEqual({ option: 'in' });
    expect(refusal(() => integerFlag(parseArgs(['--icv', '0'], ['icv']), 'icv', 1, 1)).params).toEqual({ option: 'icv', min: 1 });
  });

  it('a missing file is a usage error, a file that is not JSON a refusal (exit 1): both name file and option', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-cli-input-'));
    const missing = path.join(dir, 'missing.json');
    const notJson = path.join(dir, 'doc.json');
    writeFileSync(notJson, '{ "kind": ');
    const cannotRead = refusal(() => readJsonFile(missing, 'in'));
    expect(cannotRead).toBeInstanceOf(UsageError);
    expect([cannotRead.code, cannotRead.params]).toEqual(['cli.cannot-read', { option: 'in', file: missing, detail: 'ENOENT' }]);
    const invalid = refusal(() => readJsonFile(notJson, 'in'));
    expect(invalid).not.toBeInstanceOf(UsageError);
    expect(invalid.code).toBe('cli.not-json');
    expect(invalid.message.startsWith(`--in ${notJson} is not valid JSON: `)).toBe(true);
    expect(invalid.text('ar')).toContain(notJson);
  });
});
