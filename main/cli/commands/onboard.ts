// SPDX-License-Identifier: UNLICENSED
// `dukkan onboard`: the headless onboarding path for integrators, kiosks and tests, using the same service
// as the app. The shop details, environment and OTP are validated before the data folder is touched, so invalid
// input leaves nothing behind. Progress goes to stdout, errors to stderr in English and Arabic, a JSON-lines log
// (no secrets, main/log) to <data-dir>/logs/dukkan.log.
import path from 'node:path';
import { openDeviceDatabase, DATABASE_FILE_NAME } from '../../db/openDeviceDatabase';
import { createFatooraClient, FATOORA_ENVIRONMENTS, isFatooraEnvironment, type FatooraEnvironment } from '../../fatoora/index';
import { createLogger, type Logger } from '../../log/logger';
import { openRotatingLogFile } from '../../log/rotatingFile';
import {
  createOnboardingService,
  openDeviceKeychain,
  OnboardingError,
  parseOnboardingInput,
  type OnboardingProgress,
  type OnboardingStatus,
} from '../../onboarding/index';
import { isDukkanError } from '../../../app/errors/index';
import { UsageError, type Command, type CommandIo } from '../command';
import { describeErrorBilingual } from '../describeError';
import { readOtp } from '../readOtp';
import { optionalFlag, parseArgs, requireFlag } from '../parseArgs';
import { readJsonFile } from '../readInputs';

const USAGE = `Usage: dukkan onboard --data-dir DIR --env ENV --shop shop.json [--otp NNNNNN|-] [--fatoora-url URL] [--confirm-switch]
       dukkan onboard --data-dir DIR --resume [--otp NNNNNN|-] [--fatoora-url URL]
       dukkan onboard --data-dir DIR --renew [--otp NNNNNN|-] [--fatoora-url URL]
       dukkan onboard --data-dir DIR --rotate [--otp NNNNNN|-] [--shop shop.json] [--fatoora-url URL]

Turns this terminal into a ZATCA EGS unit: device key (kept in the OS keychain) → CSR → compliance CSID (OTP)
→ compliance documents → production CSID. Run the same command again to resume an interrupted onboarding.

  --data-dir        the terminal's data folder (holds ${DATABASE_FILE_NAME} and logs/)
  --env             developer-portal, simulation, production or local-simulator
  --fatoora-url     base URL: required for local-simulator (e.g. http://127.0.0.1:8443/e-invoicing/developer-portal);
                    for the ZATCA environments an https override of the official URL
  --shop            the shop details (docs/shop-json.md)
  --otp             the 6-digit one-time password from the Fatoora portal of that environment; \`-\` reads it from
                    standard input (keeps it out of the process list); left out on a terminal, it is asked for
  --confirm-switch  confirm onboarding in an environment other than the active one
  --resume          continue the procedure under way (the OTP is needed only before a CSID request)
  --renew           renew the production CSID with a new OTP (before or after it expires)
  --rotate          the key may have leaked: wipe it and the CSIDs, onboard again with a new key pair
Exit 0 when the terminal is ready to sign, 1 when a step failed (the message says why), 2 on a usage error.`;

/** The app's log file: owner-only (0600 in a 0700 folder, the data folder included when new) and rotated by size. */
function fileLogger(dataDir: string): Logger {
  return createLogger({ sink: openRotatingLogFile({ dir: path.join(dataDir, 'logs') }).sink });
}

/** Test and diagnostics hook: DUKKAN_ONBOARD_PAUSE_AT=step:point[:detail] holds the process there (crash tests). */
function pauseHook(io: CommandIo): ((e: OnboardingProgress) => Promise<void>) | undefined {
  const at = process.env.DUKKAN_ONBOARD_PAUSE_AT;
  if (!at) return undefined;
  return async (e) => {
    const here = [e.step, e.point, ...(e.detail ? [e.detail] : [])].join(':');
    if (here !== at && `${e.step}:${e.point}` !== at) return;
    io.stdout(`paused at ${here}\n`);
    await Promise.race([new Promise((resolve) => setTimeout(resolve, 2 ** 31 - 1)), io.stopSignal]);
  };
}

