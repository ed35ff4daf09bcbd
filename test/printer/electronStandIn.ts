// SPDX-License-Identifier: UNLICENSED
// A stand-in for the parts of Electron the receipt rasterizer uses (main/printing/electronRasterizer.ts), backed by
// real headless Chromium through playwright-core, because Electron's binary cannot run on this machine:
//   BrowserWindow (constructor options recorded, destroy, isDestroyed)
//   webContents.loadURL / setWindowOpenHandler / on('render-process-gone' | 'destroyed') / session
//   webContents.debugger.attach / sendCommand / on('detach') — a real CDPSession to the window's page
//   webContents.capturePage — only as a control: it scales by the display like Electron's does on a HiDPI screen
//   session per partition: permission handlers and webRequest recorded, network emulation applied to the pages
// Each window is a page in its own browser context (its own renderer process, as an Electron window has), at the
// display scale factor given (default 2: a 200 % display). Faults are real: crash() crashes the renderer with
// Page.crash, hang() puts its main thread in an endless loop — and a test can fire either just before a given
// protocol command reaches the page, so a failure lands in the middle of a job.
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import type { ElectronWindowFactory, ReceiptSession, ReceiptWebContents, ReceiptWindow } from '../../main/printing/electronRasterizer';

export type RendererFault = 'crash' | 'hang';

type Send = (method: string, params?: Record<string, unknown>) => Promise<unknown>;

/** Cause `fault` in the renderer behind `send` for real; resolves once a crash has happened (a hang never ends). */
export async function injectRendererFault(send: Send, fault: RendererFault, crashed: Promise<unknown>): Promise<void> {
  if (fault === 'crash') {
    void send('Page.crash').catch(() => undefined);
    await crashed;
  } else {
    // the page's main thread never returns: every later command on this session waits behind it
    void send('Runtime.evaluate', { expression: 'for (;;) {}' }).catch(() => undefined);
  }
}

export class StandInSession implements ReceiptSession {
  permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheck: ((contents: unknown, permission: string) => boolean) | null = null;
  offline = false;
  beforeRequest: { filter: { urls: string[] }; listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void } | null = null;
  readonly contexts = new Set<BrowserContext>();
  readonly webRequest = {
    onBeforeRequest: (filter: { urls: string[] }, listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void => {
      this.beforeRequest = { filter, listener };
    },
  };

  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void {
    this.permissionRequest = handler;
  }

  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void {
    this.permissionCheck = handler;
  }

  enableNetworkEmulation(options: { offline: boolean }): void {
    this.offline = options.offline;
    for (const context of this.contexts) void context.setOffline(options.offline).catch(() => undefined);
  }
}

export class ElectronStandIn implements ElectronWindowFactory {
  readonly windows: StandInWindow[] = [];
  private readonly sessions = new Map<string, StandInSession>();
  private pendingFault: { method: string; fault: RendererFault } | null = null;
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => StandInWindow;

  constructor(
    readonly browser: Browser,
    readonly displayScaleFactor = 2,
  ) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the class below is Electron's constructor shape
    const standIn = this;
    this.BrowserWindow = class extends StandInWindow {
      constructor(options: BrowserWindowConstructorOptions) {
        super(standIn, options);
      }
    };
  }

  session(partition: string): StandInSession {
    let session = this.sessions.get(partition);
    if (!session) this.sessions.set(partition, (session = new StandInSession()));
    return session;
  }

  /** The next time `method` is sent through any window's debugger, cause `fault` in that window's renderer first. */
  failNext(method: string, fault: RendererFault): void {
    this.pendingFault = { method, fault };
  }

  /** @internal the fault to fire before `method`, if one is armed for it (it fires once). */
  takeFault(method: string): RendererFault | null {
    if (this.pendingFault?.method !== method) return null;
    const { fault } = this.pendingFault;
    this.pendingFault = null;
    return fault;
  }
}

export class StandInWindow implements ReceiptWindow {
  readonly webContents: StandInWebContents;
  private destroyed = false;

