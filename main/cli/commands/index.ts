// SPDX-License-Identifier: UNLICENSED
// Every `dukkan` sub-command. Add a command by writing commands/<name>.ts and listing it here.
import type { Command } from '../command';
import { anchorCommand } from './anchor';
import { auditCommand } from './audit';
import { backupCommand } from './backup';
import { csrCommand } from './csr';
import { fatooraSimCommand } from './fatooraSim';
import { hashCommand } from './hash';
import { issueCommand } from './issue';
import { onboardCommand } from './onboard';
import { qrCommand } from './qr';
import { restoreCommand } from './restore';
import { signCommand } from './sign';
import { statusCommand } from './status';
import { storeServerCommand } from './storeServer';
import { verifyCommand } from './verify';

export const COMMANDS: readonly Command[] = [
  signCommand,
  verifyCommand,
  hashCommand,
  qrCommand,
  csrCommand,
  issueCommand,
  auditCommand,
  anchorCommand,
  backupCommand,
  restoreCommand,
  onboardCommand,
  statusCommand,
  fatooraSimCommand,
  storeServerCommand,
];
