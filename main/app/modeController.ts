// SPDX-License-Identifier: UNLICENSED
// Training ↔ live, as an explicit state machine. A terminal opens live when its live data folder can sign, and in
// training otherwise (a new terminal: the embedded Fatoora simulator and its own folder, main/app/trainingMode).
// Finishing onboarding in the wizard takes it from training to live without a restart; nothing ever takes a live
// terminal back to training. MODE_TRANSITIONS is the whole table — what each transition opens, closes and announces —
// and transitionFor() reads it; the ModeController performs it on the real folders, one transition at a time.
import type { AppMode } from '../../app/contract/types';
import { DukkanError } from '../../app/errors/index';
import { errorFields, type Logger } from '../log/logger';

export type ModeState = 'new' | 'training' | 'live' | 'closed';
export type ModeTrigger = 'open' | 'go-live' | 'close';

/**
 * What a transition starts or stops:
 *   live-ledger        the live folder's Ledger and reporting worker (ModeServices.activate)
 *   live-folder        the live folder itself: its database, onboarding service and worker (ModeServices.close)
 *   training           the training folder with its ledger and worker, and the embedded Fatoora simulator
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
      { to: 'training', ifLiveCanSign: 'no', opens: ['training'], closes: [], emits: [] },
    ],
    // an open that failed half-way: the live folder was opened with the app
    close: [{ to: 'closed', opens: [], closes: ['live-folder'], emits: [] }],
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
  /** Closes the folder, then the simulator. */
  close(): Promise<void>;
}

export interface ModeControllerOptions<F> {
  readonly live: F & LiveFolder;
  /** Starts the embedded simulator and the training folder, onboarded against it; cleans up itself if it fails. */
  readonly openTraining: () => Promise<TrainingFolder<F>>;
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

  constructor(private readonly o: ModeControllerOptions<F>) {}

  state(): ModeState {
    return this.now;
  }

  /** Training only in training; live otherwise (as the status strip has always shown a terminal being opened). */
  mode(): AppMode {
    return this.now === 'training' ? 'training' : 'live';
  }

  /** The data folder the app works on: the training folder in training, the live folder otherwise. */
  current(): F {
    if (!this.folder) throw new Error('the app is not open yet');
    return this.folder;
  }

  /** Opens live if the live folder can sign, otherwise training. */
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
    if (t.to !== from && (t.to === 'live' || t.to === 'training')) {
      this.folder = t.to === 'live' ? this.o.live : this.training!.services;
      this.o.entered(this.folder, t.to);
      if (from === 'training') this.o.log.info('app.training-ended', { environment: this.o.live.environment });
    }
    for (const type of t.emits) this.o.emit(type);
    return this.now;
  }

  private async stop(part: ModePart): Promise<void> {
    if (part === 'training') {
      const training = this.training;
      this.training = null;
      // a training folder that will not close cleanly must not keep the terminal from going live or closing
      await training?.close().catch((e: unknown) => this.o.log.warn('mode.training-close-failed', errorFields(e)));
    } else if (part === 'live-folder') await this.o.live.close();
  }
}
