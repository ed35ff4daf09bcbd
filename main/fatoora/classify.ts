// SPDX-License-Identifier: UNLICENSED
// From an HTTP exchange to a typed outcome, following ZATCA's status table (reference §9) as the real service answers
// it (reference §9.1; every captured shape is a fixture in test/fixtures/fatooraAnswers.ts):
// 200 accepted · 202 accepted with warnings · 208 clearance already cleared · 303 wrong endpoint · 400 rejected
// (with validationResults; without them the request, not the document, was refused: `failed`) · 401 unauthorized ·
// 409 already reported (reporting; clearance in early 2024) · 413 too large · 428 renewal needs compliance ·
// 429 rate-limited · 5xx outcome unknown (a 503/504 has been followed by a duplicate answer on resend). Anything else
// is `failed`; a broken exchange is `retryable` (unreachable) or `unknown-outcome` (it may have arrived). A
// 200/202/208/409 whose body does not say the document is recorded is `unknown-outcome` too (recordedStatus.ts): the
// status code alone never marks a document reported.
import { parseCertificate } from '../../app/x509/parseCertificate';
import { Secret } from '../log/secret';
import type { FatooraEnvironment } from './environment';
import { parseBody, readErrors, readString, readValidationResults, scrubText, type FatooraMessage, type ParsedBody } from './messages';
import type { FatooraEndpoint, FatooraOutcome, InvoiceResult, IssuedCsid } from './outcome';
import { isDuplicateMessage, recordedStatus, unconfirmedDetail } from './recordedStatus';
import { parseRetryAfter, type HttpExchange } from './transport';

type Answer = Extract<HttpExchange, { ok: true }>;

function statusDetail(answer: Answer, body: ParsedBody): string {
  return `HTTP ${answer.status}; ${body.summary}`;
}

/** The outcomes every endpoint shares: transport failures, 401/403, 413, 429, 5xx. */
function commonOutcome(exchange: HttpExchange, now: Date): FatooraOutcome<never> | { answer: Answer; body: ParsedBody; errors: FatooraMessage[] } {
  if (!exchange.ok) {
    if (exchange.failure === 'unreachable') return { kind: 'retryable', reason: 'unreachable', errors: [], detail: exchange.detail };
    return {
      kind: 'unknown-outcome',
      reason: exchange.failure,
      detail: exchange.detail,
      ...(exchange.httpStatus !== undefined ? { httpStatus: exchange.httpStatus } : {}),
    };
  }
  const body = parseBody(exchange.text);
  // a plain-text answer (a 406 says "This Version is not supported or not provided in the header.") is its message
  const errors = body.json === undefined && body.plainText !== undefined ? [{ message: body.plainText }] : readErrors(body.json);
  const s = exchange.status;
  const detail = statusDetail(exchange, body);
  if (s === 401 || s === 403) return { kind: 'unauthorized', httpStatus: s, errors };
  if (s === 413) return { kind: 'retryable', reason: 'payload-too-large', httpStatus: s, errors, detail };
  if (s === 429 || s >= 500) {
    const retryAfterMs = parseRetryAfter(exchange.headers.get('retry-after'), now);
    const wait = retryAfterMs !== undefined ? { retryAfterMs } : {};
    // a 5xx is not "not received": the document may have been recorded before the gateway failed (reference §9.1)
    if (s >= 500) return { kind: 'unknown-outcome', reason: 'server-error', httpStatus: s, detail, ...wait };
    return { kind: 'retryable', reason: 'rate-limited', httpStatus: s, errors, detail, ...wait };
  }
  return { answer: exchange, body, errors };
}

function readCsid(json: unknown, environment: FatooraEnvironment): IssuedCsid | undefined {
  const token = readString(json, 'binarySecurityToken');
  const secret = readString(json, 'secret');
  const requestId = readString(json, 'requestID');
  if (!token || !secret || requestId === undefined || !/^[A-Za-z0-9+/]+={0,2}$/.test(token)) return undefined;
  const tokenType = readString(json, 'tokenType');
  return {
    credentials: { environment, binarySecurityToken: token, secret: new Secret(secret), requestId },
    requestId,
    dispositionMessage: readString(json, 'dispositionMessage') ?? '',
    ...(tokenType !== undefined ? { tokenType } : {}),
  };
}

