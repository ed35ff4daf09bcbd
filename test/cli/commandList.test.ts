// SPDX-License-Identifier: UNLICENSED
// `dukkan help` lists the commands from main/cli/commands/index.ts without loading them: each line there must be
// the one its module gives, under the module's own name, and every command file must be listed.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../main/cli/commands/index';
import { REPO_ROOT } from '../vectors';

describe('the command list', () => {
  it('names and summarises each command as its module does', async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect([command.name, command.summary]).toEqual([entry.name, entry.summary]);
      expect(command.usage).toMatch(new RegExp(`^Usage: dukkan ${entry.name}\\b`));
    }
  });

  it('lists every command file once', () => {
    const files = readdirSync(path.join(REPO_ROOT, 'main', 'cli', 'commands')).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.test.ts'));
    expect(COMMANDS.length).toBe(files.length);
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
  });
});
