// SPDX-License-Identifier: UNLICENSED
// `dukkan store-server`: runs the store server (docs/store-server.md) until interrupted, printing its URL and the
// manager page's link when ready. PostgreSQL from DATABASE_URL (or --database-url); otherwise embedded PGlite,
// kept in --data DIR or in memory. It serves HTTPS with its own certificate (made on the first start, kept in the
// database); --plain-http only on a loopback address.
import { randomBytes } from 'node:crypto';
import { openStorage } from '../../../server/db/openStorage';
import { startStoreServer } from '../../../server/storeServer';
import { UsageError, type Command } from '../command';
import { integerFlag, optionalFlag, parseArgs } from '../parseArgs';

const USAGE = `Usage: dukkan store-server [--port N] [--host ADDRESS] [--data DIR] [--database-url URL] [--plain-http] [--quiet]

Runs the store server for a shop's or a chain's tills: enrolment, pushes of documents, shifts and audit events,
master data for the tills, and the manager page (consolidated X/Z, the fleet, document search).

Options:
  --port N            TCP port (default 0: any free port; the URL is printed)
  --host ADDRESS      address to listen on (default 127.0.0.1; 0.0.0.0 for the shop's tills)
  --data DIR          keep the embedded database (PGlite) in DIR (default: in memory, gone at exit)
  --database-url URL  a real PostgreSQL 15+ (default: the DATABASE_URL environment variable)
  --plain-http        serve plain HTTP instead of HTTPS: only with a loopback --host (the bench, development)
  --quiet             no log on stderr

It serves HTTPS with a self-signed certificate it makes on the first start and keeps in its database; the manager
page shows its SHA-256 fingerprint beside each enrolment code, and tills pin it when they enrol.

The manager token is DUKKAN_STORE_MANAGER_TOKEN when set, otherwise a new random one printed at start.`;

export const storeServerCommand: Command = {
  name: 'store-server',
  summary: 'Run the store server that tills enrol with, push to and pull master data from',
  usage: USAGE,
  async run(argv, io) {
    const args = parseArgs(argv, ['port', 'host', 'data', 'database-url'], ['quiet', 'plain-http']);
    if (args.positional.length > 0) throw new UsageError('cli.unexpected-argument', { argument: args.positional[0]! });
    const port = integerFlag(args, 'port', 0);
    if (port > 65535) throw new UsageError('cli.port-range');
    const databaseUrl = optionalFlag(args, 'database-url') ?? process.env.DATABASE_URL;
    const storage = await openStorage({ databaseUrl, dataDir: optionalFlag(args, 'data') });
    const managerToken = process.env.DUKKAN_STORE_MANAGER_TOKEN || randomBytes(18).toString('base64url');
    const quiet = args.flags.has('quiet');
    const server = await startStoreServer({
      storage,
      managerToken,
      port,
      host: optionalFlag(args, 'host') ?? '127.0.0.1',
      plainHttp: args.flags.has('plain-http'),
      log: quiet ? () => undefined : (line) => io.stderr(`${line}\n`),
    });
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
