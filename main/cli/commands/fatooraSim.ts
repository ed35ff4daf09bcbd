// SPDX-License-Identifier: UNLICENSED
// `dukkan fatoora-sim`: runs the local Fatoora simulator until interrupted, printing its base URL when ready.
import { createLogger, streamLogSink } from '../../log/logger';
import { startFatooraSimulator } from '../../fatooraSimulator/index';
import { UsageError, type Command } from '../command';
import { integerFlag, optionalFlag, parseArgs } from '../parseArgs';

const USAGE = `Usage: dukkan fatoora-sim [--port N] [--state DIR] [--otp CODES] [--seed N] [--developer-portal] [--quiet]

Runs a local Fatoora simulator on 127.0.0.1 that validates for real (OTPs, CSRs, CSIDs from its own CA,
compliance steps, reporting and clearance checked by Dukkan's verifier). Paths as on the real gateway:
  <url>/e-invoicing/developer-portal   <url>/e-invoicing/simulation   <url>/e-invoicing/core

Options:
  --port N      TCP port (default 0: any free port; the chosen URL is printed)
  --state DIR   keep issued CSIDs, OTP use and reported documents in DIR across restarts
  --otp CODES   comma-separated 6-digit OTPs to accept (default 123345; each single use, valid one hour)
  --seed N      seed for fault-injection randomness
  --developer-portal
                behave like ZATCA's developer portal: requestID 1234567890123, compliance steps not checked, one
                shared production certificate (default: strict, like the simulation environment)
  --quiet       no request log on stderr`;

export const fatooraSimCommand: Command = {
  name: 'fatoora-sim',
  summary: 'Run a local Fatoora (ZATCA) simulator for development, tests and training',
  usage: USAGE,
  async run(argv, io) {
    const args = parseArgs(argv, ['port', 'state', 'otp', 'seed'], ['quiet', 'developer-portal']);
    if (args.positional.length > 0) throw new UsageError('cli.unexpected-argument', { argument: args.positional[0]! });
    const port = integerFlag(args, 'port', 0);
    if (port > 65535) throw new UsageError('cli.port-range');
    const otpText = optionalFlag(args, 'otp');
    const otps = otpText === undefined ? undefined : otpText.split(',').map((s) => s.trim());
    if (otps && (otps.length === 0 || otps.some((o) => !/^\d{6}$/.test(o)))) throw new UsageError('cli.otp-list');
    const seedText = optionalFlag(args, 'seed');
    if (seedText !== undefined && !/^\d+$/.test(seedText)) throw new UsageError('cli.seed');
    const stateDir = optionalFlag(args, 'state');
    const logger = createLogger({ sink: args.flags.has('quiet') ? () => undefined : streamLogSink(io.stderr) });

    const sim = await startFatooraSimulator({
      port,
      logger,
      ...(stateDir !== undefined ? { stateDir } : {}),
      ...(otps ? { otps } : {}),
      ...(seedText !== undefined ? { seed: Number(seedText) } : {}),
      // reference §9 "Sandbox specifics"
      ...(args.flags.has('developer-portal') ? { settings: { mode: 'developer-portal' as const } } : {}),
    });
    // one write, so whoever waits for the ready line gets the whole block
    const usable = sim.otps.list().filter((o) => o.usedAt === undefined && Date.parse(o.expiresAt) > sim.clock.now().getTime());
    io.stdout(
      [
        `Fatoora simulator listening on ${sim.url}`,
        ...Object.entries(sim.urls).map(([env, url]) => `  ${env.padEnd(16)} ${url}`),
        `  OTPs accepted: ${usable.map((o) => o.code).join(', ') || '(none left; restart with --otp)'}`,
        '',
      ].join('\n'),
    );
    await io.stopSignal;
    await sim.close();
    io.stdout('Fatoora simulator stopped\n');
    return 0;
  },
};
