// The renderer's guard against HTML strings (eslint.config.js): the CSP's Trusted Types refuse them at run time,
// lint refuses them before they are committed. Runs the repository's own ESLint configuration on planted code.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('no HTML sinks in renderer/', { timeout: 60_000 }, () => {
  it.each([
    ['innerHTML', 'renderer/app/x.ts', "document.body.innerHTML = '<b>x</b>';"],
    ['innerHTML by name', 'renderer/app/x.ts', "document.body['innerHTML'] = '<b>x</b>';"],
    ['outerHTML', 'renderer/app/x.ts', "document.body.outerHTML = '<b>x</b>';"],
    ['insertAdjacentHTML', 'renderer/app/x.ts', "document.body.insertAdjacentHTML('beforeend', '<b>x</b>');"],
    ['dangerouslySetInnerHTML in JSX', 'renderer/app/x.tsx', "export const X = () => <div dangerouslySetInnerHTML={{ __html: '<b>x</b>' }} />;"],
    [
      'dangerouslySetInnerHTML as a prop object',
      'renderer/app/x.ts',
      "import { h } from 'preact';\nexport const x = h('div', { dangerouslySetInnerHTML: { __html: '<b>x</b>' } });",
    ],
  ])('refuses %s', async (_, file, code) => {
    expect(await problems(file, code)).toEqual(expect.arrayContaining([expect.stringMatching(/^no-restricted-(properties|syntax)$/)]));
  });

  it('lets elements and text through', async () => {
    expect(await problems('renderer/app/x.tsx', 'export const X = ({ name }: { name: string }) => <p class="x">{name}</p>;\ndocument.title = \'x\';')).toEqual(
      [],
    );
  });

  it('leaves the rest of the repository alone', async () => {
    expect(await problems('test/x.ts', "document.body.innerHTML = '<b>x</b>';")).toEqual([]);
  });
});
