// SPDX-License-Identifier: UNLICENSED
// The six Fatoora endpoints (reference §9 table), as the simulator answers them. Each handler gets the parsed
// request and returns a status and a body in ZATCA's shapes; the HTTP plumbing and fault injection live in
// server.ts. Authentication decisions (reference §9, §10):
// - /compliance takes an OTP, no Basic auth;
// - /compliance/invoices and POST /production/csids take a compliance CSID; a production CSID gets 401;
// - PATCH /production/csids takes the current production CSID; a compliance CSID gets 401 (reference §10 step 5,
//   DISC 3034, §12 item 22);
// - reporting and clearance take a production CSID. A compliance CSID gets 401 as well: the real gateway refuses
//   the compliance certificate for the production endpoints at authentication (the same rule DISC 3034 reports
//   for renewal), before any document check — so 401, not a validationResults error. That is also what clients
//   must handle anyway: "fix credentials, resend" (§9 status table).
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { parseCsr, type ParsedCsr } from '../../app/csr/index';
import type { Logger } from '../log/logger';
import type { FatooraEndpoint } from '../fatoora/outcome';
import type { SimulatorAuthority } from './authority';
import type { SimulatorClock } from './clock';
import { secretDigest, type AuthFailure, type CsidRecord, type CsidRegistry } from './csidRegistry';
import { checkCsrField } from './csrChecks';
import { checkSubmission, complianceStepOf, readSubmissionBody, requiredComplianceSteps, type InvoiceValidator } from './invoiceChecks';
import type { OtpController } from './otps';
import type { SubmissionLog } from './submissionLog';
import {
  clearanceDuplicate,
  errorsBody,
  INVALID_OTP,
  reportingDuplicate,
  unauthorizedBody,
  wrongEndpoint,
  type ClearanceDuplicateShape,
  type ReportingDuplicateShape,
} from './realShapes';
import { codeMessageBody, csidBody, httpStatusOf, notCompliantBody, validationResults, type ZatcaValidationResults } from './zatcaShapes';
import type { ZatcaEnvironment } from './zatcaEnvironment';

export interface SimulatorSettings {
  /** PATCH /production/csids: answer 428 with a renewed compliance CSID (reference §10 step 5), or 200 at once. */
  renewal: 'compliance-required' | 'direct';
  /**
   * When false, clearance answers 303 "Clearance is deactivated" (as it does for `Clearance-Status: 0`); when true,
   * a standard document sent to reporting answers 303 (reference §9.1).
   */
  clearanceEnabled: boolean;
  /** 409 / 208 window for an already reported / cleared hash (reference §9: checked within 24 h). */
  duplicateWindowMs: number;
  /** Which year's answer a duplicate gets (reference §9.1): reporting 409 of 2024/2025/2026, clearance 208 or 409. */
  duplicateShapes: { reporting: ReportingDuplicateShape; clearance: ClearanceDuplicateShape };
  /**
   * `simulation` enforces everything. `developer-portal` behaves like ZATCA's developer portal (reference §9
   * "Sandbox specifics"): every CSID answer carries requestID 1234567890123, POST /production/csids does not check
   * the compliance steps, and every caller gets one shared production certificate.
   */
  mode: 'simulation' | 'developer-portal';
  /** A refused CSR's NOT_COMPLIANT `errors`: {code, message} objects, or the bare strings also seen (reference §9.1). */
  csrErrors: 'objects' | 'strings';
  /** Validity of issued certificates. */
  certificateValidityDays: { compliance: number; production: number };
}

export interface EndpointContext {
  readonly clock: SimulatorClock;
  readonly otps: OtpController;
  readonly registry: CsidRegistry;
  readonly submissions: SubmissionLog;
  readonly authority: SimulatorAuthority;
  readonly validate: InvoiceValidator;
  readonly settings: SimulatorSettings;
  readonly log: Logger;
  /** Developer-portal mode: the one production certificate every caller gets, once issued. */
  readonly developerPortal: { sharedProduction?: { readonly token: string; readonly secret: string } };
}

/** A refused CSR in the error style the settings ask for. */
function csrRefused(ctx: EndpointContext, body: unknown): EndpointResponse {
  const b = body as { errors?: unknown };
  if (ctx.settings.csrErrors === 'strings' && Array.isArray(b.errors)) {
    return { status: 400, body: { ...b, errors: b.errors.map((e: { message?: string }) => e.message ?? String(e)) } };
  }
  return { status: 400, body };
}

/** The requestID the developer portal answers every CSID call with (reference §9 "Sandbox specifics"). */
export const DEVELOPER_PORTAL_REQUEST_ID = '1234567890123';

