// SPDX-License-Identifier: UNLICENSED
// Every `dukkan` sub-command. Add a command by writing commands/<name>.ts and listing it here.
import type { Command } from '../command';

export const COMMANDS: readonly Command[] = [];
