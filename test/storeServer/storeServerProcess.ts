// SPDX-License-Identifier: UNLICENSED
// `dukkan store-server` as a real process, for the CLI and end-to-end tests: started, its URL and manager token read
// from its ready lines, stopped with SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../vectors';

export interface RunningStoreServer {
  readonly child: ChildProcess;
  readonly url: string;
  readonly token: string;
  /** The TLS certificate's fingerprint it printed ("none" with --plain-http). */
  readonly fingerprint: string;
  stdout(): string;
  stderr(): string;
  stop(): Promise<number | null>;
}

export function startStoreServerProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunningStoreServer> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'dukkan.mjs'), 'store-server', ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: '', ...env },
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`store server printed no URL; stderr: ${err}`)), 60_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (https?:\/\/127\.0\.0\.1:\d+)[\s\S]*manager page: \S+\?token=(\S+)\n[\s\S]*SHA-256: (\S+)[^\n]*\n/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        child,
        url: m[1]!,
        token: m[2]!,
        fingerprint: m[3]!,
        stdout: () => out,
        stderr: () => err,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then((code) => reject(new Error(`store server exited ${code}; stderr: ${err}`)));
  });
}
