// SPDX-License-Identifier: UNLICENSED
// Runs one `dukkan` sub-command and turns its failure into an exit code and a message. Kept apart from index.ts
// so `dukkan help` loads neither the command nor the error catalog (BENCHMARKS.md, "Command line").
import { UsageError, type CommandEntry, type CommandIo } from './command';
import { describeError } from './describeError';

export async function runCommand(entry: CommandEntry, argv: readonly string[], io: CommandIo): Promise<number> {
  // loaded here, not at start-up: only the command that runs pays for its modules (commands/index.ts)
  const command = await entry.load();
  try {
    return await command.run(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`dukkan ${command.name}: ${err.message}\n\n${command.usage}\n`);
      return 2;
    }
    io.stderr(`dukkan ${command.name}: ${describeError(err)}\n`);
    return 1;
  }
}

export { describeError };
