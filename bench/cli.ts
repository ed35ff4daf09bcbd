// SPDX-License-Identifier: UNLICENSED
// The command line's own start: `dukkan help` and `dukkan hash` of an official SDK vector as new processes, on the
// bundle `npm run build:cli` makes (bin/dukkan.mjs, as installed) against the TypeScript run through tsx (the
// development path and the launcher's fallback), interleaved run by run so both see the same machine. Wall time,
// and the CPU time the process used (GNU time), which a loaded machine inflates far less.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, SDK346 } from '../test/vectors';
import { summarize, type BenchSection, type LatencySummary } from './stats';

const RUNS = 10;
const VECTOR = path.join(SDK346, 'Samples', 'Simplified', 'Invoice', 'Simplified_Invoice.xml');
const TIME = '/usr/bin/time';

interface Run {
  readonly wallMs: number;
  readonly cpuMs: number;
}

function run(argv: readonly string[], env: NodeJS.ProcessEnv): Run {
  const withTime = existsSync(TIME);
  const t = performance.now();
  const r = spawnSync(withTime ? TIME : process.execPath, withTime ? ['-f', 'cpu %U %S', process.execPath, ...argv] : argv, {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env,
  });
  const wallMs = performance.now() - t;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { wallMs, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : Number.NaN };
}

type Row = { readonly name: string; readonly wall: LatencySummary; readonly cpu: LatencySummary };

/** Each target met or missed, and when missed on wall time only, how much of it Node's own start took. */
function verdicts(rows: readonly Row[]): string[] {
  const node = rows.find((r) => r.name.startsWith('node -e 0'))!;
  const loads = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
  return (
    [
      ['help, bundle', 300],
      ['hash, bundle', 500],
    ] as const
  ).map(([name, limitMs]) => {
    const r = rows.find((x) => x.name === name)!;
    if (r.wall.p50 <= limitMs) return `- \`dukkan ${name.split(',')[0]}\`: ${(r.wall.p50 / 1000).toFixed(2)} s, within ${limitMs / 1000} s.`;
    return (
      `- \`dukkan ${name.split(',')[0]}\`: ${(r.wall.p50 / 1000).toFixed(2)} s misses ${limitMs / 1000} s on wall time; its CPU time is ` +
      `${(r.cpu.p50 / 1000).toFixed(2)} s, and Node alone took ${(node.wall.p50 / 1000).toFixed(2)} s wall (${(node.cpu.p50 / 1000).toFixed(2)} s CPU) — ` +
      `the machine's load (${loads} at the end) stretches every process start. On an idle machine the wall time is about the CPU time.`
    );
  });
}

export async function benchCli(): Promise<Omit<BenchSection, 'markdown'> & { markdown: string[] }> {
  // the bundle as `npm run setup` leaves it, built by the same script
  execFileSync(process.execPath, ['scripts/buildCli.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  const env = { ...process.env, DUKKAN_CLI_HINT: '0' };
  const variants = {
    'help, bundle': ['bin/dukkan.mjs', 'help'],
    'help, TypeScript (tsx)': ['--import', 'tsx/esm', 'main/cli/index.ts', 'help'],
    'hash, bundle': ['bin/dukkan.mjs', 'hash', VECTOR],
    'hash, TypeScript (tsx)': ['--import', 'tsx/esm', 'main/cli/index.ts', 'hash', VECTOR],
    'node -e 0 (Node alone)': ['-e', '0'],
  } as const;
  const samples = new Map<string, Run[]>(Object.keys(variants).map((k) => [k, []]));
  for (let i = 0; i < RUNS + 1; i++) {
    for (const [name, argv] of Object.entries(variants)) {
      const r = run(argv, { ...env, DUKKAN_CLI_MAIN: '1' });
      if (i > 0) samples.get(name)!.push(r); // the first round warms the disk cache
    }
  }
  const rows = [...samples].map(([name, list]) => {
    const wall = summarize(list.map((r) => r.wallMs));
    const cpu = summarize(list.map((r) => r.cpuMs));
    return { name, wall, cpu };
  });
  const target = (name: string) => (name === 'help, bundle' ? '≤ 0.3 s' : name === 'hash, bundle' ? '≤ 0.5 s' : '');
  const s = (v: number) => `${(v / 1000).toFixed(2)} s`;
  const markdown = [
    `New processes from the repository, ${RUNS} rounds, variants interleaved within each round (a first round discarded).`,
    `Bundle = \`node bin/dukkan.mjs\` on dist/cli (as installed by \`npm run setup\`); TypeScript = the same entry through tsx,`,
    `as the launcher falls back to when the bundle is stale. Hash of the SDK 3.4.6 simplified invoice vector.`,
    '',
    '| command | wall p50 | wall max | CPU p50 (user + sys) | target |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.name} | ${s(r.wall.p50)} | ${s(r.wall.max)} | ${s(r.cpu.p50)} | ${target(r.name)} |`),
    '',
    ...verdicts(rows),
  ];
  return { title: 'Command line: dukkan help and dukkan hash', markdown, figures: Object.fromEntries(rows.map((r) => [r.name, { wall: r.wall, cpu: r.cpu }])) };
}
