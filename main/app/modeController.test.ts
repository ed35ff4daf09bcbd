// SPDX-License-Identifier: UNLICENSED
// The training ↔ live state machine on its own: the transition table cell by cell (refusals included), the rules
// the table must keep, and the controller over fake folders — what it opens, closes, enters and announces, in
// which order, and that transitions never overlap.
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

const STATES: readonly ModeState[] = ['new', 'training', 'live', 'closed'];
const TRIGGERS: readonly ModeTrigger[] = ['open', 'go-live', 'close'];

/** Each cell: where the trigger leads with the live folder able to sign / unable to, or 'refused'. */
const EXPECTED: Record<ModeState, Record<ModeTrigger, { yes: ModeState | 'refused'; no: ModeState | 'refused' }>> = {
  new: { open: { yes: 'live', no: 'training' }, 'go-live': { yes: 'refused', no: 'refused' }, close: { yes: 'closed', no: 'closed' } },
  training: { open: { yes: 'refused', no: 'refused' }, 'go-live': { yes: 'live', no: 'training' }, close: { yes: 'closed', no: 'closed' } },
  live: { open: { yes: 'refused', no: 'refused' }, 'go-live': { yes: 'live', no: 'live' }, close: { yes: 'closed', no: 'closed' } },
  closed: { open: { yes: 'refused', no: 'refused' }, 'go-live': { yes: 'refused', no: 'refused' }, close: { yes: 'closed', no: 'closed' } },
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
    expect(transitionFor('new', 'open', false)).toEqual({ to: 'training', ifLiveCanSign: 'no', opens: ['training'], closes: [], emits: [] });
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
    expect(asking).toEqual(['new + open', 'training + go-live']);
  });

  it('keeps its rules: nothing leads from live to training, every way out of an open state closes the live folder, only a change of mode is announced', () => {
    for (const s of STATES)
      for (const t of TRIGGERS)
        for (const candidate of MODE_TRANSITIONS[s][t] ?? []) {
          if (s === 'live' || s === 'closed') expect(candidate.to, `${s} + ${t}`).not.toBe('training');
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

function harness(options: { canSign?: boolean; openTraining?: () => Promise<void>; closeTraining?: () => Promise<void> } = {}) {
  const calls: string[] = [];
  const memory = memoryLogSink();
  let canSign = options.canSign ?? false;
  const live = {
    name: 'live',
    environment: 'simulation',
    activate: () => {
      calls.push(`live.activate → ${canSign}`);
      return canSign;
    },
    close: async () => void calls.push('live.close'),
  };
  const training: TrainingFolder<Folder> = {
    services: { name: 'training' },
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
      'entered training as training',
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
