// SPDX-License-Identifier: UNLICENSED
// A till that fails to start says why in its log file, the only trace a shop can send us (docs/security.md "Logs"):
// browser mode on a damaged database, and on a port another program holds — each leaves an `app.start-failed` line
// with the error, and releases what it had opened.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBrowserMode } from '../../main/browser/startBrowserMode';

const work = mkdtempSync(path.join(tmpdir(), 'dukkan-start-'));

function logRecords(dataDir: string): { event: string; fields: Record<string, unknown> }[] {
  return readFileSync(path.join(dataDir, 'logs', 'dukkan.log'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { event: string } & Record<string, unknown>)
    .map(({ event, ...fields }) => ({ event, fields }));
}

describe('a start-up failure leaves a log line', () => {
  it('a database file that is not a database: the log says start failed, and why', async () => {
    const dataDir = path.join(work, 'damaged');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path.join(dataDir, 'dukkan.sqlite'), 'this is not a database, it is a shopping list '.repeat(200));
    await expect(startBrowserMode({ dataDir, quiet: true })).rejects.toThrow(/not a database/);
    const failed = logRecords(dataDir).filter((r) => r.event === 'app.start-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.fields).toMatchObject({ level: 'error', stage: 'open', errorMessage: expect.stringMatching(/not a database/) });
  });

  it('a port another program holds: the log says so, and the data folder is released for the next start', async () => {
    const dataDir = path.join(work, 'port-taken');
    const holder = http.createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
    const port = (holder.address() as AddressInfo).port;
    try {
      await expect(startBrowserMode({ dataDir, port, quiet: true })).rejects.toThrow(/EADDRINUSE/);
      const failed = logRecords(dataDir).filter((r) => r.event === 'app.start-failed');
      expect(failed).toHaveLength(1);
      expect(failed[0]!.fields).toMatchObject({ errorCode: 'EADDRINUSE' });
    } finally {
      holder.close();
    }
    const running = await startBrowserMode({ dataDir, quiet: true });
    await running.close();
    expect(logRecords(dataDir).filter((r) => r.event === 'app.opened')).toHaveLength(2);
  });
});
