// SPDX-License-Identifier: UNLICENSED
// The training ↔ live state machine on its own: the transition table cell by cell (refusals included), the rules
// the table must keep, and the controller over fake folders — what it opens, closes, enters and announces, in
// which order, that transitions never overlap, and a first start's training folder prepared in the background.
import { describe, expect, it } from 'vitest';
import type { AppMode } from '../../app/contract/types';
import { createLogger, memoryLogSink } from '../log/logger';
import {
  asksLiveFolder,
  MODE_TRANSITIONS,
  ModeController,
  ModeTransitionRefused,
  transitionFor,
  type ModeEventType,
  type ModeState,
  type ModeTrigger,
  type TrainingFolder,
} from './modeController';

const STATES: readonly ModeState[] = ['new', 'preparing', 'training', 'live', 'closed'];
const TRIGGERS: readonly ModeTrigger[] = ['open', 'training-ready', 'go-live', 'close'];
const REFUSED = { yes: 'refused', no: 'refused' } as const;

/** Each cell: where the trigger leads with the live folder able to sign / unable to, or 'refused'. */
const EXPECTED: Record<ModeState, Record<ModeTrigger, { yes: ModeState | 'refused'; no: ModeState | 'refused' }>> = {
  new: { open: { yes: 'live', no: 'preparing' }, 'training-ready': REFUSED, 'go-live': REFUSED, close: { yes: 'closed', no: 'closed' } },
  preparing: {
    open: REFUSED,
    'training-ready': { yes: 'training', no: 'training' },
    'go-live': { yes: 'live', no: 'preparing' },
    close: { yes: 'closed', no: 'closed' },
  },
  training: { open: REFUSED, 'training-ready': REFUSED, 'go-live': { yes: 'live', no: 'training' }, close: { yes: 'closed', no: 'closed' } },
  live: { open: REFUSED, 'training-ready': REFUSED, 'go-live': { yes: 'live', no: 'live' }, close: { yes: 'closed', no: 'closed' } },
  closed: { open: REFUSED, 'training-ready': REFUSED, 'go-live': REFUSED, close: { yes: 'closed', no: 'closed' } },
};

function outcome(state: ModeState, trigger: ModeTrigger, liveCanSign: boolean): ModeState | 'refused' {
  try {
    return transitionFor(state, trigger, asksLiveFolder(state, trigger) ? liveCanSign : undefined).to;
  } catch (e) {
    if (e instanceof ModeTransitionRefused) return 'refused';
    throw e;
  }
}

describe('the mode transition table', () => {
  it.each(STATES.flatMap((s) => TRIGGERS.map((t) => [s, t] as const)))('%s + %s', (state, trigger) => {
    expect({ yes: outcome(state, trigger, true), no: outcome(state, trigger, false) }).toEqual(EXPECTED[state][trigger]);
  });

  it('says what each change of mode opens, closes and announces', () => {
    expect(transitionFor('new', 'open', true)).toEqual({ to: 'live', ifLiveCanSign: 'yes', opens: ['live-ledger'], closes: [], emits: [] });
    expect(transitionFor('new', 'open', false)).toEqual({ to: 'preparing', ifLiveCanSign: 'no', opens: ['training'], closes: [], emits: [] });
    expect(transitionFor('preparing', 'training-ready')).toEqual({ to: 'training', opens: [], closes: [], emits: ['status'] });
    expect(transitionFor('preparing', 'go-live', true)).toEqual({
      to: 'live',
      ifLiveCanSign: 'yes',
      opens: ['live-ledger'],
      closes: ['training'],
      emits: ['mode-changed', 'status'],
    });
    expect(transitionFor('preparing', 'close')).toEqual({ to: 'closed', opens: [], closes: ['training', 'live-folder'], emits: [] });
    expect(transitionFor('training', 'go-live', true)).toEqual({
      to: 'live',
      ifLiveCanSign: 'yes',
      opens: ['live-ledger'],
      closes: ['training'],
      emits: ['mode-changed', 'status'],
    });
    expect(transitionFor('training', 'close')).toEqual({ to: 'closed', opens: [], closes: ['training', 'live-folder'], emits: [] });
    expect(transitionFor('live', 'close')).toEqual({ to: 'closed', opens: [], closes: ['live-folder'], emits: [] });
  });

  it('names the refused transition', () => {
    expect(() => transitionFor('live', 'open')).toThrow(ModeTransitionRefused);
    expect(() => transitionFor('closed', 'go-live')).toThrow(
      expect.objectContaining({ code: 'mode.transition-refused', params: { state: 'closed', trigger: 'go-live' } }),
    );
  });

  it('asks whether the live folder can sign only where the answer decides (so a live terminal is never re-activated)', () => {
    const asking = STATES.flatMap((s) => TRIGGERS.filter((t) => asksLiveFolder(s, t)).map((t) => `${s} + ${t}`));
    expect(asking).toEqual(['new + open', 'preparing + go-live', 'training + go-live']);
  });

  it('keeps its rules: nothing leads from live to training, every way out of an open state closes the live folder, only a change of mode is announced', () => {
    for (const s of STATES)
      for (const t of TRIGGERS)
        for (const candidate of MODE_TRANSITIONS[s][t] ?? []) {
          if (s === 'live' || s === 'closed') expect(candidate.to, `${s} + ${t}`).not.toMatch(/training|preparing/);
          // only a training folder that can sign is 'training': the way there is its own onboarding, never an open
          if (candidate.to === 'training' && s !== 'training') expect(s).toBe('preparing');
          if (candidate.to === 'closed' && s !== 'closed') expect(candidate.closes, `${s} + ${t}`).toContain('live-folder');
          if (candidate.emits.includes('mode-changed')) expect(candidate.to, `${s} + ${t}`).not.toBe(s);
          if (candidate.to === s) expect(candidate, `${s} + ${t}`).toMatchObject({ opens: [], closes: [], emits: [] });
          if (candidate.opens.includes('training')) expect(s).toBe('new');
        }
  });
});