/** A CSID answer, with the developer portal's fixed requestID in that mode. */
function issuedBody(ctx: EndpointContext, record: CsidRecord, secret: string, disposition: 'ISSUED' | 'NOT_COMPLIANT'): Record<string, unknown> {
  const requestId = ctx.settings.mode === 'developer-portal' ? DEVELOPER_PORTAL_REQUEST_ID : record.requestId;
  return csidBody(requestId, record.binarySecurityToken, secret, disposition);
}

export interface EndpointRequest {
  readonly environment: ZatcaEnvironment;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

export interface EndpointResponse {
  readonly status: number;
  readonly body?: unknown;
  /** A body that is not JSON (the text/plain 406, reference §9.1); `body` is then left out. */
  readonly raw?: { readonly type: string; readonly text: string };
  readonly headers?: Readonly<Record<string, string>>;
}

export type EndpointHandler = (ctx: EndpointContext, req: EndpointRequest) => Promise<EndpointResponse>;

const DAY_MS = 24 * 3600 * 1000;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function unauthorized(ctx: EndpointContext, req: EndpointRequest, why: AuthFailure | 'wrong-csid-kind'): EndpointResponse {
  ctx.log.info('simulator.auth-refused', { environment: req.environment, reason: why });
  return { status: 401, body: unauthorizedBody(ctx.clock.now()) };
}

function authenticate(ctx: EndpointContext, req: EndpointRequest, kind: CsidRecord['kind'], allowExpired = false): CsidRecord | EndpointResponse {
  const result = ctx.registry.authenticate(header(req.headers, 'authorization'), req.environment, ctx.clock.now(), { allowExpired });
  if (typeof result === 'string') return unauthorized(ctx, req, result);
  if (result.kind !== kind) return unauthorized(ctx, req, 'wrong-csid-kind');
  return result;
}

const isResponse = (v: CsidRecord | EndpointResponse): v is EndpointResponse => 'status' in v;

/**
 * OTP header check without using it up: 400 Missing-OTP / Invalid-OTP in the errors-list shape. Wrong, expired and
 * used OTPs all get the same words, as on the real service (reference §9.1); only the log tells them apart.
 */
function otpProblem(ctx: EndpointContext, req: EndpointRequest): { response?: EndpointResponse; otp?: string } {
  const otp = header(req.headers, 'otp');
  if (otp === undefined || otp.trim() === '') return { response: { status: 400, body: errorsBody('Missing-OTP', 'OTP is required field') } };
  const state = ctx.otps.check(otp.trim(), req.environment);
  if (state === 'ok') return { otp: otp.trim() };
  ctx.log.info('simulator.otp-refused', { environment: req.environment, reason: state });
  return { response: { status: 400, body: errorsBody('Invalid-OTP', INVALID_OTP) } };
}

function issueCsid(
  ctx: EndpointContext,
  environment: ZatcaEnvironment,
  kind: CsidRecord['kind'],
  csr: ParsedCsr,
  csrPem: string,
  links: Pick<CsidRecord, 'renewalOf' | 'issuedFrom'> = {},
): { record: CsidRecord; secret: string } {
  const now = ctx.clock.now();
  // a few minutes of slack so a device clock slightly behind ours can use the certificate at once
  const notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000 - 5 * 60 * 1000);
  const notAfter = new Date(now.getTime() + ctx.settings.certificateValidityDays[kind] * DAY_MS);
  const cert = ctx.authority.issue(csr, notBefore, notAfter);
  const secret = randomBytes(32).toString('base64');
  const record: CsidRecord = {
    kind,
    environment,
    requestId: ctx.registry.nextRequestId(now),
    binarySecurityToken: Buffer.from(cert.base64Der, 'latin1').toString('base64'),
    secretSha256: secretDigest(secret),
    certificate: cert.base64Der,
    serialNumber: cert.serialDecimal,
    vatNumber: cert.zatca.vatNumber ?? '',
    invoiceTypes: cert.zatca.invoiceTypes ?? '',
    egsSerial: cert.zatca.egsSerial ?? '',
    commonName: cert.subject.CN ?? '',
    csrPem,
    issuedAt: now.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    complianceSteps: [],
    ...links,
  };
  ctx.registry.add(record);
  ctx.log.info('simulator.csid-issued', {
    environment,
    kind,
    requestId: record.requestId,
    serialNumber: record.serialNumber,
    invoiceTypes: record.invoiceTypes,
  });
  return { record, secret };
}

/** #1 POST /compliance */
export const complianceCsid: EndpointHandler = async (ctx, req) => {
  const otp = otpProblem(ctx, req);
  if (otp.response) return otp.response;
  const checked = checkCsrField(req.body, req.environment);
  if (!checked.ok) return csrRefused(ctx, checked.body);
  ctx.otps.consume(otp.otp!);
  const { record, secret } = issueCsid(ctx, req.environment, 'compliance', checked.csr, checked.pem);
  return { status: 200, body: issuedBody(ctx, record, secret, 'ISSUED') };
};

