// SPDX-License-Identifier: UNLICENSED
// Every way onboarding, renewal, rotation or signing can fail, by catalog code (`onboarding.*` and, for the shop
// details, `shop.*` in app/errors/codes/terminalCodes.ts): a failed step explains itself to the shop keeper in
// Arabic and English, not only to a developer. Parameters and problems carry no secret: never an OTP, a CSID secret
// or key bytes; ZATCA's own messages pass through only after the client scrubbed them (main/fatoora/messages.ts).
import { DukkanError, type ErrorCode, type ErrorParams, type FieldProblem } from '../../app/errors/index';

export type OnboardingCode = Extract<ErrorCode, `onboarding.${string}`>;

export class OnboardingError extends DukkanError {
  override readonly name = 'OnboardingError';
  declare readonly code: OnboardingCode;

  constructor(
    code: OnboardingCode,
    params: ErrorParams = {},
    /** `problems`: the fields at fault (invalid input), or ZATCA's messages and the transport's detail (rejections). */
    options: { readonly problems?: readonly FieldProblem[]; readonly cause?: unknown } = {},
  ) {
    super(code, params, options);
  }
}

/** Every problem of the input at once; nothing was saved. */
export function invalidInput(problems: readonly FieldProblem[]): OnboardingError {
  return new OnboardingError('onboarding.invalid-input', { count: problems.length }, { problems });
}

/** A procedure already under way in `environment`; each has its own code, as the words differ per language. */
export function busy(environment: string, procedure: 'onboard' | 'renew' | 'rotate'): OnboardingError {
  switch (procedure) {
    case 'onboard':
      return new OnboardingError('onboarding.busy-onboard', { environment });
    case 'renew':
      return new OnboardingError('onboarding.busy-renew', { environment });
    case 'rotate':
      return new OnboardingError('onboarding.busy-rotate', { environment });
  }
}
