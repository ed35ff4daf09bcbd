// SPDX-License-Identifier: UNLICENSED
// Training ↔ live, as an explicit state machine. A terminal opens live when its live data folder can sign, and in
// training otherwise (a new terminal: the embedded Fatoora simulator and its own folder, main/app/trainingMode).
// A training folder not onboarded yet (the first start) is 'preparing': the app is open and the sign-in screen served
// at once while the folder onboards against the simulator in the background, retried until it can sign
// (BENCHMARKS.md, "Startup": that onboarding is most of a first start); only then does the sale desk exist.
// Finishing onboarding in the wizard takes it from training (or preparing) to live without a restart; nothing ever
// takes a live terminal back to training. MODE_TRANSITIONS is the whole table — what each transition opens, closes
// and announces — and transitionFor() reads it; the ModeController performs it on the real folders, one transition
// at a time.
import type { AppMode } from '../../app/contract/types';
import { DukkanError } from '../../app/errors/index';
import { errorFields, type Logger } from '../log/logger';

export type ModeState = 'new' | 'preparing' | 'training' | 'live' | 'closed';
/** 'training-ready': the background onboarding of the training folder succeeded (the controller's own trigger). */
export type ModeTrigger = 'open' | 'training-ready' | 'go-live' | 'close';

/**
 * What a transition starts or stops:
 *   live-ledger        the live folder's Ledger and reporting worker (ModeServices.activate)
 *   live-folder        the live folder itself: its database, onboarding service and worker (ModeServices.close)
 *   training           the training folder and the embedded Fatoora simulator (its ledger and worker once it can sign)
 */
export type ModePart = 'live-ledger' | 'live-folder' | 'training';

/** What the app tells the screens after a transition (AppEvent types). */
export type ModeEventType = 'mode-changed' | 'status';

export interface ModeTransition {
  readonly to: ModeState;
  /**
   * Taken only if the live folder can sign ('yes') or cannot ('no'). Asking is ModeServices.activate(), which starts
   * the live ledger and worker when the answer is yes. Without a condition the live folder is not asked.
   */
  readonly ifLiveCanSign?: 'yes' | 'no';
  readonly opens: readonly ModePart[];
  /** In this order. */
  readonly closes: readonly ModePart[];
  readonly emits: readonly ModeEventType[];
}

const NOTHING = { opens: [], closes: [], emits: [] } as const;

/** Every allowed transition; a trigger missing from a state's row is refused. */
export const MODE_TRANSITIONS: { readonly [S in ModeState]: { readonly [T in ModeTrigger]?: readonly ModeTransition[] } } = {
  new: {
    open: [
      { to: 'live', ifLiveCanSign: 'yes', opens: ['live-ledger'], closes: [], emits: [] },
      // a training folder that can sign already (onboarded at an earlier start) is ready at once: the controller
      // takes 'training-ready' within the same open
      { to: 'preparing', ifLiveCanSign: 'no', opens: ['training'], closes: [], emits: [] },
    ],
    // an open that failed half-way: the live folder was opened with the app
    close: [{ to: 'closed', opens: [], closes: ['live-folder'], emits: [] }],
  },
  preparing: {
    // the mode shown stays training: the strip is told the folder can sell now
    'training-ready': [{ to: 'training', opens: [], closes: [], emits: ['status'] }],
    // onboarded for real before training was ready: the background onboarding is waited for and the folder closed
    'go-live': [
      { to: 'live', ifLiveCanSign: 'yes', opens: ['live-ledger'], closes: ['training'], emits: ['mode-changed', 'status'] },
      { to: 'preparing', ifLiveCanSign: 'no', ...NOTHING },
    ],
    close: [{ to: 'closed', opens: [], closes: ['training', 'live-folder'], emits: [] }],
  },
  training: {
    'go-live': [
      { to: 'live', ifLiveCanSign: 'yes', opens: ['live-ledger'], closes: ['training'], emits: ['mode-changed', 'status'] },
      // onboarding succeeded but the live folder cannot sign yet: stay in training
      { to: 'training', ifLiveCanSign: 'no', ...NOTHING },
    ],
    close: [{ to: 'closed', opens: [], closes: ['training', 'live-folder'], emits: [] }],
  },
  live: {
    // onboarding again while live (another environment, a renewal) changes nothing here
    'go-live': [{ to: 'live', ...NOTHING }],
    close: [{ to: 'closed', opens: [], closes: ['live-folder'], emits: [] }],
  },
  closed: {
    close: [{ to: 'closed', ...NOTHING }],
  },
};

/** A trigger the mode table does not allow in a state (e.g. going live while the app closes). */
export class ModeTransitionRefused extends DukkanError {
  override readonly name = 'ModeTransitionRefused';
  constructor(
    readonly state: ModeState,
    readonly trigger: ModeTrigger,
  ) {
    super('mode.transition-refused', { state, trigger });
  }
}

/** Whether `trigger` needs to know if the live folder can sign in `state` (and so starts its ledger if it can). */
export function asksLiveFolder(state: ModeState, trigger: ModeTrigger): boolean {
  return (MODE_TRANSITIONS[state][trigger] ?? []).some((t) => t.ifLiveCanSign !== undefined);
}

