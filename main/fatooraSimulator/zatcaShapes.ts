// SPDX-License-Identifier: UNLICENSED
// Response bodies in Fatoora's shapes (reference §9 "Response shapes"), written once so every endpoint answers
// alike: CSID answers {requestID, tokenType, dispositionMessage, binarySecurityToken, secret, errors}, the
// NOT_COMPLIANT failure, {code, message} errors (Missing-OTP, Invalid-OTP, Missing-ComplianceSteps…), and
// validationResults with typed messages.

export type MessageLevel = 'INFO' | 'WARNING' | 'ERROR';

export interface ZatcaMessage {
  readonly type: MessageLevel;
  readonly code: string;
  readonly category: string;
  readonly message: string;
  readonly status: 'PASS' | 'WARNING' | 'ERROR';
}

export interface ZatcaValidationResults {
  readonly infoMessages: ZatcaMessage[];
  readonly warningMessages: ZatcaMessage[];
  readonly errorMessages: ZatcaMessage[];
  readonly status: 'PASS' | 'WARNING' | 'ERROR';
}

const STATUS_OF: Record<MessageLevel, ZatcaMessage['status']> = { INFO: 'PASS', WARNING: 'WARNING', ERROR: 'ERROR' };

export function zatcaMessage(type: MessageLevel, code: string, category: string, message: string): ZatcaMessage {
  return { type, code, category, message, status: STATUS_OF[type] };
}

export function validationResults(messages: readonly ZatcaMessage[]): ZatcaValidationResults {
  const errorMessages = messages.filter((m) => m.type === 'ERROR');
  const warningMessages = messages.filter((m) => m.type === 'WARNING');
  return {
    infoMessages: messages.filter((m) => m.type === 'INFO'),
    warningMessages,
    errorMessages,
    status: errorMessages.length > 0 ? 'ERROR' : warningMessages.length > 0 ? 'WARNING' : 'PASS',
  };
}

/** HTTP status for a validation outcome: 200 PASS, 202 WARNING, 400 ERROR (reference §9 status table). */
export function httpStatusOf(results: ZatcaValidationResults): 200 | 202 | 400 {
  return results.status === 'ERROR' ? 400 : results.status === 'WARNING' ? 202 : 200;
}

export const TOKEN_TYPE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3';

export function csidBody(
  requestId: string,
  binarySecurityToken: string,
  secret: string,
  dispositionMessage: 'ISSUED' | 'NOT_COMPLIANT',
): Record<string, unknown> {
  // requestID is a JSON number on the real platform (reference §9); 13 digits are exact in a double
  return { requestID: Number(requestId), tokenType: TOKEN_TYPE, dispositionMessage, binarySecurityToken, secret, errors: null };
}

export interface CodeMessage {
  readonly code: string;
  readonly message: string;
}

/** CSR refused on content (reference §9 failure example, sevaske/php-zatca-xml #2). */
export function notCompliantBody(errors: readonly CodeMessage[]): Record<string, unknown> {
  return { requestID: -1, dispositionMessage: 'NOT_COMPLIANT', binarySecurityToken: '', secret: '', errors };
}

export function codeMessageBody(code: string, message: string): CodeMessage {
  return { code, message };
}
