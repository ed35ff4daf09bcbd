// SPDX-License-Identifier: UNLICENSED
// @doyensec/electronegativity (Doyensec's Electron security checklist as AST/HTML checks) over main/ and renderer/.
// Fails on any finding not reviewed in build/security/electronegativity-accepted.json, and on accepted entries that
// no longer occur. A planted insecure window proves the scanner really reads our TypeScript.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../e2e/browserModeProcess';

const CLI = path.join(ROOT, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const ACCEPTED = JSON.parse(readFileSync(path.join(ROOT, 'build', 'security', 'electronegativity-accepted.json'), 'utf8')) as {
  excludedChecks: Record<string, string>;
  accepted: { check: string; file: string; why: string }[];
};
const ELECTRON = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron!;

interface Finding {
  readonly check: string;
  readonly file: string;
  readonly line: number | null;
}

async function scan(plant?: { file: string; text: string }): Promise<Finding[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-electronegativity-'));
  const target = path.join(dir, 'app');
  cpSync(path.join(ROOT, 'main'), path.join(target, 'main'), { recursive: true });
  cpSync(path.join(ROOT, 'renderer'), path.join(target, 'renderer'), { recursive: true });
  if (plant) writeFileSync(path.join(target, plant.file), plant.text);
  const out = path.join(dir, 'result.sarif');
  await promisify(execFile)(process.execPath, [CLI, '-i', target, '-o', out, '-r', '-e', ELECTRON, '-x', Object.keys(ACCEPTED.excludedChecks).join(',')], {
    timeout: 120_000,
  });
  const sarif = JSON.parse(readFileSync(out, 'utf8')) as {
    runs: { results: { ruleId: string; locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine?: number } } }[] }[] }[];
  };
  return sarif.runs.flatMap((r) =>
    r.results.map((x) => ({
      check: x.ruleId,
      file: x.locations?.[0]?.physicalLocation.artifactLocation.uri ?? 'N/A',
      line: x.locations?.[0]?.physicalLocation.region?.startLine ?? null,
    })),
  );
}

describe('electronegativity', { timeout: 180_000 }, () => {
  it('finds nothing in main/ and renderer/ beyond the reviewed, explained findings', async () => {
    const findings = await scan();
    const key = (f: { check: string; file: string }) => `${f.check} ${f.file}`;
    const accepted = new Set(ACCEPTED.accepted.map(key));
    expect(findings.filter((f) => !accepted.has(key(f)))).toEqual([]);
    // every accepted entry still occurs (otherwise it is stale and must go)
    expect([...accepted].filter((a) => !findings.some((f) => key(f) === a))).toEqual([]);
    for (const a of ACCEPTED.accepted) expect(a.why.length).toBeGreaterThan(40);
  });

  it('does see an insecure window when one is planted (the scan reads our TypeScript)', async () => {
    const findings = await scan({
      file: 'main/window/planted.ts',
      text: "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    });
    const planted = findings.filter((f) => f.file === 'main/window/planted.ts').map((f) => f.check);
    expect(planted).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']));
  });
});
