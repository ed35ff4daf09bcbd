// SPDX-License-Identifier: UNLICENSED
// The answers the real Fatoora sends outside its documented table, as captured in the field (reference §9.1; each
// shape is a fixture in test/fixtures/fatooraAnswers.ts, and test/fatoora/simulatorShapes.test.ts checks that the
// simulator's answers match them): the duplicate answers of each year, the 303s, the Spring 401, the text/plain 406,
// the CSID error shapes, and the error bodies of the 5xx a gateway or the service itself sends.
import { XSD_VALID_MESSAGE } from './invoiceChecks';
import { validationResults, zatcaMessage } from './zatcaShapes';

/** How a reporting duplicate is answered: the 409 body of each year (reference §9.1). */
export type ReportingDuplicateShape = '2024' | '2025' | '2026';
/** How a clearance duplicate is answered: 208 with the cleared invoice (today), or the 409 of early 2024. */
export type ClearanceDuplicateShape = '208' | '409-2024';

const PREVIOUSLY_SUBMITTED = 'Invoice Hash Previously Submitted';

export function reportingDuplicate(shape: ReportingDuplicateShape): { status: 409; body: unknown } {
  if (shape === '2026') return { status: 409, body: { message: PREVIOUSLY_SUBMITTED, reportingStatus: 'REPORTED_SUCCESSFULLY_EARLIER' } };
  const text = shape === '2024' ? PREVIOUSLY_SUBMITTED : 'Invoice was already Reported successfully earlier.';
  const messages = [...(shape === '2024' ? [XSD_VALID_MESSAGE] : []), zatcaMessage('ERROR', 'Invoice-Errors', 'Duplicate-Invoice', text)];
  return {
    status: 409,
    body: {
      validationResults: validationResults(messages),
      reportingStatus: 'NOT_REPORTED',
      ...(shape === '2024' ? { clearanceStatus: null, qrSellertStatus: null, qrBuyertStatus: null } : {}),
    },
  };
}

export function clearanceDuplicate(shape: ClearanceDuplicateShape, clearedInvoice: string): { status: 208 | 409; body: unknown } {
  if (shape === '409-2024') {
    const results = validationResults([XSD_VALID_MESSAGE, zatcaMessage('ERROR', 'Invoice-Errors', 'Duplicate-Invoice', PREVIOUSLY_SUBMITTED)]);
    return { status: 409, body: { validationResults: results, clearanceStatus: 'NOT_CLEARED', clearedInvoice: null } };
  }
  const results = validationResults([XSD_VALID_MESSAGE, zatcaMessage('WARNING', 'Invoice-Warning', 'Duplicate-Invoice', 'Invoice Hash Previously submitted.')]);
  return { status: 208, body: { validationResults: results, clearanceStatus: 'CLEARED', clearedInvoice } };
}

/** Clearance while clearance is deactivated (verbatim), or a standard document to reporting while it is on. */
export function wrongEndpoint(endpoint: 'reporting' | 'clearance'): { status: 303; body: unknown } {
  const message =
    endpoint === 'clearance'
      ? 'Clearance is deactivated. Please use the /invoices/reporting/single endpoint instead.'
      : // only the status of this one was captured; the wording mirrors clearance's
        'Clearance is activated. Please use the /invoices/clearance/single endpoint instead.';
  return { status: 303, body: { message } };
}

/** The gateway's Spring error body for a refused Authorization. */
export function unauthorizedBody(now: Date): unknown {
  return { timestamp: now.getTime(), status: 401, error: 'Unauthorized', message: '' };
}

/** Accept-Version missing or wrong: text/plain. */
export const VERSION_NOT_SUPPORTED = 'This Version is not supported or not provided in the header.';

/** The CSID calls' errors-list shape. */
export const errorsBody = (code: string, message: string): unknown => ({ errors: [{ code, message }] });

/** Every OTP problem — wrong, expired, already used — says only this. */
export const INVALID_OTP = 'The provided OTP is invalid';

const GATEWAY_TEXT: Record<number, string> = { 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out' };

/** An nginx error page, as a 502/503/504 comes from the gateway. */
export function nginxPage(status: number): string {
  const title = `${status} ${GATEWAY_TEXT[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** A JSON error of the service itself: the CSID calls' "System failed…", the invoice calls' HTTP-Errors. */
export function serviceErrorBody(status: number, csidCall: boolean): unknown {
  if (csidCall && status === 500) return { code: 'Invalid-Request', message: 'System failed to process your request' };
  return { category: 'HTTP-Errors', code: String(status), message: status === 429 ? 'Too Many Requests' : 'Something went wrong' };
}
