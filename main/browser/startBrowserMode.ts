// SPDX-License-Identifier: UNLICENSED
// `npm run start:browser`: the whole terminal in plain Node — the same composition root as the Electron app
// (main/app/openApp), with receipts rasterised by the system Chromium — serving the renderer on 127.0.0.1 with a
// per-launch token. Open the printed link in Chromium (or any current browser). Stops on Ctrl+C / SIGTERM.
//
//   npm run start:browser -- [--data-dir DIR] [--port N] [--printer tcp://HOST:9100] [--paper 58|80]
//                            [--fatoora-url http://127.0.0.1:PORT] [--quiet]
import { precomputeSigningTables } from '../../app/crypto/signingKey';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openApp, type DukkanApp } from '../app/openApp';
import { receiptTemplate } from '../app/receiptTemplate';
import { createLogger, errorFields, streamLogSink, teeLogSink, type Logger } from '../log/logger';
import { openRotatingLogFile, type RotatingLogFile } from '../log/rotatingFile';
import type { PdfRenderer } from '../clearance/clearedFiles';
import type { ChromiumRasterizer } from '../printing/chromiumRasterizer';
import type { ReceiptRasterizer } from '../printing/rasterizer';
import { startBrowserServer } from './browserServer';
import { buildRendererAssets, loadRendererAssets } from './rendererAssets';

export interface BrowserModeOptions {
  readonly dataDir: string;
  readonly port?: number;
  readonly printer?: string;
  readonly paperWidth?: 58 | 80;
  readonly fatooraUrl?: string;
  readonly quiet?: boolean;
}

export function parseBrowserModeArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): BrowserModeOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      printer: { type: 'string' },
      paper: { type: 'string' },
      'fatoora-url': { type: 'string' },
      quiet: { type: 'boolean' },
    },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be an integer 0–65535');
  if (values.paper !== undefined && values.paper !== '58' && values.paper !== '80') throw new Error('--paper must be 58 or 80');
  if (values['fatoora-url'] !== undefined && !/^https?:\/\/[^/\s]+\/?$/.test(values['fatoora-url']))
    throw new Error('--fatoora-url must be the root URL of a Fatoora simulator, e.g. http://127.0.0.1:8443');
  return {
    dataDir: path.resolve(values['data-dir'] ?? env.DUKKAN_DATA_DIR ?? '.dukkan-data'),
    port,
    ...(values.printer !== undefined ? { printer: values.printer } : {}),
    ...(values.paper !== undefined ? { paperWidth: values.paper === '58' ? 58 : 80 } : {}),
    ...(values['fatoora-url'] !== undefined ? { fatooraUrl: values['fatoora-url'] } : {}),
    quiet: values.quiet ?? false,
  };
}

/**
 * The Chromium rasterizer, loaded and launched on first use: nothing at start-up waits for a browser. Warmed up a
 * few seconds after start, so the first receipt does not launch it.
 */
function lazyChromiumRasterizer(): Required<ReceiptRasterizer> & PdfRenderer & { warmUp(): Promise<void> } {
  let instance: Promise<ChromiumRasterizer> | null = null;
  const get = () => (instance ??= import('../printing/chromiumRasterizer').then((m) => new m.ChromiumRasterizer()));
  return {
    rasterize: async (html, widthPx) => (await get()).rasterize(html, widthPx),
    // the print path's render, decoded in a worker thread (main/printing/rasterToJob.ts)
    capture: async (html, widthPx) => (await get()).capture(html, widthPx),
    // the same, in strips sent to the printer as each is ready (main/printing/receiptStream.ts)
    captureStrips: async (html, widthPx, cuts, onStrip) => (await get()).captureStrips(html, widthPx, cuts, onStrip),
    // the cleared B2B invoice's A4 PDF (main/clearance/clearedFiles.ts), drawn by the same Chromium
    pdf: async (html, widthPx) => (await get()).pdf(html, widthPx),
    warmUp: async () => (await get()).warmUp(),
    close: async () => {
      if (instance) await (await instance).close();
    },
  };
}

const WARM_UP_AFTER_MS = 3000;

export interface RunningBrowserMode {
  readonly launchUrl: string;
  close(): Promise<void>;
}

