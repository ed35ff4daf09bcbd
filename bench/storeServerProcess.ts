// SPDX-License-Identifier: UNLICENSED
// The store server in a process of its own for the ingest bench (bench/storeServer.ts): so the bench measures the
// server — its HTTP, JSON, checking threads and database work — and not the 50 simulated terminals beside it. Prints
// `{"url": …}` when listening; stops on SIGTERM. DATABASE_URL and DUKKAN_BENCH_TOKEN come from the bench.
import { startDocumentCheckPool } from '../server/checks/documentCheckPool';
import { openStorage } from '../server/db/openStorage';
import { startStoreServer } from '../server/storeServer';

const storage = await openStorage({ databaseUrl: process.env.DATABASE_URL });
// the checking threads loaded before the first push, as in a server that has been up a while; plain HTTP on
// 127.0.0.1: the bench measures ingest, not TLS
const checks = startDocumentCheckPool();
await checks.ready();
const server = await startStoreServer({ storage, managerToken: process.env.DUKKAN_BENCH_TOKEN ?? 'bench', log: () => undefined, checks, plainHttp: true });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.once('SIGTERM', () => {
  void (async () => {
    await server.close();
    await storage.close();
    process.exit(0); // writes the CPU profile when started with --cpu-prof
  })();
});
