// SPDX-License-Identifier: UNLICENSED
// The onboarding wizard: where onboarding stands, and a run with the OTP from the Fatoora portal (main/app/onboardingSession).
import type { ApiHandlers } from '../../ipc/dispatcher';
import type { OnboardingSession } from '../onboardingSession';

export const ONBOARDING_METHODS = ['onboarding.get', 'onboarding.start'] as const;

export interface OnboardingServices {
  readonly onboarding: Pick<OnboardingSession, 'progress' | 'start'>;
}

export function onboardingHandlers(app: OnboardingServices): Pick<ApiHandlers, (typeof ONBOARDING_METHODS)[number]> {
  return {
    'onboarding.get': () => app.onboarding.progress(),
    'onboarding.start': (input) => app.onboarding.start(input),
  };
}
