// SPDX-License-Identifier: UNLICENSED
// `npm run bench`: runs every benchmark and writes BENCHMARKS.md. `npm run bench -- engine ledger` runs a subset
// (the other sections of BENCHMARKS.md are kept as they were).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchSection } from './stats';

const REPO = path.resolve(import.meta.dirname, '..');
const OUT = path.join(REPO, 'BENCHMARKS.md');

const BENCHES: Record<string, () => Promise<BenchSection>> = {
  engine: async () => (await import('./engine')).benchEngine(),
  ledger: async () => (await import('./ledger')).benchLedger(),
  printing: async () => {
    const r = await (await import('./printing')).benchPrinting();
    return { title: 'Printing: committed document to first byte at the printer', markdown: r.markdown.join('\n'), figures: { ...r } };
  },
};

for (const [name, file, fn] of [
  ['reporting', './reporting.ts', 'benchReporting'],
  ['startup', './startup.ts', 'benchStartup'],
  ['tillSale', './tillSale.ts', 'benchTillSale'],
  ['reports', './reports.ts', 'benchReports'],
  ['backup', './backup.ts', 'benchBackup'],
  ['storeServer', './storeServer.ts', 'benchStoreServer'],
  ['cli', './cli.ts', 'benchCli'],
  ['soak', './soak.ts', 'benchSoak'],
] as const) {
  if (existsSync(path.join(import.meta.dirname, file))) {
    BENCHES[name] = async () => {
      const mod = (await import(file)) as Record<string, (() => Promise<BenchSection & { markdown: string | string[] }>) | undefined>;
      const r = await mod[fn]!();
      return { ...r, markdown: Array.isArray(r.markdown) ? r.markdown.join('\n') : r.markdown };
    };
  }
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average at start ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}`;
}

/** Sections already in BENCHMARKS.md, by name, so a partial run keeps the others. */
function previousSections(): Map<string, string> {
  const sections = new Map<string, string>();
  if (!existsSync(OUT)) return sections;
  for (const part of readFileSync(OUT, 'utf8')
    .split(/^<!-- bench:(\w+) -->$/m)
    .slice(1)
    .reduce<[string, string][]>((acc, v, i, all) => (i % 2 === 0 ? [...acc, [v, all[i + 1] ?? '']] : acc), [])) {
    sections.set(part[0], part[1].trim());
  }
  return sections;
}

// options and their values (`soak --sales 2000`) are the cases' own; the soak runs only when named (too long)
const args = process.argv.slice(2);
const wanted = args.filter((a, i) => !a.startsWith('-') && !args[i - 1]?.startsWith('--'));
const ONLY_WHEN_NAMED = new Set(['soak']);
const names = wanted.length > 0 ? wanted : Object.keys(BENCHES).filter((n) => !ONLY_WHEN_NAMED.has(n));
const results = new Map<string, string>();
for (const name of names) {
  const run = BENCHES[name];
  if (!run) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(BENCHES).join(', ')}`);
  console.log(`running ${name}…`);
  const r = await run();
  const body = `## ${r.title}\n\nMeasured ${new Date().toISOString()} on ${machine()}.\n\n${r.markdown}`;
  results.set(name, body);
  console.log(body, '\n');
}
// read only now: a long case (the soak) must not write back sections others updated while it ran
const sections = previousSections();
for (const [name, body] of results) sections.set(name, body);
const order = [...new Set([...Object.keys(BENCHES), ...sections.keys()])];
const doc = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (bench/runAll.ts); each section says when and on what it was measured. Speed targets',
  'are checked here, never by timed assertions in tests. Figures from a busy machine are marked by its load average.',
  '',
  ...order.filter((n) => sections.has(n)).flatMap((n) => [`<!-- bench:${n} -->`, sections.get(n)!, '']),
].join('\n');
writeFileSync(OUT, doc);
console.log(`wrote ${OUT}`);
