// SPDX-License-Identifier: UNLICENSED
// The command line of `dukkan onboard` on a local Fatoora (the simulator or a scripted server), as tests run it.
import path from 'node:path';
import { REPO_ROOT } from '../vectors';

/** node + the CLI + `onboard --data-dir … --env local-simulator --fatoora-url … --shop …`, then `extra`. */
export function onboardCommandLine(options: { dataDir: string; fatooraUrl: string; shopFile: string }, ...extra: string[]): string[] {
  return [
    process.execPath,
    path.join(REPO_ROOT, 'bin', 'dukkan.mjs'),
    'onboard',
    '--data-dir',
    options.dataDir,
    '--env',
    'local-simulator',
    '--fatoora-url',
    options.fatooraUrl,
    '--shop',
    options.shopFile,
    ...extra,
  ];
}
