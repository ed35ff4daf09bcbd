// SPDX-License-Identifier: UNLICENSED
// The repository explains itself: every ZATCA citation in a tracked source or document file ("reference §N" or
// "reference §N.M") must name a heading of docs/zatca-reference.md (`## N.` or `### N.M`), and no tracked file outside
// test/ may send the reader to documents that live outside the repository. Comments speak of the code, not of the
// tracker: no source file says "issue 5" (another project's "owner/repo#123" is a public source and stays).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../vectors';

const REFERENCE_DOC = 'docs/zatca-reference.md';
const CITING_FILE = /\.(ts|mjs|js|cjs|md)$/;
// A section number right after "reference §"; a range "§1–§6" cites its first section only.
const CITATION = /reference §(\d+(?:\.\d+)?)/g;
// Pointers to the research notes and other documents kept beside, not inside, the repository.
const OUTSIDE_POINTERS = ['zatca-phase2-reference.md', '../shared/', 'field notes §', 'field-notes.md'];
const SOURCE_FILE = /\.(ts|tsx|mjs|js|cjs|sh)$/;
const TRACKER_ITEM = /\b[Ii]ssues? #?\d+\b/;

/** Tracked files (repository-relative, `/`-separated) that exist in the working tree. */
function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return out.split('\0').filter((rel) => rel !== '' && existsSync(path.join(REPO_ROOT, rel)));
}

/** The section numbers docs/zatca-reference.md has headings for: "7" for `## 7. …`, "7.6" for `### 7.6 …`. */
function headings(markdown: string): string[] {
  const found: string[] = [];
  for (const line of markdown.split('\n')) {
    const section = /^## (\d+)\.\s/.exec(line);
    if (section) found.push(section[1]!);
    const subsection = /^### (\d+\.\d+)\s/.exec(line);
    if (subsection) found.push(subsection[1]!);
  }
  return found;
}

interface Citation {
  readonly where: string;
  readonly section: string;
}

function citations(files: readonly string[]): Citation[] {
  const found: Citation[] = [];
  for (const rel of files) {
    readFileSync(path.join(REPO_ROOT, rel), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        for (const m of line.matchAll(CITATION)) found.push({ where: `${rel}:${index + 1}`, section: m[1]! });
      });
  }
  return found;
}

const tracked = trackedFiles();
const docSections = headings(readFileSync(path.join(REPO_ROOT, REFERENCE_DOC), 'utf8'));
const citingFiles = tracked.filter((rel) => CITING_FILE.test(rel) && rel !== REFERENCE_DOC && !rel.startsWith('test/vectors/'));

describe('docs/zatca-reference.md', () => {
  it('has the numbered sections the code cites, each once', () => {
    for (let n = 1; n <= 13; n++) expect(docSections, `## ${n}. heading`).toContain(String(n));
    expect(
      docSections.filter((s, i) => docSections.indexOf(s) !== i),
      'duplicate section numbers',
    ).toEqual([]);
  });

  it('resolves every citation in the tracked sources', () => {
    const all = citations(citingFiles);
    expect(all.length, 'the scan finds the citations at all').toBeGreaterThan(100);
    const known = new Set(docSections);
    const unresolved = all.filter((c) => !known.has(c.section)).map((c) => `${c.where}: reference §${c.section}`);
    expect(unresolved, `citations with no heading in ${REFERENCE_DOC}:\n${unresolved.join('\n')}`).toEqual([]);
  });

  it('is what the repository points to: no tracked file outside test/ refers to documents outside it', () => {
    const offenders: string[] = [];
    for (const rel of tracked.filter((r) => !r.startsWith('test/'))) {
      const text = readFileSync(path.join(REPO_ROOT, rel));
      if (!OUTSIDE_POINTERS.some((p) => text.includes(p))) continue;
      text
        .toString('utf8')
        .split('\n')
        .forEach((line, index) => {
          for (const p of OUTSIDE_POINTERS) if (line.includes(p)) offenders.push(`${rel}:${index + 1}: ${p}`);
        });
    }
    expect(offenders, `files pointing outside the repository:\n${offenders.join('\n')}`).toEqual([]);
  });

  it('is not a tracker: no source file names an issue number', () => {
    const offenders: string[] = [];
    for (const rel of tracked.filter((r) => SOURCE_FILE.test(r) && r !== 'test/docs/referenceCitations.test.ts')) {
      readFileSync(path.join(REPO_ROOT, rel), 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (TRACKER_ITEM.test(line)) offenders.push(`${rel}:${index + 1}: ${line.trim()}`);
        });
    }
    expect(offenders, `source lines naming tracker items:\n${offenders.join('\n')}`).toEqual([]);
  });
});
