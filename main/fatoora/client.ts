// SPDX-License-Identifier: UNLICENSED
// The Fatoora API client: every endpoint of reference §9, with ZATCA's headers, a deadline per call, credentials
// bound to their environment, and a typed outcome for every answer (outcome.ts). It never retries on its own: the
// caller (the reporting queue) decides, because only it knows the payload must be resent byte for byte.
// Secrets: the Authorization value is built inside send() and handed to fetch only; OTPs and secrets are Secret
// objects; the logger receives endpoint names, statuses and error codes, never headers or bodies.
import { silentLogger, type Logger } from '../log/logger';
import { Secret } from '../log/secret';
import { classifyCsid, classifyInvoice } from './classify';
import { basicAuthorization, checkCredentials, CredentialEnvironmentError, type FatooraCredentials } from './credentials';
import { resolveBaseUrl, type FatooraEnvironment } from './environment';
import type { FatooraEndpoint, FatooraOutcome, InvoiceResult, IssuedCsid } from './outcome';
import { exchange, MAX_ANSWER_BYTES, type FetchLike, type HttpExchange } from './transport';

export interface FatooraClientOptions {
  readonly environment: FatooraEnvironment;
  /** Required for `local-simulator`; for ZATCA environments an https override of the official URL. */
  readonly baseUrl?: string;
  /** Accept-Language: the language of Fatoora's messages. */
  readonly language?: 'en' | 'ar';
  /** Deadline of one call, headers and body included. Default 30 s. */
  readonly timeoutMs?: number;
  readonly logger?: Logger;
  /** Replaces the global fetch (e.g. a proxy-aware one). */
  readonly fetch?: FetchLike;
  readonly now?: () => Date;
  /** The most of an answer's body that is read (default MAX_ANSWER_BYTES, transport.ts). */
  readonly maxAnswerBytes?: number;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

/** The body of compliance checks, reporting and clearance (reference §9 "Body fields"). */
export interface InvoiceSubmission {
  /** The document's invoice hash (reference §1), base64. */
  readonly invoiceHash: string;
  /** The document's cbc:UUID. */
  readonly uuid: string;
  /** The exact signed XML bytes (a string is taken as its UTF-8 bytes). Sent as base64. */
  readonly invoice: Uint8Array | string;
}

export interface CsrRequest {
  /** The CSR: PEM text, or already base64 of the PEM text (the form Fatoora wants, reference §8). */
  readonly csr: string;
  /** The one-time password from the Fatoora portal (6 digits). */
  readonly otp: Secret;
}

export interface FatooraClient {
  readonly environment: FatooraEnvironment;
  readonly baseUrl: string;
  /**
   * Whether Fatoora's host answers at all: a HEAD of the base URL through the same HTTP stack as every call (so the
   * OS proxy and trust store apply in the desktop app). Any HTTP status proves it reachable; no credentials sent.
   */
  probe(options?: CallOptions): Promise<boolean>;
  /** #1 POST /compliance with OTP → compliance CSID. */
  requestComplianceCsid(request: CsrRequest, options?: CallOptions): Promise<FatooraOutcome<IssuedCsid>>;
  /** #2 POST /compliance/invoices, authenticated with the compliance CSID. */
  checkCompliance(credentials: FatooraCredentials, submission: InvoiceSubmission, options?: CallOptions): Promise<FatooraOutcome<InvoiceResult>>;
  /** #3 POST /production/csids with the compliance CSID's requestID (default: `credentials.requestId`). */
  requestProductionCsid(
    credentials: FatooraCredentials,
    options?: CallOptions & { readonly complianceRequestId?: string },
  ): Promise<FatooraOutcome<IssuedCsid>>;
  /** #4 PATCH /production/csids with a new CSR and OTP, authenticated with the current production CSID. */
  renewProductionCsid(credentials: FatooraCredentials, request: CsrRequest, options?: CallOptions): Promise<FatooraOutcome<IssuedCsid>>;
  /** #5 POST /invoices/reporting/single (simplified documents), authenticated with the production CSID. */
  reportInvoice(credentials: FatooraCredentials, submission: InvoiceSubmission, options?: CallOptions): Promise<FatooraOutcome<InvoiceResult>>;
  /** #6 POST /invoices/clearance/single (standard documents), authenticated with the production CSID. */
  clearInvoice(credentials: FatooraCredentials, submission: InvoiceSubmission, options?: CallOptions): Promise<FatooraOutcome<InvoiceResult>>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function csrForApi(csr: string): string {
  if (typeof csr !== 'string' || csr.trim() === '') throw new Error('csr: must be the CSR as PEM text or base64 of the PEM text');
  const text = csr.trim();
  if (text.startsWith('-----BEGIN')) {
    if (!text.includes('CERTIFICATE REQUEST-----')) throw new Error('csr: PEM text must be a CERTIFICATE REQUEST');
    return Buffer.from(`${text}\n`, 'utf8').toString('base64');
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || !Buffer.from(text, 'base64').toString('latin1').includes('CERTIFICATE REQUEST-----')) {
    throw new Error('csr: base64 form must decode to the PEM text of a CERTIFICATE REQUEST (reference §8)');
  }
  return text;
}

function otpHeader(otp: Secret): string {
  if (!(otp instanceof Secret)) throw new Error('otp: must be a Secret');
  const value = otp.reveal();
  if (!/^\d{6}$/.test(value)) throw new Error('otp: must be the 6 digits given by the Fatoora portal');
  return value;
}

function submissionBody(s: InvoiceSubmission): string {
  if (typeof s !== 'object' || s === null) throw new Error('submission: must be an object');
  if (typeof s.invoiceHash !== 'string' || !/^[A-Za-z0-9+/]{43}=$/.test(s.invoiceHash)) {
    throw new Error('submission.invoiceHash: must be the base64 SHA-256 invoice hash (44 characters, reference §1)');
  }
  if (typeof s.uuid !== 'string' || !UUID.test(s.uuid)) throw new Error('submission.uuid: must be the document cbc:UUID');
  const bytes = typeof s.invoice === 'string' ? Buffer.from(s.invoice, 'utf8') : s.invoice instanceof Uint8Array ? s.invoice : undefined;
  if (!bytes || bytes.length === 0) throw new Error('submission.invoice: must be the signed XML (bytes or text)');
  return JSON.stringify({
    invoiceHash: s.invoiceHash,
    uuid: s.uuid,
    invoice: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  });
}

export function createFatooraClient(options: FatooraClientOptions): FatooraClient {
  const environment = options.environment;
  const baseUrl = resolveBaseUrl(environment, options.baseUrl);
  const language = options.language ?? 'en';
  if (language !== 'en' && language !== 'ar') throw new Error('fatoora client: language must be en or ar');
  const defaultTimeout = options.timeoutMs ?? 30_000;
  if (!Number.isInteger(defaultTimeout) || defaultTimeout <= 0) throw new Error('fatoora client: timeoutMs must be a positive integer');
  const log = (options.logger ?? silentLogger).child({ component: 'fatoora-client', environment });
  const now = options.now ?? (() => new Date());
  const fetchImpl = options.fetch ?? fetch;
  const maxAnswerBytes = options.maxAnswerBytes ?? MAX_ANSWER_BYTES;
  if (!Number.isInteger(maxAnswerBytes) || maxAnswerBytes <= 0) throw new Error('fatoora client: maxAnswerBytes must be a positive integer');

  function bind(credentials: FatooraCredentials): FatooraCredentials {
    checkCredentials(credentials);
    if (credentials.environment !== environment) throw new CredentialEnvironmentError(credentials.environment, environment);
    return credentials;
  }

  async function send(
    endpoint: FatooraEndpoint,
    method: 'POST' | 'PATCH',
    path: string,
    body: string,
    auth: { credentials?: FatooraCredentials; otp?: string; clearanceStatus?: '0' | '1' },
    call: CallOptions | undefined,
  ): Promise<HttpExchange> {
    const headers: Record<string, string> = {
      'Accept-Version': 'V2',
      'Accept-Language': language,
      Accept: 'application/json',
      'Content-Type': 'application/json',
    };
    if (auth.credentials) headers.Authorization = basicAuthorization(auth.credentials);
    if (auth.otp !== undefined) headers.OTP = auth.otp;
    if (auth.clearanceStatus !== undefined) headers['Clearance-Status'] = auth.clearanceStatus;
    const timeoutMs = call?.timeoutMs ?? defaultTimeout;
    log.info('fatoora.request', { endpoint, method, path, bytes: body.length });
    const started = performance.now();
    const result = await exchange(
      { url: `${baseUrl}${path}`, method, headers, body, timeoutMs, maxAnswerBytes, ...(call?.signal ? { signal: call.signal } : {}) },
      fetchImpl,
    );
    const durationMs = Math.round(performance.now() - started);
    if (result.ok) log.info('fatoora.response', { endpoint, httpStatus: result.status, durationMs });
    else log.warn('fatoora.exchange-failed', { endpoint, failure: result.failure, detail: result.detail, durationMs });
    return result;
  }

  function report<T>(endpoint: FatooraEndpoint, outcome: FatooraOutcome<T>): FatooraOutcome<T> {
    const codes =
      'errors' in outcome
        ? outcome.errors.map((e) => e.code ?? '?')
        : outcome.kind === 'accepted-with-warnings'
          ? outcome.warnings.map((w) => w.code ?? '?')
          : [];
    const level = outcome.kind === 'accepted' || outcome.kind === 'accepted-with-warnings' || outcome.kind === 'already-done' ? 'info' : 'warn';
    log[level]('fatoora.outcome', {
      endpoint,
      outcome: outcome.kind,
      httpStatus: 'httpStatus' in outcome ? outcome.httpStatus : undefined,
      reason: 'reason' in outcome ? outcome.reason : undefined,
      retryAfterMs: outcome.kind === 'retryable' ? outcome.retryAfterMs : undefined,
      codes,
    });
    return outcome;
  }

  const csidCall = async (
    endpoint: FatooraEndpoint,
    method: 'POST' | 'PATCH',
    path: string,
    body: string,
    auth: Parameters<typeof send>[4],
    call?: CallOptions,
  ) => report(endpoint, classifyCsid(endpoint, await send(endpoint, method, path, body, auth, call), environment, now()));

  const invoiceCall = async (
    endpoint: FatooraEndpoint,
    path: string,
    credentials: FatooraCredentials,
    submission: InvoiceSubmission,
    clearanceStatus: '0' | '1' | undefined,
    call?: CallOptions,
  ) => {
    const auth = { credentials: bind(credentials), ...(clearanceStatus ? { clearanceStatus } : {}) };
    const body = submissionBody(submission);
    return report(endpoint, classifyInvoice(endpoint, await send(endpoint, 'POST', path, body, auth, call), now()));
  };

  return {
    environment,
    baseUrl,
    probe: async (call) => {
      const result = await exchange(
        { url: baseUrl, method: 'HEAD', headers: {}, body: '', timeoutMs: call?.timeoutMs ?? 5000, ...(call?.signal ? { signal: call.signal } : {}) },
        fetchImpl,
      );
      return result.ok;
    },
    // every method is async, so bad input rejects the returned promise instead of throwing synchronously
    requestComplianceCsid: async (request, call) => {
      const body = JSON.stringify({ csr: csrForApi(request.csr) });
      return csidCall('compliance-csid', 'POST', '/compliance', body, { otp: otpHeader(request.otp) }, call);
    },
    checkCompliance: (credentials, submission, call) => invoiceCall('compliance-check', '/compliance/invoices', credentials, submission, undefined, call),
    requestProductionCsid: async (credentials, call) => {
      const bound = bind(credentials);
      const requestId = call?.complianceRequestId ?? bound.requestId;
      if (requestId === undefined || !/^\d+$/.test(requestId)) {
        throw new Error('complianceRequestId: the compliance CSID requestID (digits) is required; pass it or keep it in credentials.requestId');
      }
      return csidCall('production-csid', 'POST', '/production/csids', JSON.stringify({ compliance_request_id: requestId }), { credentials: bound }, call);
    },
    renewProductionCsid: async (credentials, request, call) => {
      const auth = { credentials: bind(credentials), otp: otpHeader(request.otp) };
      return csidCall('renew-production-csid', 'PATCH', '/production/csids', JSON.stringify({ csr: csrForApi(request.csr) }), auth, call);
    },
    // Clearance-Status 0 for reporting as wes4m and Saleh7 send it; 1 for clearance (reference §9 table).
    reportInvoice: (credentials, submission, call) => invoiceCall('reporting', '/invoices/reporting/single', credentials, submission, '0', call),
    clearInvoice: (credentials, submission, call) => invoiceCall('clearance', '/invoices/clearance/single', credentials, submission, '1', call),
  };
}
