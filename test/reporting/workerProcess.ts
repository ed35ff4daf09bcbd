// SPDX-License-Identifier: UNLICENSED
// A reporting worker in a process of its own, for the crash test: reads {db, baseUrl, token, secret} as JSON on
// stdin (the secret never goes on the command line), reports the device database's outbox, prints one line per
// outcome ("<documentId> <state>"), and runs until it is killed.
import { openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { createFatooraClient } from '../../main/fatoora/index';
import { Secret } from '../../main/log/secret';
import { ReportingWorker } from '../../main/reporting/index';

interface Input {
  readonly db: string;
  readonly baseUrl: string;
  readonly token: string;
  readonly secret: string;
}

async function main(): Promise<void> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  const input = JSON.parse(text) as Input;
  const credentials = { environment: 'local-simulator' as const, binarySecurityToken: input.token, secret: new Secret(input.secret) };
  const worker = new ReportingWorker({
    db: openDeviceDatabase(input.db),
    client: createFatooraClient({ environment: 'local-simulator', baseUrl: input.baseUrl, timeoutMs: 10_000 }),
    credentials: async () => credentials,
    concurrency: 8,
    pollIntervalMs: 200,
  });
  worker.on('outcome', (o) => process.stdout.write(`${o.documentId} ${o.state}\n`));
  worker.start();
  process.stdout.write('started\n');
  setInterval(() => undefined, 60_000); // stay alive until killed
}

void main();
