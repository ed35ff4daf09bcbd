// SPDX-License-Identifier: UNLICENSED
// The onboarding wizard's run on the live data folder: one at a time; its progress as the wizard shows it (the steps
// of reference §10, the step under way, the last failure by catalog code), announced as 'onboarding' events; and,
// once it has succeeded, the switch to live (ModeController.goLive). The onboarding itself is main/onboarding's.
import type { ParsedInput } from '../../app/contract/api';
import type { AppEvent } from '../../app/contract/events';
import type { OnboardingProgress } from '../../app/contract/types';
import { OnboardingError, type OnboardingProgress as ServiceProgress, type OnboardingService } from '../onboarding/index';
import { onboardingProgress } from './statusModel';

export interface OnboardingSessionOptions {
  /** The live folder's onboarding service (read when used: the folder is built with this session's `stepped`). */
  readonly service: () => Pick<OnboardingService, 'status' | 'start'>;
  /** Onboarding succeeded: go live if the live folder can sign now. */
  readonly goLive: () => Promise<unknown>;
  readonly emit: (event: AppEvent) => void;
}

export class OnboardingSession {
  private running: { step: string } | null = null;
  private failure: OnboardingError | null = null;

  constructor(private readonly o: OnboardingSessionOptions) {}

  progress(): OnboardingProgress {
    return onboardingProgress(this.o.service().status(), this.running, this.failure);
  }

  /** The onboarding service's progress callback: the step under way, shown at once. */
  stepped(progress: ServiceProgress): void {
    this.running = { step: progress.step };
    this.o.emit({ type: 'onboarding', progress: onboardingProgress(this.o.service().status(), this.running, null) });
  }

  /** Runs the wizard's onboarding to its end; a refusal is part of the progress answered, not an exception. */
  async start(input: ParsedInput<'onboarding.start'>): Promise<OnboardingProgress> {
    if (this.running) throw new OnboardingError('onboarding.already-running');
    this.running = { step: 'key' };
    this.failure = null;
    const shop = { ...input.shop, invoiceTypes: input.standardInvoices ? 'simplified+standard' : 'simplified' };
    try {
      // choosing the environment in the wizard is the explicit confirmation the onboarding service asks for
      await this.o.service().start(shop, input.otp, { environment: input.environment, confirm: true });
    } catch (e) {
      if (!(e instanceof OnboardingError)) throw e;
      this.failure = e;
    } finally {
      this.running = null;
    }
    if (!this.failure) await this.o.goLive();
    const progress = this.progress();
    this.o.emit({ type: 'onboarding', progress });
    return progress;
  }
}