// ---------------------------------------------------------------------------------------------------------------

interface Folder {
  readonly name: string;
}

interface HarnessOptions {
  canSign?: boolean;
  /** Whether the training folder can sign when opened (onboarded at an earlier start); default yes. */
  trainingCanSign?: boolean;
  openTraining?: () => Promise<void>;
  /** One background onboarding attempt of the training folder (default: succeeds at once). */
  prepare?: (attempt: number) => Promise<void>;
  closeTraining?: () => Promise<void>;
  retryDelaysMs?: readonly number[];
  stopWaitMs?: number;
  holdPreparation?: boolean;
}

function harness(options: HarnessOptions = {}) {
  const calls: string[] = [];
  const memory = memoryLogSink();
  let canSign = options.canSign ?? false;
  let attempts = 0;
  const live = {
    name: 'live',
    environment: 'simulation',
    activate: () => {
      calls.push(`live.activate → ${canSign}`);
      return canSign;
    },
    close: async () => void calls.push('live.close'),
  };
  const trainingCanSign = options.trainingCanSign ?? true;
  const training: TrainingFolder<Folder> = {
    services: { name: 'training' },
    activate: () => {
      calls.push(`training.activate → ${trainingCanSign}`);
      return trainingCanSign;
    },
    onboard: async () => {
      attempts++;
      calls.push(`training.prepare #${attempts}`);
      await options.prepare?.(attempts);
    },
    close: async () => {
      calls.push('training.close');
      await options.closeTraining?.();
    },
  };
  const controller = new ModeController<Folder>({
    live,
    openTraining: async () => {
      calls.push('training.open');
      await options.openTraining?.();
      return training;
    },
    entered: (folder: Folder, mode: AppMode) => calls.push(`entered ${folder.name} as ${mode}`),
    emit: (type: ModeEventType) => calls.push(`emit ${type}`),
    log: createLogger({ sink: memory.sink, minLevel: 'debug' }),
    ...(options.retryDelaysMs ? { retryDelaysMs: options.retryDelaysMs } : {}),
    ...(options.stopWaitMs !== undefined ? { stopWaitMs: options.stopWaitMs } : {}),
    ...(options.holdPreparation ? { holdPreparation: true } : {}),
  });
  return { controller, calls, log: memory.records, canSign: (v: boolean) => (canSign = v) };
}

