// SPDX-License-Identifier: UNLICENSED
// Browser mode's own DevTools client (main/printing/chromiumPipe.ts) against Debian's Chromium: pages answer, are
// offline, and say when they die; the browser and its profile folder go away with the rasterizer and with the
// process, even one killed outright. The rasterizer's contract over it is in rasterizerContract.test.ts.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumPipe } from '../../main/printing/chromiumPipe';

const ROOT = path.resolve(__dirname, '../..');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Processes whose command line names `profileDir` (the browser and every child it started). */
function processesUsing(profileDir: string): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.includes(profileDir))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

function profileOf(pid: number): string {
  const args = execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
  const dir = /--user-data-dir=(\S+)/.exec(args)?.[1];
  if (!dir) throw new Error(`no profile in: ${args}`);
  return dir;
}

/** What `work` came to: its error, or a function that throws nothing when it answered (so toThrow fails). */
function settled(work: Promise<unknown>): Promise<() => void> {
  return work.then(
    () => () => undefined,
    (e: unknown) => () => {
      throw e;
    },
  );
}

async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function evaluate(page: { send(method: string, params?: Record<string, unknown>): Promise<unknown> }, expression: string): Promise<unknown> {
  const reply = (await page.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as {
    result: { value: unknown };
    exceptionDetails?: { text: string };
  };
  if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.text);
  return reply.result.value;
}

describe('Chromium over its DevTools pipe', () => {
  let browser: ChromiumPipe;
  let server: Server;
  let requests = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests++;
      res.setHeader('access-control-allow-origin', '*');
      res.end('reached');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    browser = await ChromiumPipe.launch();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('opens pages in contexts of their own that answer commands; a wrong command fails with the browser’s message', async () => {
    const a = await browser.newPage();
    const b = await browser.newPage();
    await evaluate(a, 'window.mark = 1');
    expect(await evaluate(a, '[window.mark, 6 * 7]')).toEqual([1, 42]);
    expect(await evaluate(b, 'typeof window.mark')).toBe('undefined');
    await expect(a.send('No.suchMethod')).rejects.toThrow(/No\.suchMethod: .*wasn't found/);
    await a.close();
    await b.close();
  });

  it('a page reaches no address, not even this machine', async () => {
    // the same request reaches the server from Node, so a refusal below is the page's being offline
    expect(await (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)).text()).toBe('reached');
    const before = requests;
    const page = await browser.newPage();
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/from-the-page`;
    expect(await evaluate(page, `fetch(${JSON.stringify(url)}).then(r => r.text(), e => 'refused: ' + e.message)`)).toMatch(/^refused/);
    expect(requests).toBe(before);
    await page.close();
  });

  it('starts pages at the scale asked for', async () => {
    const page = await browser.newPage({ deviceScaleFactor: 2 });
    expect(await evaluate(page, 'window.devicePixelRatio')).toBe(2);
    await page.close();
  });

  it('a page whose renderer crashes is gone at once, and a command waiting on it fails', async () => {
    const page = await browser.newPage();
    const gone = new Promise<string>((resolve) => page.onGone(resolve));
    const waiting = settled(page.send('Runtime.evaluate', { expression: 'new Promise(() => {})', awaitPromise: true }));
    void page.send('Page.crash').catch(() => undefined);
    expect(await gone).toBe('renderer crashed');
    await page.close();
    expect(await waiting).toThrow(/Runtime\.evaluate/);
    // the browser itself is fine
    const next = await browser.newPage();
    expect(await evaluate(next, '1 + 1')).toBe(2);
    await next.close();
  });

  it('a page closed from outside is gone; its pending command fails instead of waiting for ever', async () => {
    const page = await browser.newPage();
    const { targetInfo } = (await page.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } };
    const waiting = settled(page.send('Runtime.evaluate', { expression: 'new Promise(() => {})', awaitPromise: true }));
    const gone = new Promise<string>((resolve) => page.onGone(resolve));
    const { targetId } = targetInfo;
    await browser.send('Target.closeTarget', { targetId });
    expect(await gone).toBe('page closed');
    expect(await waiting).toThrow(/page closed/);
    await page.close();
  });
});

describe('the browser process', () => {
  it('closing kills the browser and every process it started, and removes its profile folder', async () => {
    const browser = await ChromiumPipe.launch();
    const page = await browser.newPage();
    expect(await evaluate(page, '1')).toBe(1);
    const profile = profileOf(browser.pid!);
    expect(processesUsing(profile).length).toBeGreaterThan(1); // the browser, its zygote, the page's renderer…
    await browser.close();
    expect(alive(browser.pid!)).toBe(false);
    await until(() => processesUsing(profile).length === 0, 'the browser’s processes to end');
    expect(existsSync(profile)).toBe(false);
  });

  it('a browser killed outright: the pages and the browser are gone, waiting commands fail, new ones too', async () => {
    const browser = await ChromiumPipe.launch();
    const page = await browser.newPage();
    const pageGone = new Promise<string>((resolve) => page.onGone(resolve));
    const waiting = settled(page.send('Runtime.evaluate', { expression: 'new Promise(() => {})', awaitPromise: true }));
    process.kill(browser.pid!, 'SIGKILL');
    expect(await pageGone).toMatch(/browser exited|pipe closed/);
    expect(await waiting).toThrow(/Runtime\.evaluate/);
    await expect(browser.send('Browser.getVersion')).rejects.toThrow(/browser gone/);
    await browser.close();
  });

  it('a till that exits leaves no browser and no folder; one killed outright leaves a folder the next launch removes', async () => {
    const tmp = path.join(os.tmpdir(), `dukkan-pipe-test-${process.pid}`);
    mkdirSync(tmp, { recursive: true });
    const script = `import { ChromiumPipe } from ${JSON.stringify(path.join(ROOT, 'main/printing/chromiumPipe.ts'))};
      const browser = await ChromiumPipe.launch();
      await browser.newPage();
      console.log(browser.pid);
      if (process.argv.at(-1) === 'exit') process.exit(0);
      setInterval(() => {}, 1000);`;
    const run = (how: 'exit' | 'hold') => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, how], {
        cwd: ROOT,
        env: { ...process.env, TMPDIR: tmp },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const pid = new Promise<number>((resolve, reject) => {
        child.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim())));
        child.once('exit', (code) => reject(new Error(`exited ${code} before launching`)));
      });
      return { child, pid, exited: new Promise((resolve) => child.once('exit', resolve)) };
    };
    const profiles = () => readdirSync(tmp).filter((n) => n.startsWith('dukkan-chromium-'));

    const exiting = run('exit');
    const exitedBrowser = await exiting.pid;
    await exiting.exited;
    await until(() => !alive(exitedBrowser), 'the browser of a till that exited to end');
    expect(profiles()).toEqual([]);

    const killed = run('hold');
    const killedBrowser = await killed.pid;
    expect(profiles()).toHaveLength(1);
    killed.child.kill('SIGKILL');
    await killed.exited;
    // the browser notices its pipe closing and exits by itself; its folder stays behind
    await until(() => !alive(killedBrowser), 'the browser of a killed till to exit');
    expect(profiles()).toHaveLength(1);

    const next = run('exit');
    await next.pid;
    await next.exited;
    expect(profiles()).toEqual([]);
  });
});