/**
 * Why the issued token is not a certificate the device can use, or undefined when it parses. A token that decodes to
 * garbage is Fatoora's (or a proxy's) fault, said as such — not an unexpected error later in onboarding.
 */
function unreadableCertificate(csid: IssuedCsid): string | undefined {
  try {
    parseCertificate(csid.credentials.binarySecurityToken);
    return undefined;
  } catch (e) {
    return scrubText(e instanceof Error ? e.message : String(e), 160);
  }
}

const malformedCertificate = (s: number, errors: FatooraMessage[], why: string): FatooraOutcome<never> => ({
  kind: 'failed',
  httpStatus: s,
  errors,
  detail: `HTTP ${s}: the issued binarySecurityToken is not a readable X.509 certificate (${why}); nothing was stored`,
});

/** /compliance, /production/csids (POST and PATCH). */
export function classifyCsid(endpoint: FatooraEndpoint, exchange: HttpExchange, environment: FatooraEnvironment, now = new Date()): FatooraOutcome<IssuedCsid> {
  const common = commonOutcome(exchange, now);
  if ('kind' in common) return common;
  const { answer, body, errors } = common;
  const s = answer.status;
  if (s === 200 || s === 202) {
    const csid = readCsid(body.json, environment);
    if (!csid) return { kind: 'failed', httpStatus: s, errors, detail: `HTTP ${s} without a readable binarySecurityToken, secret and requestID` };
    const why = unreadableCertificate(csid);
    if (why !== undefined) return malformedCertificate(s, errors, why);
    return { kind: 'accepted', httpStatus: s, value: csid };
  }
  if (s === 428 && endpoint === 'renew-production-csid') {
    const csid = readCsid(body.json, environment);
    if (!csid) return { kind: 'failed', httpStatus: s, errors, detail: 'HTTP 428 without the renewed compliance CSID' };
    const why = unreadableCertificate(csid);
    if (why !== undefined) return malformedCertificate(s, errors, why);
    return { kind: 'needs-compliance', httpStatus: s, csid, errors };
  }
  if (s === 400) return { kind: 'rejected', httpStatus: s, errors };
  return { kind: 'failed', httpStatus: s, errors, detail: statusDetail(answer, body) };
}

function readInvoiceResult(json: unknown): InvoiceResult {
  const validation = readValidationResults(json) ?? { infoMessages: [], warningMessages: [], errorMessages: [] };
  const pick = (key: string): string | undefined => readString(json, key);
  const reportingStatus = pick('reportingStatus');
  const clearanceStatus = pick('clearanceStatus');
  const clearedInvoice = pick('clearedInvoice');
  const invoiceHash = pick('invoiceHash');
  return {
    validation,
    ...(reportingStatus !== undefined ? { reportingStatus } : {}),
    ...(clearanceStatus !== undefined ? { clearanceStatus } : {}),
    ...(clearedInvoice !== undefined ? { clearedInvoice } : {}),
    ...(invoiceHash !== undefined ? { invoiceHash } : {}),
  };
}

/**
 * Whether a 200/202 body confirms the call: reporting and clearance must say REPORTED / CLEARED; a compliance check
 * must carry validationResults with a status (its ERROR case is handled before).
 */
function confirmed(endpoint: FatooraEndpoint, body: ParsedBody): boolean {
  if (endpoint === 'reporting' || endpoint === 'clearance') return recordedStatus(endpoint, body) === 'recorded';
  return readValidationResults(body.json)?.status !== undefined;
}