describe('the mode controller', () => {
  it('opens live when the live folder can sign, and starts no simulator', async () => {
    const { controller, calls } = harness({ canSign: true });
    expect(controller.state()).toBe('new');
    expect(() => controller.current()).toThrow(/not open/);
    expect(await controller.open()).toBe('live');
    expect(calls).toEqual(['live.activate → true', 'entered live as live']);
    expect(controller.mode()).toBe('live');
    expect(controller.current()).toMatchObject({ name: 'live' });
  });

  it('opens training otherwise, stays there while the live folder cannot sign, then goes live once', async () => {
    const { controller, calls, canSign, log } = harness();
    expect(await controller.open()).toBe('training');
    expect(controller.mode()).toBe('training');
    expect(controller.current()).toMatchObject({ name: 'training' });
    expect(await controller.goLive()).toBe('training');
    canSign(true);
    expect(await controller.goLive()).toBe('live');
    expect(await controller.goLive()).toBe('live'); // onboarding again while live: the live folder is not asked
    expect(calls).toEqual([
      'live.activate → false',
      'training.open',
      'training.activate → true',
      'entered training as training',
      'emit status',
      'live.activate → false',
      'live.activate → true',
      'training.close',
      'entered live as live',
      'emit mode-changed',
      'emit status',
    ]);
    expect(controller.current()).toMatchObject({ name: 'live' });
    expect(log.map((r) => r.event)).toEqual(['app.training-ended']);
  });

  it('refuses what the table refuses, and stays where it was', async () => {
    const { controller, calls } = harness({ canSign: true });
    await expect(controller.goLive()).rejects.toThrow(ModeTransitionRefused);
    expect(controller.state()).toBe('new');
    await controller.open();
    await expect(controller.open()).rejects.toMatchObject({ code: 'mode.transition-refused', params: { state: 'live', trigger: 'open' } });
    expect(controller.state()).toBe('live');
    await controller.close();
    await expect(controller.open()).rejects.toThrow(ModeTransitionRefused);
    expect(calls).toEqual(['live.activate → true', 'entered live as live', 'live.close']);
  });

  it('closes training before the live folder, and a second close does nothing', async () => {
    const { controller, calls } = harness();
    await controller.open();
    expect(await controller.close()).toBe('closed');
    expect(await controller.close()).toBe('closed');
    expect(calls.slice(-2)).toEqual(['training.close', 'live.close']);
    expect(calls.filter((c) => c === 'live.close')).toHaveLength(1);
  });

  it('after a failed open, closes only the live folder it was given', async () => {
    const { controller, calls } = harness({
      openTraining: () => Promise.reject(new Error('the simulator did not start')),
    });
    await expect(controller.open()).rejects.toThrow('the simulator did not start');
    expect(controller.state()).toBe('new');
    await controller.close();
    expect(calls).toEqual(['live.activate → false', 'training.open', 'live.close']);
  });

  it('runs one transition at a time: a close during the switch to live waits for it', async () => {
    let release!: () => void;
    const { controller, calls, canSign } = harness({ closeTraining: () => new Promise<void>((r) => (release = r)) });
    await controller.open();
    canSign(true);
    const switching = controller.goLive();
    const closing = controller.close();
    await new Promise((r) => setTimeout(r, 10));
    expect(calls.at(-1)).toBe('training.close');
    release();
    expect(await switching).toBe('live');
    expect(await closing).toBe('closed');
    expect(calls.slice(-5)).toEqual(['training.close', 'entered live as live', 'emit mode-changed', 'emit status', 'live.close']);
  });

  it('goes live even when the training folder does not close cleanly, and logs it', async () => {
    const { controller, canSign, log } = harness({ closeTraining: () => Promise.reject(new Error('simulator stuck')) });
    await controller.open();
    canSign(true);
    expect(await controller.goLive()).toBe('live');
    expect(log.map((r) => [r.level, r.event])).toEqual([
      ['warn', 'mode.training-close-failed'],
      ['info', 'app.training-ended'],
    ]);
  });
});