function documentStatusFields(
  endpoint: 'compliance-check' | 'reporting' | 'clearance',
  results: ZatcaValidationResults,
  profile: string | undefined,
  clearedInvoice?: string,
) {
  const ok = results.status !== 'ERROR';
  const reporting = endpoint === 'reporting' || (endpoint === 'compliance-check' && profile !== 'standard');
  return {
    validationResults: results,
    reportingStatus: reporting ? (ok ? 'REPORTED' : 'NOT_REPORTED') : null,
    clearanceStatus: reporting ? null : ok ? 'CLEARED' : 'NOT_CLEARED',
    ...(endpoint === 'clearance' ? { clearedInvoice: ok ? (clearedInvoice ?? null) : null } : {}),
    qrSellertStatus: null,
    qrBuyertStatus: null,
  };
}

/** Shared by compliance checks, reporting and clearance. */
async function handleDocument(ctx: EndpointContext, req: EndpointRequest, endpoint: 'compliance-check' | 'reporting' | 'clearance'): Promise<EndpointResponse> {
  const csid = authenticate(ctx, req, endpoint === 'compliance-check' ? 'compliance' : 'production');
  if (isResponse(csid)) return csid;
  // clearance deactivated for the taxpayer, or the caller says so with Clearance-Status: 0 (reference §9.1)
  if (endpoint === 'clearance' && (!ctx.settings.clearanceEnabled || header(req.headers, 'clearance-status') === '0')) return wrongEndpoint('clearance');
  const body = readSubmissionBody(req.body);
  if (Array.isArray(body)) return { status: 400, body: documentStatusFields(endpoint, validationResults(body), undefined) };

  const now = ctx.clock.now();
  if (endpoint !== 'compliance-check') {
    const previous = ctx.submissions.lastAccepted(endpoint, req.environment, body.invoiceHash);
    if (previous && now.getTime() - Date.parse(previous.at) < ctx.settings.duplicateWindowMs) {
      // 409 reporting / 208 clearance for a hash already accepted within the window, in the shape of the year asked
      // for (reference §9.1)
      ctx.log.info('simulator.duplicate', { environment: req.environment, endpoint, requestId: csid.requestId });
      const shapes = ctx.settings.duplicateShapes;
      return endpoint === 'reporting' ? reportingDuplicate(shapes.reporting) : clearanceDuplicate(shapes.clearance, previous.invoice);
    }
  }

  const { results, verification } = await checkSubmission(endpoint, body, csid, ctx.validate, now);
  // a standard document reported while clearance is on is sent to clearance, not judged (reference §9.1)
  if (endpoint === 'reporting' && verification?.profile === 'standard' && ctx.settings.clearanceEnabled) return wrongEndpoint('reporting');
  const status = httpStatusOf(results);
  if (endpoint === 'compliance-check' && status !== 400) {
    const step = complianceStepOf(verification);
    if (step && !csid.complianceSteps.includes(step)) ctx.registry.update(csid.requestId, (r) => ({ ...r, complianceSteps: [...r.complianceSteps, step] }));
  }
  ctx.submissions.add({
    endpoint,
    environment: req.environment,
    at: now.toISOString(),
    httpStatus: status,
    validationStatus: results.status,
    invoiceHash: body.invoiceHash,
    uuid: body.uuid,
    csidRequestId: csid.requestId,
    codes: [...results.errorMessages, ...results.warningMessages].map((m) => m.code),
    invoice: body.invoice,
    ...(verification?.number !== undefined ? { number: verification.number } : {}),
    ...(verification?.icv !== undefined ? { icv: verification.icv } : {}),
    ...(verification?.kind !== undefined ? { documentKind: verification.kind } : {}),
    ...(verification?.profile !== undefined ? { profile: verification.profile } : {}),
  });
  // Clearance: the simulator returns the submitted XML as the cleared invoice (the real platform adds its stamp).
  return { status, body: documentStatusFields(endpoint, results, verification?.profile, body.invoice) };
}

/** #2 POST /compliance/invoices */
export const complianceCheck: EndpointHandler = (ctx, req) => handleDocument(ctx, req, 'compliance-check');
/** #5 POST /invoices/reporting/single */
export const reporting: EndpointHandler = (ctx, req) => handleDocument(ctx, req, 'reporting');
/** #6 POST /invoices/clearance/single */
export const clearance: EndpointHandler = (ctx, req) => handleDocument(ctx, req, 'clearance');