/** The transition `trigger` takes from `state`; throws ModeTransitionRefused for one the table does not allow. */
export function transitionFor(state: ModeState, trigger: ModeTrigger, liveCanSign?: boolean): ModeTransition {
  const candidates = MODE_TRANSITIONS[state][trigger];
  const answer = liveCanSign === undefined ? undefined : liveCanSign ? 'yes' : 'no';
  const found = candidates?.find((t) => t.ifLiveCanSign === undefined || t.ifLiveCanSign === answer);
  if (!found) throw new ModeTransitionRefused(state, trigger);
  return found;
}

/** The live data folder as the controller uses it (main/app/modeServices). */
export interface LiveFolder {
  /** Starts the ledger and reporting worker if the active environment can sign; whether it can. Idempotent. */
  activate(): boolean;
  readonly environment: string | null;
  close(): Promise<void>;
}

/** The training folder with its simulator, running (main/app/trainingMode). */
export interface TrainingFolder<F> {
  readonly services: F;
  /** Starts the folder's ledger and worker if it can sign already (onboarded at an earlier start); whether it can. */
  activate(): boolean;
  /** Onboards the folder against the simulator (or finishes a half-done onboarding), then starts its ledger. */
  onboard(): Promise<void>;
  /** Closes the folder, then the simulator. */
  close(): Promise<void>;
}

/** Where the background onboarding of a preparing training folder stands (the status strip, the manager's status). */
export interface TrainingPreparation {
  readonly attempts: number;
  /** The last attempt's failure, until one succeeds. */
  readonly lastError: string | null;
  /** When the next attempt starts after a failure. */
  readonly retryAt: Date | null;
}

/**
 * How long closing the training folder (going live, the app quitting) waits for an onboarding attempt under way before
 * it abandons it: a Fatoora request that hangs must not hold a quit up to its deadline. An abandoned attempt is
 * finished at the next start (a half-done onboarding is resumed).
 */
export const TRAINING_STOP_WAIT_MS = 3_000;

/** Waits between failed attempts to onboard the training folder; the last one repeats. */
export const TRAINING_RETRY_DELAYS_MS: readonly number[] = [2_000, 5_000, 15_000, 30_000, 60_000];

export interface ModeControllerOptions<F> {
  readonly live: F & LiveFolder;
  /** Starts the embedded simulator and opens the training folder (not onboarded yet); cleans up itself if it fails. */
  readonly openTraining: () => Promise<TrainingFolder<F>>;
  /** Waits between failed attempts to onboard the training folder (default TRAINING_RETRY_DELAYS_MS). */
  readonly retryDelaysMs?: readonly number[];
  /** How long a close waits for an onboarding attempt under way (default TRAINING_STOP_WAIT_MS). */
  readonly stopWaitMs?: number;
  /**
   * Whether the background onboarding waits for releasePreparation() (the app's own opening finished first: seeding
   * the users' PIN hashes would otherwise compete with it for the cores before the till is served).
   */
  readonly holdPreparation?: boolean;
  /** The app now works on `folder` in `mode`: build what depends on the folder (the counter, worker events). */
  readonly entered: (folder: F, mode: AppMode) => void;
  readonly emit: (type: ModeEventType) => void;
  /** The app's log. */
  readonly log: Logger;
}

export class ModeController<F> {
  private now: ModeState = 'new';
  private folder: F | null = null;
  private training: TrainingFolder<F> | null = null;
  /** Transitions run one after another: a close during the switch to live waits for it. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The background onboarding of a preparing training folder. */
  private prep: {
    attempts: number;
    lastError: string | null;
    retryAt: Date | null;
    running: Promise<void> | null;
    timer: NodeJS.Timeout | null;
    stopped: boolean;
  } | null = null;
  /** The background onboarding's first attempt, while held (holdPreparation). */
  private held: (() => void) | null = null;
  /** Callers waiting for a folder that can sell (whenReady). */
  private readonly waiters = new Set<() => void>();

  constructor(private readonly o: ModeControllerOptions<F>) {}

  state(): ModeState {
    return this.now;
  }

  /** Training while preparing or in training; live otherwise (as the status strip has always shown a terminal being opened). */
  mode(): AppMode {
    return this.now === 'training' || this.now === 'preparing' ? 'training' : 'live';
  }

  /** The data folder the app works on: the training folder while preparing and in training, the live folder otherwise. */
  current(): F {
    if (!this.folder) throw new Error('the app is not open yet');
    return this.folder;
  }

  /** While preparing: how the background onboarding goes; null in every other state. */
  preparation(): TrainingPreparation | null {
    if (this.now !== 'preparing' || !this.prep) return null;
    return { attempts: this.prep.attempts, lastError: this.prep.lastError, retryAt: this.prep.retryAt };
  }

  /**
   * Resolves true once the app can sell (training or live), false after `timeoutMs` or when it closes first; at once
   * when it can already.
   */
  whenReady(timeoutMs: number): Promise<boolean> {
    if (this.now === 'training' || this.now === 'live') return Promise.resolve(true);
    if (this.now === 'closed') return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve(this.now === 'training' || this.now === 'live');
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }

  /** Starts the background onboarding held by holdPreparation; nothing when none is held. */
  releasePreparation(): void {
    const start = this.held;
    this.held = null;
    start?.();
  }

  /** Opens live if the live folder can sign, otherwise training (preparing until the training folder can sign). */
  open(): Promise<ModeState> {
    return this.run('open');
  }

  /** After onboarding: live if the live folder can sign now; a no-op when already live. */
  goLive(): Promise<ModeState> {
    return this.run('go-live');
  }

  close(): Promise<ModeState> {
    return this.run('close');
  }

  private run(trigger: ModeTrigger): Promise<ModeState> {
    const next = this.queue.then(() => this.perform(trigger));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async perform(trigger: ModeTrigger): Promise<ModeState> {
    const from = this.now;
    const liveCanSign = asksLiveFolder(from, trigger) ? this.o.live.activate() : undefined;
    const t = transitionFor(from, trigger, liveCanSign);
    if (t.opens.includes('training')) this.training = await this.o.openTraining();
    for (const part of t.closes) await this.stop(part);
    this.now = t.to;
    if (t.to === 'preparing' && from !== 'preparing') {
      this.folder = this.training!.services;
      // onboarded at an earlier start: ready within this open, no background onboarding
      if (this.training!.activate()) return this.perform('training-ready');
      this.o.log.info('mode.training-preparing', {});
      this.prepareInBackground(this.training!);
    }
    if (t.to !== from && (t.to === 'live' || t.to === 'training')) {
      this.folder = t.to === 'live' ? this.o.live : this.training!.services;
      this.o.entered(this.folder, t.to);
      if (t.to === 'live' && (from === 'training' || from === 'preparing')) this.o.log.info('app.training-ended', { environment: this.o.live.environment });
    }
    for (const type of t.emits) this.o.emit(type);
    if (t.to !== from) for (const wake of [...this.waiters]) wake();
    return this.now;
  }

  /**
   * Onboards the training folder, retrying after each failure (logged and shown on the status strip) until it can
   * sign, then takes 'training-ready'. Stopped when the folder is closed (going live, the app closing).
   */
  private prepareInBackground(training: TrainingFolder<F>): void {
    const prep = {
      attempts: 0,
      lastError: null as string | null,
      retryAt: null as Date | null,
      running: null as Promise<void> | null,
      timer: null as NodeJS.Timeout | null,
      stopped: false,
    };
    this.prep = prep;
    const delays = this.o.retryDelaysMs ?? TRAINING_RETRY_DELAYS_MS;
    const attempt = async (): Promise<void> => {
      prep.timer = null;
      prep.retryAt = null;
      prep.attempts++;
      const running = training.onboard();
      prep.running = running.then(
        () => undefined,
        () => undefined,
      );
      try {
        await running;
      } catch (e) {
        if (prep.stopped) return;
        prep.lastError = e instanceof Error ? e.message : String(e);
        const delay = delays[Math.min(prep.attempts - 1, delays.length - 1)] ?? 60_000;
        prep.retryAt = new Date(Date.now() + delay);
        this.o.log.warn('mode.training-prepare-failed', { ...errorFields(e), attempt: prep.attempts, retryInMs: delay });
        prep.timer = setTimeout(() => void attempt(), delay);
        prep.timer.unref?.();
        this.o.emit('status');
        return;
      } finally {
        prep.running = null;
      }
      if (prep.stopped) return;
      this.o.log.info('mode.training-ready', { attempts: prep.attempts });
      // a go-live or close queued meanwhile has already left 'preparing': nothing to do then
      await this.run('training-ready').catch((e: unknown) => {
        if (!(e instanceof ModeTransitionRefused)) this.o.log.warn('mode.training-ready-failed', errorFields(e));
      });
    };
    if (this.o.holdPreparation) this.held = () => void attempt();
    else void attempt();
  }

  private async stop(part: ModePart): Promise<void> {
    if (part === 'training') {
      const prep = this.prep;
      this.prep = null;
      this.held = null; // never started: nothing to wait for
      if (prep) {
        prep.stopped = true;
        if (prep.timer) clearTimeout(prep.timer);
        // an onboarding under way finishes (or fails) before its folder and simulator are closed under it — unless it
        // hangs (a Fatoora request that never answers): then it is abandoned, and fails against the closed folder
        if (prep.running && !(await settlesWithin(prep.running, this.o.stopWaitMs ?? TRAINING_STOP_WAIT_MS)))
          this.o.log.warn('mode.training-onboarding-abandoned', { attempt: prep.attempts });
      }
      const training = this.training;
      this.training = null;
      // a training folder that will not close cleanly must not keep the terminal from going live or closing
      await training?.close().catch((e: unknown) => this.o.log.warn('mode.training-close-failed', errorFields(e)));
    } else if (part === 'live-folder') await this.o.live.close();
  }
}

/** Whether `promise` settles within `ms` (it never rejects: the callers pass one that cannot). */
async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = await Promise.race([promise.then(() => true as const), timedOut]);
  clearTimeout(timer);
  return settled;
}
