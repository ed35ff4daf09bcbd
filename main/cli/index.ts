// SPDX-License-Identifier: UNLICENSED
// `dukkan` command-line entry: dispatches to the sub-commands in commands/. Imports nothing else at start-up, so
// `dukkan help` is quick; running a command loads runCommand.ts and the command's own modules.
import { COMMANDS } from './commands/index';
import type { CommandIo } from './command';

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 4);
  return [
    'Usage: dukkan <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'dukkan help <command> shows its options.',
  ].join('\n');
}

export async function runCli(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const target = COMMANDS.find((c) => c.name === rest[0]);
    io.stdout(`${target ? (await target.load()).usage : helpText()}\n`);
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`dukkan: unknown command '${name}'\n\n${helpText()}\n`);
    return 2;
  }
  return (await import('./runCommand')).runCommand(entry, rest, io);
}

function processIo(): CommandIo {
  const stopSignal = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stopSignal,
  };
}

if (import.meta.url === `file://${process.argv[1]}` || process.env.DUKKAN_CLI_MAIN === '1') {
  runCli(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
      // long-running commands resolve after their servers close; nothing else keeps us alive
    },
    async (err: unknown) => {
      const { describeError } = await import('./runCommand');
      process.stderr.write(`dukkan: ${describeError(err)}\n`);
      process.exitCode = 1;
    },
  );
}