/** #3 POST /production/csids */
export const productionCsid: EndpointHandler = async (ctx, req) => {
  const csid = authenticate(ctx, req, 'compliance');
  if (isResponse(csid)) return csid;
  const raw = typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>).compliance_request_id : undefined;
  const requestId = typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : typeof raw === 'string' ? raw.trim() : undefined;
  if (requestId === undefined || requestId === '') return { status: 400, body: codeMessageBody('Missing-RequestID', 'compliance_request_id is missing') };
  if (ctx.settings.mode === 'developer-portal') return sharedProductionCsid(ctx, req, csid);
  if (requestId !== csid.requestId) {
    return { status: 400, body: codeMessageBody('Invalid-RequestID', 'compliance_request_id is not the requestID of the authenticating compliance CSID') };
  }
  const missing = requiredComplianceSteps(csid.invoiceTypes).filter((s) => !csid.complianceSteps.includes(s));
  if (missing.length > 0) {
    // wording of the real answer (ERPGulf/zatca_erpgulf #5, reference §9)
    return {
      status: 400,
      body: codeMessageBody('Missing-ComplianceSteps', `The compliance certificate is not done with the following compliance steps yet [${missing.join(',')}]`),
    };
  }
  const csr = parseCsr(csid.csrPem);
  const { record, secret } = issueCsid(ctx, req.environment, 'production', csr, csid.csrPem, { issuedFrom: csid.requestId });
  return { status: 200, body: issuedBody(ctx, record, secret, 'ISSUED') };
};

/**
 * Developer-portal mode: no compliance steps are checked, and every caller gets the same production certificate —
 * issued from the first caller's CSR, handed to everyone after (reference §9 "Sandbox specifics").
 */
function sharedProductionCsid(ctx: EndpointContext, req: EndpointRequest, csid: CsidRecord): EndpointResponse {
  let shared = ctx.developerPortal.sharedProduction;
  if (!shared) {
    const { record, secret } = issueCsid(ctx, req.environment, 'production', parseCsr(csid.csrPem), csid.csrPem, { issuedFrom: csid.requestId });
    shared = ctx.developerPortal.sharedProduction = { token: record.binarySecurityToken, secret };
  }
  return { status: 200, body: csidBody(DEVELOPER_PORTAL_REQUEST_ID, shared.token, shared.secret, 'ISSUED') };
}

/** #4 PATCH /production/csids — renewal with a new CSR and OTP, authenticated by the current production CSID. */
export const renewProductionCsid: EndpointHandler = async (ctx, req) => {
  // an expired production CSID may still renew itself (DISC 524 "how to renew expired PCSID")
  const current = authenticate(ctx, req, 'production', true);
  if (isResponse(current)) return current;
  const otp = otpProblem(ctx, req);
  if (otp.response) return otp.response;
  const checked = checkCsrField(req.body, req.environment);
  if (!checked.ok) return csrRefused(ctx, checked.body);
  if (checked.csr.zatca.vatNumber !== current.vatNumber) {
    return {
      status: 400,
      body: notCompliantBody([{ code: 'Invalid-CSR', message: 'the CSR VAT number differs from the VAT number of the CSID being renewed' }]),
    };
  }
  ctx.otps.consume(otp.otp!);
  if (ctx.settings.renewal === 'direct') {
    const { record, secret } = issueCsid(ctx, req.environment, 'production', checked.csr, checked.pem, { issuedFrom: current.requestId });
    return { status: 200, body: issuedBody(ctx, record, secret, 'ISSUED') };
  }
  // 428: a renewed compliance CSID; the caller runs the compliance checks with it, then POST /production/csids
  const { record, secret } = issueCsid(ctx, req.environment, 'compliance', checked.csr, checked.pem, { renewalOf: current.requestId });
  return { status: 428, body: issuedBody(ctx, record, secret, 'NOT_COMPLIANT') };
};

/** Method + path (after the environment prefix) → endpoint. */
export const ROUTES: readonly { readonly method: string; readonly path: string; readonly endpoint: FatooraEndpoint; readonly handler: EndpointHandler }[] = [
  { method: 'POST', path: '/compliance', endpoint: 'compliance-csid', handler: complianceCsid },
  { method: 'POST', path: '/compliance/invoices', endpoint: 'compliance-check', handler: complianceCheck },
  { method: 'POST', path: '/production/csids', endpoint: 'production-csid', handler: productionCsid },
  { method: 'PATCH', path: '/production/csids', endpoint: 'renew-production-csid', handler: renewProductionCsid },
  { method: 'POST', path: '/invoices/reporting/single', endpoint: 'reporting', handler: reporting },
  { method: 'POST', path: '/invoices/clearance/single', endpoint: 'clearance', handler: clearance },
];