function describeStatus(status: OnboardingStatus): string {
  const a = status.active;
  if (!a) return 'not onboarded';
  const lines = [`environment ${a.environment}: ${a.procedure ? `${a.procedure} at step ${a.step}` : a.step}`];
  if (a.certificate) {
    lines.push(`certificate serial ${a.certificate.serial}, valid until ${a.certificate.notAfter.toISOString()}`);
    if (a.certificate.message) lines.push(a.certificate.message.en, a.certificate.message.ar);
  }
  return lines.join('\n');
}

export const onboardCommand: Command = {
  name: 'onboard',
  summary: 'onboard this terminal with Fatoora (OTP → compliance → production CSID), renew or rotate its key',
  usage: USAGE,
  async run(argv, io) {
    const args = parseArgs(argv, ['data-dir', 'env', 'fatoora-url', 'shop', 'otp'], ['confirm-switch', 'resume', 'renew', 'rotate']);
    const dataDir = requireFlag(args, 'data-dir');
    const mode = (['resume', 'renew', 'rotate'] as const).filter((m) => args.flags.has(m));
    if (mode.length > 1) throw new UsageError('cli.one-mode');
    const env = optionalFlag(args, 'env');
    if (env !== undefined && !isFatooraEnvironment(env)) throw new UsageError('cli.env-invalid', { environments: FATOORA_ENVIRONMENTS.join(', ') });
    const url = optionalFlag(args, 'fatoora-url');
    const shopFile = optionalFlag(args, 'shop');

    // Everything is validated before the data folder is created or opened.
    let shop: unknown;
    let otp: string | undefined;
    try {
      otp = await readOtp(optionalFlag(args, 'otp'), mode.length === 0 || mode[0] === 'renew' || mode[0] === 'rotate');
      if (mode.length === 0) {
        if (env === undefined) throw new UsageError('cli.option-required', { option: 'env' });
        if (shopFile === undefined) throw new UsageError('cli.option-required', { option: 'shop' });
        if (otp === undefined) throw new UsageError('cli.option-required', { option: 'otp' });
        shop = readJsonFile(shopFile, 'shop');
        parseOnboardingInput(shop, env, otp);
      } else {
        if ((mode[0] === 'renew' || mode[0] === 'rotate') && otp === undefined) throw new UsageError('cli.option-required', { option: 'otp' });
        if (shopFile !== undefined) shop = readJsonFile(shopFile, 'shop');
      }
    } catch (err) {
      if (isDukkanError(err) && !(err instanceof UsageError)) {
        io.stderr(`${describeErrorBilingual(err)}\n`);
        return 1;
      }
      throw err;
    }

    const logger = fileLogger(dataDir);
    const db = openDeviceDatabase(path.join(dataDir, DATABASE_FILE_NAME));
    const pause = pauseHook(io);
    const service = createOnboardingService({
      db,
      secrets: openDeviceKeychain(db),
      logger,
      clientFor: (environment: FatooraEnvironment) => createFatooraClient({ environment, logger, ...(url !== undefined ? { baseUrl: url } : {}) }),
      onProgress: async (e) => {
        if (e.point === 'begin' || e.point === 'done') io.stdout(`${e.environment} ${e.procedure} ${e.step}${e.detail ? ` ${e.detail}` : ''}: ${e.point}\n`);
        await pause?.(e);
      },
    });
    try {
      const active = service.status().activeEnvironment;
      if (mode.length > 0 && env !== undefined && active !== null && env !== active) {
        throw new UsageError('cli.other-environment', { active, mode: mode[0]!, env });
      }
      let status: OnboardingStatus;
      if (mode[0] === 'resume') status = await service.resume(otp);
      else if (mode[0] === 'renew') status = await service.renew(otp!);
      else if (mode[0] === 'rotate') status = await service.rotate(otp!, shop !== undefined ? { shop } : {});
      else status = await service.start(shop, otp!, { environment: env as FatooraEnvironment, confirm: args.flags.has('confirm-switch') });
      io.stdout(`${describeStatus(status)}\n`);
      return status.active?.canSign ? 0 : 1;
    } catch (err) {
      if (err instanceof OnboardingError) {
        io.stderr(`${describeErrorBilingual(err)}\n`);
        return 1;
      }
      throw err;
    } finally {
      service.close();
      db.close();
    }
  },
};