export async function startBrowserMode(options: BrowserModeOptions): Promise<RunningBrowserMode> {
  // the same log file as the desktop app's: owner-only (0600 in a 0700 folder) and rotated by size, so a till left
  // open to unauthenticated noise cannot fill the disk (main/log/rotatingFile.ts)
  const logFile = openRotatingLogFile({ dir: path.join(options.dataDir, 'logs') });
  const sinks = [logFile.sink, ...(options.quiet ? [] : [streamLogSink((t) => process.stderr.write(t))])];
  const logger = createLogger({ sink: teeLogSink(...sinks), minLevel: 'info' });
  const log = logger.child({ component: 'browser-mode' });
  log.info('app.starting', { mode: 'browser', pid: process.pid, platform: process.platform, node: process.version });
  // scripts/start.sh made a development keyring just now (scripts/devKeyring.mjs): said once, in the log too
  if (process.env.DUKKAN_DEV_KEYRING_CREATED)
    log.warn('keychain.development-keyring-created', { keyring: process.env.DUKKAN_DEV_KEYRING_CREATED, use: 'development and trials only' });
  const rasterizer = lazyChromiumRasterizer();
  let app: DukkanApp | undefined;
  try {
    return await serve(options, logger, rasterizer, (opened) => (app = opened), logFile);
  } catch (e) {
    // the log is what a shop sends us: a till that did not start says why there, not only on a console nobody kept
    log.error('app.start-failed', { stage: 'open', ...errorFields(e) });
    await app?.close().catch(() => undefined);
    await rasterizer.close().catch(() => undefined);
    logFile.close();
    throw e;
  }
}

async function serve(
  options: BrowserModeOptions,
  logger: Logger,
  rasterizer: ReturnType<typeof lazyChromiumRasterizer>,
  opened: (app: DukkanApp) => void,
  logFile: RotatingLogFile,
): Promise<RunningBrowserMode> {
  // scripts/startBrowser.mjs names the renderer built at install time when it is current; otherwise it is built now
  const rendererDir = process.env.DUKKAN_RENDERER_DIR;
  const [assets, app] = await Promise.all([
    rendererDir ? loadRendererAssets(rendererDir) : buildRendererAssets(),
    openApp({
      dataDir: options.dataDir,
      template: receiptTemplate,
      rasterizer,
      logger,
      ...(options.fatooraUrl ? { fatooraUrl: options.fatooraUrl } : {}),
      ...(options.printer ? { printer: { address: options.printer, ...(options.paperWidth ? { paperWidth: options.paperWidth } : {}) } } : {}),
    }),
  ]);
  opened(app);
  const server = await startBrowserServer({
    dispatcher: app.dispatcher,
    sessions: app.sessions,
    assets,
    subscribe: (l) => app.subscribe(l),
    logger,
    ...(options.port ? { port: options.port } : {}),
  });
  // the first receipt should not pay for launching Chromium nor the first signature for its tables (~220 ms), and
  // neither should compete with the first page load — nor, on a first start, with training mode's onboarding in
  // the background (main/app/modeController.ts, 'preparing'), which the first sale waits for
  let closing = false;
  const warmUp = setTimeout(() => {
    void app.whenReady().then((ready) => {
      if (!ready || closing) return;
      precomputeSigningTables();
      void rasterizer.warmUp().catch(() => undefined);
      void app.core.printing.warmUp().catch(() => undefined); // the printing worker thread (main/workers)
      void app.core
        .current()
        .reports.warm()
        .catch(() => undefined); // the first X report of the day (main/reports)
    });
  }, WARM_UP_AFTER_MS);
  return {
    launchUrl: server.launchUrl,
    async close() {
      closing = true;
      clearTimeout(warmUp);
      await server.close();
      await app.close();
      logFile.close();
    },
  };
}

async function main(): Promise<void> {
  let options: BrowserModeOptions;
  try {
    options = parseBrowserModeArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const running = await startBrowserMode(options);
  // one write, so whoever waits for the ready line gets it whole
  process.stdout.write(`Dukkan is ready (browser mode, data in ${options.dataDir}). Open: ${running.launchUrl}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    running.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`shutdown: ${(e as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// run directly (tsx main/browser/startBrowserMode.ts) or by the launcher scripts/startBrowser.mjs, bundled or not
if (process.env.DUKKAN_BROWSER_MAIN === '1' || (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)) {
  main().catch((e: unknown) => {
    process.stderr.write(`Dukkan could not start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
