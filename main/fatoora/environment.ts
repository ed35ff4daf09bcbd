// SPDX-License-Identifier: UNLICENSED
// Fatoora environments and their base URLs (reference §9). The old gw-apic-gov.gazt.gov.sa host is decommissioned
// and deliberately absent. `local-simulator` is our own simulator (main/fatooraSimulator), whose URL is configured.

export const FATOORA_ENVIRONMENTS = ['developer-portal', 'simulation', 'production', 'local-simulator'] as const;
export type FatooraEnvironment = (typeof FATOORA_ENVIRONMENTS)[number];

export const FATOORA_BASE_URLS: Readonly<Record<Exclude<FatooraEnvironment, 'local-simulator'>, string>> = {
  'developer-portal': 'https://gw-fatoora.zatca.gov.sa/e-invoicing/developer-portal',
  simulation: 'https://gw-fatoora.zatca.gov.sa/e-invoicing/simulation',
  production: 'https://gw-fatoora.zatca.gov.sa/e-invoicing/core',
};

/** The path prefix of each ZATCA environment, as the real gateway (and our simulator) serve them. */
export const FATOORA_PATH_PREFIXES = {
  'developer-portal': '/e-invoicing/developer-portal',
  simulation: '/e-invoicing/simulation',
  production: '/e-invoicing/core',
} as const;

export function isFatooraEnvironment(value: unknown): value is FatooraEnvironment {
  return typeof value === 'string' && (FATOORA_ENVIRONMENTS as readonly string[]).includes(value);
}

/**
 * The base URL to use. ZATCA environments default to the official host and accept an override (a proxy) only over
 * https; `local-simulator` needs an explicit http(s) URL, e.g. `http://127.0.0.1:8443/e-invoicing/simulation`.
 */
export function resolveBaseUrl(environment: FatooraEnvironment, override?: string): string {
  if (!isFatooraEnvironment(environment)) throw new Error(`fatoora client: environment must be one of ${FATOORA_ENVIRONMENTS.join(', ')}`);
  if (override === undefined) {
    if (environment === 'local-simulator') throw new Error('fatoora client: baseUrl is required for the local-simulator environment');
    return FATOORA_BASE_URLS[environment];
  }
  let url: URL;
  try {
    url = new URL(override);
  } catch {
    throw new Error('fatoora client: baseUrl is not a valid absolute URL');
  }
  if (url.username !== '' || url.password !== '') throw new Error('fatoora client: baseUrl must not carry user:password');
  if (url.search !== '' || url.hash !== '') throw new Error('fatoora client: baseUrl must not carry a query or fragment');
  const allowed = environment === 'local-simulator' ? ['http:', 'https:'] : ['https:'];
  if (!allowed.includes(url.protocol)) throw new Error(`fatoora client: baseUrl for ${environment} must use ${allowed.join(' or ')}`);
  return url.toString().replace(/\/+$/, '');
}