/** /compliance/invoices, /invoices/reporting/single, /invoices/clearance/single. */
export function classifyInvoice(endpoint: FatooraEndpoint, exchange: HttpExchange, now = new Date()): FatooraOutcome<InvoiceResult> {
  const common = commonOutcome(exchange, now);
  if ('kind' in common) return common;
  const { answer, body, errors } = common;
  const s = answer.status;
  const result = readInvoiceResult(body.json);
  const v = result.validation;
  if (s === 200 || s === 202) {
    // A compliance check is a test, not a recording: an ERROR status there fails the step whatever the HTTP code.
    if (endpoint === 'compliance-check' && (v.status === 'ERROR' || v.errorMessages.length > 0)) {
      return { kind: 'rejected', httpStatus: s, errors: v.errorMessages, validation: v };
    }
    // Only 200 and 202 can say the document is recorded (reference §9, DISC 2687) — and only with a body that says
    // so (recordedStatus.ts): an HTML page or an empty 200 from a captive portal must never clear the queue.
    if (!confirmed(endpoint, body)) return { kind: 'unknown-outcome', reason: 'unconfirmed', httpStatus: s, detail: unconfirmedDetail(s, endpoint, body) };
    if (s === 202 || v.warningMessages.length > 0 || v.status === 'WARNING') {
      return { kind: 'accepted-with-warnings', httpStatus: s, value: result, warnings: v.warningMessages };
    }
    return { kind: 'accepted', httpStatus: s, value: result };
  }
  if ((endpoint === 'reporting' && s === 409) || (endpoint === 'clearance' && (s === 208 || s === 409))) {
    // a duplicate answer counts only in one of the shapes ZATCA sends for it (reference §9.1)
    if (recordedStatus(endpoint, body) === 'unconfirmed') {
      return { kind: 'unknown-outcome', reason: 'unconfirmed', httpStatus: s, detail: unconfirmedDetail(s, endpoint, body) };
    }
    return alreadyDone(s, result, body);
  }
  if (s === 303 && (endpoint === 'reporting' || endpoint === 'clearance')) {
    const use = endpoint === 'clearance' ? 'reporting' : 'clearance';
    const told = errors[0]?.message;
    return {
      kind: 'wrong-endpoint',
      httpStatus: s,
      use,
      errors,
      detail: `HTTP 303: ${endpoint === 'clearance' ? 'clearance is deactivated' : 'a standard document must be cleared'}; send it through ${use}${told ? ` (${told})` : ''}`,
    };
  }
  if (s === 400) {
    const validation = readValidationResults(body.json);
    // reporting and clearance judge a document in validationResults; a 400 without them ("Invalid Request") refused
    // the request — a systemic problem to alert on, not a document to correct and reissue (reference §9.1)
    if (!validation && endpoint !== 'compliance-check') {
      return {
        kind: 'failed',
        httpStatus: s,
        errors,
        detail: `HTTP 400 without validationResults: the request was refused, not the document (${body.summary})`,
      };
    }
    return { kind: 'rejected', httpStatus: s, errors: errors.length > 0 ? errors : v.errorMessages, ...(validation ? { validation: v } : {}) };
  }
  return { kind: 'failed', httpStatus: s, errors, detail: statusDetail(answer, body) };
}

/** A duplicate answer: its duplicate notice goes to `detail`, its other messages stay (reference §9.1). */
function alreadyDone(s: number, result: InvoiceResult, body: ParsedBody): FatooraOutcome<InvoiceResult> {
  const v = result.validation;
  const all = [...v.errorMessages, ...v.warningMessages, ...v.infoMessages];
  const top = readString(body.json, 'message');
  const notice = all.find(isDuplicateMessage)?.message ?? top ?? readString(body.json, 'reportingStatus') ?? readString(body.json, 'clearanceStatus');
  return {
    kind: 'already-done',
    httpStatus: s,
    value: result,
    messages: all.filter((m) => !isDuplicateMessage(m)),
    detail: `HTTP ${s}: recorded by an earlier submission of the same invoice hash${notice ? ` (${scrubText(notice, 120)})` : ''}`,
  };
}
