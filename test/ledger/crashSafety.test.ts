// The ledger under SIGKILL and under two writers. A child process runs `dukkan issue` on the
// real CLI and is killed at random moments; after every kill the ledger is reopened and audited. Every line the child
// printed is an acknowledged document and must be in the ledger, valid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { auditLedger } from '../../main/ledger/auditLedger';
import { createTestEgs, writeTestEgsFiles } from '../support/testCertificate';
import { simplifiedInvoice } from '../fixtures/documents';
import { REPO_ROOT } from '../vectors';
// @ts-expect-error -- plain ESM build script without type declarations
import { buildCli } from '../../scripts/buildCli.mjs';

const KILLS = Number(process.env.DUKKAN_CRASH_KILLS ?? 200);
const work = mkdtempSync(path.join(tmpdir(), 'dukkan-crash-'));
const egsFiles = writeTestEgsFiles(createTestEgs());
const saleFile = path.join(work, 'sale.json');
let cli = '';

beforeAll(async () => {
  const { number: _n, uuid: _u, issueDate: _d, issueTime: _t, ...sale } = simplifiedInvoice();
  writeFileSync(saleFile, JSON.stringify(sale));
  // inside the repository, so the bundle resolves the installed packages
  cli = (await buildCli(path.join(REPO_ROOT, 'dist', 'test', `cli-${process.pid}.mjs`))) as string;
}, 120_000);

afterAll(() => rmSync(cli, { force: true }));

interface Run {
  lines: string[];
  exit: Promise<number | null>;
  kill: () => void;
  firstLine: Promise<void>;
}

function startIssuer(db: string, count: number, prefix = 'T1'): Run {
  const child = spawn(
    process.execPath,
    [cli, 'issue', '--db', db, '--key', egsFiles.key, '--cert', egsFiles.cert, '--in', saleFile, '--count', String(count), '--prefix', prefix],
    {
      env: { ...process.env, DUKKAN_CLI_MAIN: '1', DUKKAN_RESOURCES: path.join(REPO_ROOT, 'main', 'resources') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  let buffer = '';
  let resolveFirst: () => void = () => undefined;
  const firstLine = new Promise<void>((r) => (resolveFirst = r));
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    lines.push(...parts);
    if (lines.length > 0) resolveFirst();
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      if (code !== null && code !== 0) console.error(stderr);
      resolveFirst();
      resolve(code);
    }),
  );
  return { lines, exit, kill: () => child.kill('SIGKILL'), firstLine };
}

function auditFile(db: string, stampFromId?: number) {
  const handle = openDeviceDatabase(db);
  try {
    const report = auditLedger(handle, stampFromId === undefined ? {} : { stampFromId });
    const rows = handle.prepare('SELECT id, icv, number, hash FROM documents ORDER BY icv').all() as {
      id: number;
      icv: number;
      number: string;
      hash: string;
    }[];
    const jobs = (handle.prepare('SELECT COUNT(*) AS n FROM reporting_jobs').get() as { n: number }).n;
    return { report, rows, jobs };
  } finally {
    handle.close();
  }
}

describe('ledger crash safety', () => {
  it(
    `survives ${KILLS} SIGKILLs at random moments: zero forks, zero gaps, zero duplicates, nothing acknowledged is lost`,
    async () => {
      const db = path.join(work, 'crash.sqlite');
      const acknowledged = new Map<string, string>(); // number → hash, from printed lines
      let lastAudited = 0;
      let killedMidRun = 0;
      for (let k = 0; k < KILLS; k++) {
        const run = startIssuer(db, 1_000_000);
        await run.firstLine;
        // kill somewhere in the next 0–60 ms: before, during or after a commit
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 60)));
        run.kill();
        const code = await run.exit;
        if (code === null) killedMidRun++;
        for (const line of run.lines) {
          const [icv, number, hash] = line.split(' ');
          expect(icv).toMatch(/^\d+$/);
          acknowledged.set(number!, hash!);
        }
        const { report, rows, jobs } = auditFile(db, lastAudited + 1);
        expect(report.breaks).toEqual([]);
        expect(rows.map((r) => r.icv)).toEqual(rows.map((_, i) => i + 1)); // no gap, no repeat
        expect(jobs).toBe(rows.length); // never a document without its reporting job
        const stored = new Map(rows.map((r) => [r.number, r.hash]));
        for (const [number, hash] of acknowledged) expect(stored.get(number), `acknowledged ${number}`).toBe(hash);
        lastAudited = rows.at(-1)?.id ?? 0;
      }
      expect(killedMidRun).toBe(KILLS);
      const final = auditFile(db);
      expect(final.report.ok).toBe(true);
      expect(final.report.stampsVerified).toBe(final.rows.length);
      expect(final.rows.length).toBeGreaterThanOrEqual(KILLS);
      console.log(`crash test: ${KILLS} kills, ${final.rows.length} documents, ${acknowledged.size} acknowledged, chain intact`);
    },
    60 * 60 * 1000,
  );

  it('two processes issuing into the same ledger never break the chain', async () => {
    const db = path.join(work, 'two-writers.sqlite');
    const a = startIssuer(db, 40, 'T1');
    const b = startIssuer(db, 40, 'T1');
    expect(await a.exit).toBe(0);
    expect(await b.exit).toBe(0);
    const { report, rows } = auditFile(db);
    expect(report.ok).toBe(true);
    expect(rows.length).toBe(80);
    expect(new Set(rows.map((r) => r.number)).size).toBe(80);
    // both processes printed their own documents; together they are exactly the ledger
    const printed = [...a.lines, ...b.lines].map((l) => l.split(' ')[1]).sort();
    expect(printed).toEqual(rows.map((r) => r.number).sort());
  }, 300_000);
});
