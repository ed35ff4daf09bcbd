// SPDX-License-Identifier: UNLICENSED
// Which Fatoora each data folder talks to. The live folder: ZATCA's own URLs for the real environments, and a
// configured simulator (`dukkan fatoora-sim`, tests) offered in the wizard as the local-simulator environment. The
// training folder: only its embedded simulator. Every request goes through the HTTP stack the shell passes (Node's
// fetch by default; Chromium's in the desktop app, main/fatoora/chromiumFetch).
import type { OnboardingEnvironment } from '../../app/contract/types';
import { createFatooraClient, type FatooraClient, type FatooraEnvironment, type FetchLike } from '../fatoora/index';
import type { Logger } from '../log/logger';
import { OnboardingError } from '../onboarding/index';

export interface FatooraAccess {
  /** Root URL of a Fatoora simulator, if one is configured. */
  readonly simulatorUrl?: string | undefined;
  readonly fetch?: FetchLike | undefined;
  readonly logger: Logger;
}

const REAL_ENVIRONMENTS: readonly OnboardingEnvironment[] = ['simulation', 'production', 'developer-portal'];

function simulatorBase(access: FatooraAccess): string | undefined {
  return access.simulatorUrl?.replace(/\/+$/, '');
}

const http = (access: FatooraAccess) => (access.fetch ? { fetch: access.fetch } : {});

/** The environments the onboarding wizard offers: the real ones, and the local simulator when one is configured. */
export function offeredEnvironments(access: FatooraAccess): readonly OnboardingEnvironment[] {
  return simulatorBase(access) ? [...REAL_ENVIRONMENTS, 'local-simulator'] : REAL_ENVIRONMENTS;
}

/** The live folder's client for an environment. */
export function liveClientFor(access: FatooraAccess): (environment: FatooraEnvironment) => FatooraClient {
  const base = simulatorBase(access);
  return (environment) => {
    if (environment === 'local-simulator') {
      if (!base) throw new OnboardingError('onboarding.no-simulator');
      // CSRs for the local simulator carry the developer-portal template name (app/csr TEMPLATE_NAMES)
      return createFatooraClient({ environment, baseUrl: `${base}/e-invoicing/developer-portal`, logger: access.logger, ...http(access) });
    }
    return createFatooraClient({ environment, logger: access.logger, ...http(access) });
  };
}

/** The training folder's client: the embedded simulator at `baseUrl`, nothing else. */
export function trainingClientFor(access: FatooraAccess, baseUrl: string): (environment: FatooraEnvironment) => FatooraClient {
  return (environment) => {
    if (environment !== 'local-simulator') throw new OnboardingError('onboarding.training-simulator-only');
    return createFatooraClient({ environment, baseUrl, logger: access.logger, timeoutMs: 10_000, ...http(access) });
  };
}