  constructor(
    standIn: ElectronStandIn,
    readonly options: BrowserWindowConstructorOptions,
  ) {
    standIn.windows.push(this);
    this.webContents = new StandInWebContents(standIn, options);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroy();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

interface Renderer {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly crashed: Promise<unknown>;
}

class StandInWebContents extends EventEmitter implements ReceiptWebContents {
  readonly session: StandInSession;
  readonly debugger: StandInDebugger;
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  private readonly renderer: Promise<Renderer>;

  constructor(standIn: ElectronStandIn, options: BrowserWindowConstructorOptions) {
    super();
    this.session = standIn.session(options.webPreferences?.partition ?? '');
    this.renderer = this.start(standIn, options);
    this.renderer.catch(() => undefined); // reported by the first call that needs the page
    this.debugger = new StandInDebugger(standIn, this.renderer);
  }

  override on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): this;
  override on(event: 'destroyed', listener: () => void): this;
  override on(event: string, listener: Parameters<EventEmitter['on']>[1]): this {
    return super.on(event, listener);
  }

  async loadURL(url: string): Promise<void> {
    await (await this.renderer).page.goto(url);
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }

  /** Electron's capturePage on an offscreen window at this display scale (the bitmap is scale × the rect). */
  async capturePage(rect: { x: number; y: number; width: number; height: number }): Promise<{ toPNG(): Buffer }> {
    const png = await (await this.renderer).page.screenshot({ clip: rect, scale: 'device' });
    return { toPNG: () => png };
  }

  /** Run `expression` in the page through a session of its own (what the rasterizer does not see). */
  async evaluate(expression: string): Promise<unknown> {
    const { context, page } = await this.renderer;
    const cdp = await context.newCDPSession(page);
    const reply = (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })) as { result: { value?: unknown } };
    await cdp.detach().catch(() => undefined);
    return reply.result.value;
  }

  destroy(): void {
    this.debugger.emit('detach', {}, 'target closed');
    this.emit('destroyed');
    void this.renderer.then(({ context }) => context.close()).catch(() => undefined);
  }

  private async start(standIn: ElectronStandIn, options: BrowserWindowConstructorOptions): Promise<Renderer> {
    const context = await standIn.browser.newContext({
      deviceScaleFactor: standIn.displayScaleFactor,
      viewport: { width: options.width ?? 800, height: options.height ?? 600 },
    });
    this.session.contexts.add(context);
    context.on('close', () => this.session.contexts.delete(context));
    if (this.session.offline) await context.setOffline(true);
    await context.route('**/*', async (route) => {
      // webRequest.onBeforeRequest sees the requests its filter matches (by scheme: the part before the first '*')
      const rule = this.session.beforeRequest;
      const url = route.request().url();
      const cancel = rule?.filter.urls.some((pattern) => url.startsWith(pattern.slice(0, pattern.indexOf('*'))))
        ? await new Promise<boolean>((resolve) => rule.listener({ url }, (r) => resolve(r.cancel)))
        : false;
      await (cancel ? route.abort('blockedbyclient') : route.continue());
    });
    const page = await context.newPage();
    page.on('crash', () => this.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 0 }));
    return { context, page, crashed: new Promise((resolve) => page.once('crash', resolve)) };
  }
}

class StandInDebugger extends EventEmitter {
  private session: Promise<CDPSession> | null = null;

  constructor(
    private readonly standIn: ElectronStandIn,
    private readonly renderer: Promise<Renderer>,
  ) {
    super();
  }

  override on(event: 'detach', listener: (event: unknown, reason: string) => void): this;
  override on(event: string, listener: Parameters<EventEmitter['on']>[1]): this {
    return super.on(event, listener);
  }

  attach(protocolVersion?: string): void {
    if (this.session) throw new Error('Debugger is already attached to the target');
    if (protocolVersion !== undefined && protocolVersion !== '1.3') throw new Error(`Requested protocol version is not supported: ${protocolVersion}`);
    this.session = this.renderer.then(({ context, page }) => context.newCDPSession(page));
    this.session.catch(() => undefined);
  }

  async sendCommand(method: string, commandParams?: Record<string, unknown>): Promise<unknown> {
    if (!this.session) throw new Error('No target available');
    const session = await this.session;
    const send = session.send.bind(session) as Send;
    const fault = this.standIn.takeFault(method);
    if (fault) await injectRendererFault(send, fault, (await this.renderer).crashed);
    return send(method, commandParams);
  }
}
