// SPDX-License-Identifier: UNLICENSED
// Runs `dukkan` as a real child process (the bundled CLI, as test/ledger/crashSafety does), with its stdout lines
// collected, so tests can wait for a line and SIGKILL it there.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../vectors';
// @ts-expect-error -- plain ESM build script without type declarations
import { buildCli } from '../../scripts/buildCli.mjs';

export async function bundleCli(name: string): Promise<string> {
  return (await buildCli(path.join(REPO_ROOT, 'dist', 'test', `cli-${name}-${process.pid}.mjs`))) as string;
}

export interface CliRun {
  readonly lines: string[];
  readonly stderr: () => string;
  readonly exit: Promise<number | null>;
  kill(): Promise<void>;
  /** Resolves when a stdout line matches; rejects when the process exits first or after `timeoutMs`. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

export function runCli(cli: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): CliRun {
  const child = spawn(process.execPath, [cli, ...args], {
    env: { ...process.env, DUKKAN_CLI_MAIN: '1', DUKKAN_RESOURCES: path.join(REPO_ROOT, 'main', 'resources'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let buffer = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (let i = waiters.length - 1; i >= 0; i--) {
        if (waiters[i]!.pattern.test(line)) waiters.splice(i, 1)[0]!.resolve(line);
      }
    }
  });
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    lines,
    stderr: () => stderr,
    exit,
    async kill() {
      child.kill('SIGKILL');
      await exit;
    },
    waitForLine(pattern, timeoutMs = 30_000) {
      const seen = lines.find((l) => pattern.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; stdout:\n${lines.join('\n')}\nstderr:\n${stderr}`)),
          timeoutMs,
        );
        waiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
        void exit.then((code) => {
          clearTimeout(timer);
          reject(new Error(`dukkan exited (${code}) before a line matching ${pattern}; stdout:\n${lines.join('\n')}\nstderr:\n${stderr}`));
        });
      });
    },
  };
}

/** Polls `condition` every 20 ms until it holds (or fails after `timeoutMs`). */
export async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
