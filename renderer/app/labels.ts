// SPDX-License-Identifier: UNLICENSED
// The words for values main sends (a document kind, a reporting state, an onboarding step, a role…). Each is a
// function that calls `t` with its key written out, so every key is a literal where it is used (lint rule
// dukkan/literal-keys): a search for a key finds its uses, and no key is built at run time from a value. Each
// table is a Record over the value's type, so a value added to the contract without words fails the type check.
import type {
  CardNetwork,
  DocumentKind,
  OnboardingEnvironment,
  OnboardingStepId,
  PaymentMethod,
  ProblemAdvice,
  ProblemDocument,
  ReportingState,
  Role,
} from '../../app/contract/types';
import type { Translator } from './i18n';

/** Words for one value in the current language. */
export type Label = (t: Translator['t']) => string;

export const ROLE: Readonly<Record<Role, Label>> = {
  cashier: (t) => t('cashier'),
  manager: (t) => t('manager'),
};

export const DOCUMENT_KIND: Readonly<Record<DocumentKind, Label>> = {
  invoice: (t) => t('kind_invoice'),
  'credit-note': (t) => t('kind_credit-note'),
  'debit-note': (t) => t('kind_debit-note'),
};

export const REPORTING: Readonly<Record<ReportingState, Label>> = {
  queued: (t) => t('reporting_queued'),
  'in-flight': (t) => t('reporting_in-flight'),
  reported: (t) => t('reporting_reported'),
  'reported-with-warnings': (t) => t('reporting_reported-with-warnings'),
  rejected: (t) => t('reporting_rejected'),
  failed: (t) => t('reporting_failed'),
  unknown: (t) => t('reporting_unknown'),
};

export const STEP: Readonly<Record<OnboardingStepId, Label>> = {
  key: (t) => t('step_key'),
  csr: (t) => t('step_csr'),
  csid: (t) => t('step_csid'),
  'compliance-checks': (t) => t('step_compliance-checks'),
  'production-csid': (t) => t('step_production-csid'),
  ready: (t) => t('step_ready'),
};

const ENVIRONMENT: Readonly<Record<OnboardingEnvironment, Label>> = {
  'developer-portal': (t) => t('env_developer_portal'),
  simulation: (t) => t('env_simulation'),
  production: (t) => t('env_production'),
  'local-simulator': (t) => t('env_local-simulator'),
};

/** An environment's name; one the screen does not know (a newer main) shows as main sent it. */
export function environmentLabel(t: Translator['t'], environment: string): string {
  return Object.hasOwn(ENVIRONMENT, environment) ? ENVIRONMENT[environment as OnboardingEnvironment](t) : environment;
}

export const PROBLEM: Readonly<Record<ProblemDocument['problem'], Label>> = {
  rejected: (t) => t('problem_rejected'),
  overdue: (t) => t('problem_overdue'),
  failed: (t) => t('problem_failed'),
  'unexplained-duplicate': (t) => t('problem_unexplained-duplicate'),
};

export const PAYMENT: Readonly<Record<PaymentMethod | 'unrecorded', Label>> = {
  cash: (t) => t('cash'),
  card: (t) => t('card'),
  'store-credit': (t) => t('storeCredit'),
  unrecorded: (t) => t('method_unrecorded'),
};

/** A card's network as the payment panel's chips and the reports name it. */
export const CARD_NETWORK: Readonly<Record<CardNetwork, Label>> = {
  mada: (t) => t('network_mada'),
  visa: (t) => t('network_visa'),
  mastercard: (t) => t('network_mastercard'),
  amex: (t) => t('network_amex'),
  other: (t) => t('network_other'),
};

/** What to do about a document in trouble, with its number, date and delay filled in. */
export const ADVICE: Readonly<Record<ProblemAdvice['kind'], (t: Translator['t'], a: ProblemAdvice) => string>> = {
  reissue: (t, a) => t('advice_reissue', { number: a.number, date: a.issueDate ?? '', time: a.issueTime ?? '' }),
  'clear-not-report': (t, a) => t('advice_clear-not-report', { number: a.number }),
  'too-large': (t, a) => t('advice_too-large', { number: a.number }),
  overdue: (t, a) => t('advice_overdue', { hours: a.hoursLate ?? 0 }),
  'contact-support': (t) => t('advice_contact-support'),
  'other-device': (t, a) => t('advice_other-device', { number: a.number }),
};