describe('a first start: the training folder prepared in the background', () => {
  it('opens at once as preparing (training on screen, no sale desk), then enters training when the onboarding succeeds', async () => {
    let finish!: () => void;
    const { controller, calls, log } = harness({ trainingCanSign: false, prepare: () => new Promise<void>((r) => (finish = r)) });
    expect(await controller.open()).toBe('preparing');
    expect(controller.mode()).toBe('training');
    expect(controller.current()).toMatchObject({ name: 'training' });
    expect(controller.preparation()).toEqual({ attempts: 1, lastError: null, retryAt: null });
    const ready = controller.whenReady(5_000);
    expect(calls).toEqual(['live.activate → false', 'training.open', 'training.activate → false', 'training.prepare #1']);
    finish();
    expect(await ready).toBe(true);
    expect(controller.state()).toBe('training');
    expect(controller.preparation()).toBeNull();
    expect(calls.slice(-2)).toEqual(['entered training as training', 'emit status']);
    expect(log.map((r) => r.event)).toEqual(['mode.training-preparing', 'mode.training-ready']);
  });

  it('shows a failed attempt, tries again after the delay, and enters training when an attempt succeeds', async () => {
    const { controller, calls, log } = harness({
      trainingCanSign: false,
      retryDelaysMs: [30, 60],
      prepare: async (n) => {
        if (n < 3) throw new Error(`simulator refused (${n})`);
      },
    });
    await controller.open();
    await new Promise((r) => setTimeout(r, 5));
    const failed = controller.preparation()!;
    expect(failed).toMatchObject({ attempts: 1, lastError: 'simulator refused (1)' });
    expect(failed.retryAt!.getTime()).toBeGreaterThan(Date.now());
    expect(calls.at(-1)).toBe('emit status'); // the strip shows the failure
    expect(await controller.whenReady(5_000)).toBe(true);
    expect(controller.state()).toBe('training');
    expect(calls.filter((c) => c.startsWith('training.prepare'))).toEqual(['training.prepare #1', 'training.prepare #2', 'training.prepare #3']);
    const failures = log.filter((r) => r.event === 'mode.training-prepare-failed');
    expect(failures.map((r) => [r.level, r.fields.attempt, r.fields.retryInMs])).toEqual([
      ['warn', 1, 30],
      ['warn', 2, 60],
    ]);
  });

  it('goes live during the onboarding: waits for the attempt under way, closes the training folder, never enters training', async () => {
    let finish!: () => void;
    const { controller, calls, canSign } = harness({ trainingCanSign: false, prepare: () => new Promise<void>((r) => (finish = r)) });
    await controller.open();
    expect(await controller.goLive()).toBe('preparing'); // the live folder cannot sign yet: nothing changes
    canSign(true);
    const switching = controller.goLive();
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).not.toContain('training.close'); // not under the onboarding's feet
    finish();
    expect(await switching).toBe('live');
    expect(await controller.whenReady(10)).toBe(true);
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).not.toContain('entered training as training');
    expect(calls.slice(-4)).toEqual(['training.close', 'entered live as live', 'emit mode-changed', 'emit status']);
  });

  it('closes while a retry is pending: no further attempt, and a waiting sale is told it will not be ready', async () => {
    const { controller, calls } = harness({ trainingCanSign: false, retryDelaysMs: [50], prepare: () => Promise.reject(new Error('no')) });
    await controller.open();
    const waiting = controller.whenReady(5_000);
    await new Promise((r) => setTimeout(r, 5));
    expect(await controller.close()).toBe('closed');
    expect(await waiting).toBe(false);
    await new Promise((r) => setTimeout(r, 100));
    expect(calls.filter((c) => c.startsWith('training.prepare'))).toEqual(['training.prepare #1']);
    expect(calls.slice(-2)).toEqual(['training.close', 'live.close']);
  });

  it('gives up waiting after the time it was given, while preparing goes on', async () => {
    const { controller } = harness({ trainingCanSign: false, prepare: () => new Promise<void>(() => undefined) });
    await controller.open();
    expect(await controller.whenReady(20)).toBe(false);
    expect(controller.state()).toBe('preparing');
  });

  it('abandons an onboarding that hangs when the app closes, so a quit is not held up by it', async () => {
    const { controller, calls, log } = harness({ trainingCanSign: false, stopWaitMs: 30, prepare: () => new Promise<void>(() => undefined) });
    await controller.open();
    const started = Date.now();
    expect(await controller.close()).toBe('closed');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(calls.slice(-2)).toEqual(['training.close', 'live.close']);
    expect(log.filter((r) => r.event === 'mode.training-onboarding-abandoned').map((r) => r.fields.attempt)).toEqual([1]);
  });

  it('holds the onboarding until released when asked to (the app opens first), and a close before that starts none', async () => {
    const held = harness({ trainingCanSign: false, holdPreparation: true });
    expect(await held.controller.open()).toBe('preparing');
    await new Promise((r) => setTimeout(r, 10));
    expect(held.calls.filter((c) => c.startsWith('training.prepare'))).toEqual([]);
    held.controller.releasePreparation();
    expect(await held.controller.whenReady(5_000)).toBe(true);
    expect(held.calls.filter((c) => c.startsWith('training.prepare'))).toEqual(['training.prepare #1']);

    const closed = harness({ trainingCanSign: false, holdPreparation: true });
    await closed.controller.open();
    await closed.controller.close();
    closed.controller.releasePreparation();
    await new Promise((r) => setTimeout(r, 10));
    expect(closed.calls.filter((c) => c.startsWith('training.prepare'))).toEqual([]);
  });
});
