// SPDX-License-Identifier: UNLICENSED
// The three ZATCA environments the simulator serves, told apart by path prefix as on the real gateway. The
// template name each requires in a CSR is app/csr's TEMPLATE_NAMES (reference §8).
import { FATOORA_PATH_PREFIXES } from '../fatoora/environment';

export const ZATCA_ENVIRONMENTS = ['developer-portal', 'simulation', 'production'] as const;
export type ZatcaEnvironment = (typeof ZATCA_ENVIRONMENTS)[number];

/** The environment a request path belongs to and the rest of the path, or undefined for a foreign path. */
export function splitEnvironmentPath(pathname: string): { environment: ZatcaEnvironment; rest: string } | undefined {
  for (const environment of ZATCA_ENVIRONMENTS) {
    const prefix = FATOORA_PATH_PREFIXES[environment];
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) return { environment, rest: pathname.slice(prefix.length) || '/' };
  }
  return undefined;
}
