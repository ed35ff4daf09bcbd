// SPDX-License-Identifier: UNLICENSED
// `dukkan store-server`: runs the store server (docs/store-server.md) until interrupted, printing its URL and the
// manager page's link when ready. PostgreSQL from DATABASE_URL (or --database-url); otherwise embedded PGlite,
// kept in --data DIR or in memory. It serves HTTPS with its own certificate (made on the first start, kept in the
// database) or the shop's (--tls-cert/--tls-key, read at every start); --plain-http only on a loopback address.
// `rotate-certificate` makes the next self-signed certificate, announced to the tills before the switch
// (docs/store-server.md, "Replacing the certificate").
import { randomBytes } from 'node:crypto';
import { openStorage } from '../../../server/db/openStorage';
import { startStoreServer } from '../../../server/storeServer';
import { rotateSelfSigned } from '../../../server/tls/serverIdentity';
import { ownTlsOptions, switchTime } from '../../../server/tls/tlsPlan';
import { UsageError, type Command } from '../command';
import { integerFlag, optionalFlag, parseArgs } from '../parseArgs';

const USAGE = `Usage: dukkan store-server [--port N] [--host ADDRESS] [--data DIR] [--database-url URL] [--plain-http] [--quiet]
                            [--tls-cert FILE --tls-key FILE [--next-tls-cert FILE --next-tls-key FILE --tls-switch-at TIME]]
       dukkan store-server rotate-certificate [--at TIME] [--data DIR] [--database-url URL]

Runs the store server for a shop's or a chain's tills: enrolment, pushes of documents, shifts and audit events,
master data for the tills, and the manager page (consolidated X/Z, the fleet, document search).

Options:
  --port N            TCP port (default 0: any free port; the URL is printed)
  --host ADDRESS      address to listen on (default 127.0.0.1; 0.0.0.0 for the shop's tills)
  --data DIR          keep the embedded database (PGlite) in DIR (default: in memory, gone at exit)
  --database-url URL  a real PostgreSQL 15+ (default: the DATABASE_URL environment variable)
  --plain-http        serve plain HTTP instead of HTTPS: only with a loopback --host (the bench, development)
  --quiet             no log on stderr
  --tls-cert FILE     serve this PEM certificate (the shop's CA or a public one; a chain file: server's first)
  --tls-key FILE      its PEM private key (P-256 or RSA ≥ 2048, unencrypted; read at each start, never stored)
  --next-tls-cert FILE, --next-tls-key FILE
                      the renewed certificate and key that replace them at --tls-switch-at, announced to the
                      tills until then (the current key must be P-256 to sign the announcement)
  --tls-switch-at TIME  ISO 8601 with a zone, e.g. 2027-01-15T03:00:00Z
  The environment may give them instead: DUKKAN_STORE_TLS_CERT, DUKKAN_STORE_TLS_KEY, DUKKAN_STORE_NEXT_TLS_CERT,
  DUKKAN_STORE_NEXT_TLS_KEY, DUKKAN_STORE_TLS_SWITCH_AT.

rotate-certificate makes the next self-signed certificate and stores it; every running server announces it to the
tills at their next pull and serves it from --at TIME (default: 7 days from now). Tills offline the whole time
must be enrolled again.

Without --tls-cert it serves HTTPS with a self-signed certificate it makes on the first start and keeps in its
database; the manager page shows its SHA-256 fingerprint beside each enrolment code, and tills pin it when they enrol.

The manager token is DUKKAN_STORE_MANAGER_TOKEN when set, otherwise a new random one printed at start.`;

export const storeServerCommand: Command = {
  name: 'store-server',
  summary: 'Run the store server that tills enrol with, push to and pull master data from',
  usage: USAGE,
  async run(argv, io) {
    if (argv[0] === 'rotate-certificate') return rotateCertificate(argv.slice(1), io);
    const args = parseArgs(
      argv,
      ['port', 'host', 'data', 'database-url', 'tls-cert', 'tls-key', 'next-tls-cert', 'next-tls-key', 'tls-switch-at'],
      ['quiet', 'plain-http'],
    );
    if (args.positional.length > 0) throw new UsageError('cli.unexpected-argument', { argument: args.positional[0]! });
    const port = integerFlag(args, 'port', 0);
    if (port > 65535) throw new UsageError('cli.port-range');
    const env = (name: string) => process.env[name] || undefined;
    const ownTls = ownTlsOptions({
      cert: optionalFlag(args, 'tls-cert') ?? env('DUKKAN_STORE_TLS_CERT'),
      key: optionalFlag(args, 'tls-key') ?? env('DUKKAN_STORE_TLS_KEY'),
      nextCert: optionalFlag(args, 'next-tls-cert') ?? env('DUKKAN_STORE_NEXT_TLS_CERT'),
      nextKey: optionalFlag(args, 'next-tls-key') ?? env('DUKKAN_STORE_NEXT_TLS_KEY'),
      switchAt: optionalFlag(args, 'tls-switch-at') ?? env('DUKKAN_STORE_TLS_SWITCH_AT'),
    });
    const databaseUrl = optionalFlag(args, 'database-url') ?? process.env.DATABASE_URL;
    const storage = await openStorage({ databaseUrl, dataDir: optionalFlag(args, 'data') });
    const managerToken = process.env.DUKKAN_STORE_MANAGER_TOKEN || randomBytes(18).toString('base64url');
    const quiet = args.flags.has('quiet');
    let server;
    try {
      server = await startStoreServer({
        storage,
        managerToken,
        port,
        host: optionalFlag(args, 'host') ?? '127.0.0.1',
        plainHttp: args.flags.has('plain-http'),
        ...(ownTls ? { ownTls } : {}),
        log: quiet ? () => undefined : (line) => io.stderr(`${line}\n`),
      });
    } catch (err) {
      await storage.close();
      throw err;
    }
    io.stdout(
      [
        `Store server listening on ${server.url} (${storage.kind === 'postgres' ? 'PostgreSQL' : 'embedded PGlite'})`,
        `  manager page: ${server.url}/manager?token=${managerToken}`,
        `  TLS certificate SHA-256: ${server.fingerprint ?? 'none (plain HTTP on this machine)'}`,
        '',
      ].join('\n'),
    );
    await io.stopSignal;
    await server.close();
    await storage.close();
    io.stdout('Store server stopped\n');
    return 0;
  },
};

async function rotateCertificate(argv: readonly string[], io: Parameters<Command['run']>[1]): Promise<number> {
  const args = parseArgs(argv, ['at', 'data', 'database-url']);
  if (args.positional.length > 0) throw new UsageError('cli.unexpected-argument', { argument: args.positional[0]! });
  const now = new Date();
  const at = optionalFlag(args, 'at');
  const switchAt = at === undefined ? new Date(now.getTime() + 7 * 24 * 3600_000) : switchTime('--at', at);
  const storage = await openStorage({ databaseUrl: optionalFlag(args, 'database-url') ?? process.env.DATABASE_URL, dataDir: optionalFlag(args, 'data') });
  try {
    const r = await rotateSelfSigned(storage, now, switchAt);
    io.stdout(
      [
        `Next TLS certificate SHA-256: ${r.next}`,
        `  replaces ${r.current} at ${r.switchAt.toISOString()}; announced to every till at its next pull until then`,
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    await storage.close();
  }
}
