// SPDX-License-Identifier: UNLICENSED
// A real PostgreSQL for the store server's suite (docs/store-server.md, "Tests"): a private cluster in a temporary
// folder, initdb + pg_ctl from the OS packages (scripts/setup.sh installs `postgresql`), listening on a free port of
// 127.0.0.1 with its socket in the same folder, stopped and removed afterwards. PostgreSQL refuses to run as root,
// so under root the cluster belongs to `nobody`. Missing binaries fail the suite with the reason: a store server
// that was never tested on PostgreSQL must not pass silently.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PostgresCluster {
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  urlFor(database: string): string;
  /** Creates an empty database and gives its URL. */
  createDatabase(name: string): string;
  /** pg_ctl restart: every connection is cut, as when the server restarts in production. */
  restart(): void;
  stop(): void;
}

export function postgresBinDir(): string {
  const fromEnv = process.env.DUKKAN_PG_BIN;
  const candidates = fromEnv
    ? [fromEnv]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .filter((v) => /^\d+$/.test(v) && Number(v) >= 15)
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : [];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')));
  if (!found) {
    throw new Error(
      'PostgreSQL 15+ server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin or DUKKAN_PG_BIN: ' +
        'install them with `npm run setup` (apt package postgresql). The store server suite runs against a real PostgreSQL and does not skip.',
    );
  }
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const asRoot = process.getuid?.() === 0;
  // the test run's own temporary root is private to root (mode 0700): nobody could not reach a cluster inside it
  const dir = mkdtempSync(path.join(asRoot ? '/tmp' : tmpdir(), 'dukkan-pg-'));
  const data = path.join(dir, 'data');
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : path.join(bin, tool);
    const argv = asRoot ? ['-u', 'nobody', '--', path.join(bin, tool), ...args] : args;
    const result = spawnSync(command, argv, { encoding: 'utf8', cwd: dir, timeout: 60_000 });
    if (result.status !== 0) {
      const log = existsSync(path.join(dir, 'log')) ? readFileSync(path.join(dir, 'log'), 'utf8').slice(-2000) : '';
      throw new Error(`${tool} ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.stdout}\n${log}`);
    }
  };
  if (asRoot) execFileSync('chown', ['nobody', dir]);
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    // fsync off: a test cluster, thrown away after. synchronous_commit stays on: a restart (an immediate stop, as a
    // crash) must keep every commit the server acknowledged, as a production server does
    const options = `-k ${dir} -p ${port} -h 127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`;
    const start = () => run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start']);
    start();
    const urlFor = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
    let stopped = false;
    return {
      urlFor,
      createDatabase(name) {
        if (!/^[a-z][a-z0-9_]{0,40}$/.test(name)) throw new Error(`database name ${name}`);
        execFileSync(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-qc', `CREATE DATABASE ${name}`]);
        return urlFor(name);
      },
      restart() {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
        start();
      },
      stop() {
        if (stopped) return;
        stopped = true;
        try {
          run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
