// SPDX-License-Identifier: UNLICENSED
// Runs browser mode as a real child process, exactly as `npm run start:browser` does (scripts/startBrowser.mjs: the
// bundles `npm run build:browser` made while they are current, else main/browser/startBrowserMode.ts by tsx), and
// hands back its launch URL. Without a D-Bus session (plain `npx vitest`), the child gets a private one with an
// unlocked gnome-keyring, as scripts/test.sh sets up for the whole suite, so the OS keychain is real either way.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE = process.execPath;
const ENTRY = path.join(ROOT, 'scripts', 'startBrowser.mjs');

export interface BrowserModeProcess {
  readonly launchUrl: string;
  readonly origin: string;
  readonly dataDir: string;
  /** ms from spawn to the ready line. */
  readonly readyAfterMs: number;
  readonly child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly dataDir?: string;
  readonly args?: readonly string[];
  readonly timeoutMs?: number;
  /** More environment for the process (e.g. DUKKAN_BUNDLES_AS_BUILT for the start-up bench). */
  readonly env?: Readonly<Record<string, string>>;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export async function startBrowserModeProcess(options: StartOptions = {}): Promise<BrowserModeProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'dukkan-e2e-'));
  const args = ['--data-dir', dataDir, '--quiet', ...(options.args ?? [])];
  const started = performance.now();
  const command = [NODE, ENTRY, ...args].map(shellQuote).join(' ');
  const env = { ...process.env, ...options.env };
  const child = process.env.DBUS_SESSION_BUS_ADDRESS
    ? spawn(NODE, [ENTRY, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    : spawn(
        'dbus-run-session',
        [
          '--',
          'bash',
          '-c',
          `export XDG_DATA_HOME=${shellQuote(path.join(dataDir, '.keyring-home'))}; mkdir -p "$XDG_DATA_HOME"; echo -n dukkan-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec ${command}`,
        ],
        { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
      );
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const launchUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`browser mode did not start within ${options.timeoutMs ?? 90_000} ms:\n${out}`)),
      options.timeoutMs ?? 90_000,
    );
    const check = () => {
      const m = /Open: (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code} before it was ready:\n${out}`));
    });
  });
  const readyAfterMs = performance.now() - started;
  return {
    launchUrl,
    origin: launchUrl.slice(0, launchUrl.indexOf('/#')),
    dataDir,
    readyAfterMs,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // the whole group we started (dbus-run-session, its bus, the keyring daemon and Node): ours alone
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
