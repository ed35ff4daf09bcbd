// SPDX-License-Identifier: UNLICENSED
// The shape of a `dukkan` sub-command. Each command lives in its own file under commands/ and is listed in
// commands/index.ts, which loads it only when it runs. Exit codes: 0 success, 1 the thing checked is invalid / the operation failed, 2 usage error.
import { DukkanError, type ErrorCode, type ErrorParams } from '../../app/errors/index';

export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM); long-running commands await it. */
  readonly stopSignal: Promise<void>;
}

export interface Command {
  readonly name: string;
  /** One line for `dukkan help`. */
  readonly summary: string;
  /** Full usage text. */
  readonly usage: string;
  run(argv: readonly string[], io: CommandIo): Promise<number>;
}

/** A command as `dukkan help` lists it, without loading its code (commands/index.ts). */
export interface CommandEntry {
  readonly name: string;
  /** One line for `dukkan help`; the same as the loaded command's. */
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

/** Thrown for bad command lines; the runner prints the message and the command's usage, and exits 2. */
export class UsageError extends DukkanError {
  override readonly name = 'UsageError';
  constructor(code: Extract<ErrorCode, `cli.${string}`>, params: ErrorParams = {}) {
    super(code, params);
  }
}
