// SPDX-License-Identifier: UNLICENSED
// Whether an answer's body says the document is recorded. An HTTP status alone never does: a captive portal, a
// proxy's error page or a broken gateway answers 200 with HTML, an empty body or cut-off JSON, and a document marked
// reported on such an answer would leave the queue without ever reaching ZATCA. So a document counts as recorded
// only when the body is JSON that says so (reference §9 "Response shapes", §9.1):
// - reporting: `reportingStatus` (or the swagger shape's `status`) REPORTED;
// - clearance: `clearanceStatus` (or `status`) CLEARED;
// - a duplicate (409 reporting, 208 clearance): REPORTED / REPORTED_SUCCESSFULLY_EARLIER / CLEARED, or a message
//   of category Duplicate-Invoice or saying the hash was previously submitted / already reported — the shapes
//   ZATCA has sent over the years, some with NOT_REPORTED beside the duplicate message.
// Anything else is "unconfirmed": the request may have arrived, so the caller resends the identical payload.
import type { FatooraEndpoint } from './outcome';
import { readMessageList, readString, readValidationResults, type FatooraMessage, type ParsedBody } from './messages';

export type RecordedStatus =
  /** The body says this request recorded the document. */
  | 'recorded'
  /** The body says an earlier request recorded it. */
  | 'duplicate'
  /** No JSON, or JSON that does not say the document is recorded. */
  | 'unconfirmed';

const DUPLICATE_TEXT = /previously submitted|already (been )?(reported|cleared)|reported successfully earlier/i;

/** A message that says this invoice hash was submitted before (any year's wording, reference §9.1). */
export function isDuplicateMessage(m: FatooraMessage): boolean {
  return /^duplicate[-_ ]invoice$/i.test(m.category ?? '') || DUPLICATE_TEXT.test(m.message);
}

function messagesOf(json: unknown): FatooraMessage[] {
  const v = readValidationResults(json);
  const top = readMessageList(typeof json === 'object' && json !== null && 'message' in json ? json : undefined);
  return [...(v ? [...v.errorMessages, ...v.warningMessages, ...v.infoMessages] : []), ...top];
}

/** What the body of a reporting or clearance answer says about the document. */
export function recordedStatus(endpoint: 'reporting' | 'clearance', body: ParsedBody): RecordedStatus {
  const json = body.json;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return 'unconfirmed';
  const key = endpoint === 'reporting' ? 'reportingStatus' : 'clearanceStatus';
  const status = (readString(json, key) ?? readString(json, 'status'))?.toUpperCase();
  if (status === (endpoint === 'reporting' ? 'REPORTED' : 'CLEARED')) return 'recorded';
  if (status === 'REPORTED_SUCCESSFULLY_EARLIER') return 'duplicate';
  return messagesOf(json).some(isDuplicateMessage) ? 'duplicate' : 'unconfirmed';
}

/** A short, scrubbed account of why a body does not confirm the document, for the outcome's detail. */
export function unconfirmedDetail(httpStatus: number, endpoint: FatooraEndpoint, body: ParsedBody): string {
  const key = endpoint === 'reporting' ? 'reportingStatus' : endpoint === 'clearance' ? 'clearanceStatus' : 'validationResults.status';
  if (body.json === undefined) return `HTTP ${httpStatus} without a readable JSON body (${body.summary}): not confirmed as recorded`;
  const said = key === 'validationResults.status' ? readValidationResults(body.json)?.status : (readString(body.json, key) ?? readString(body.json, 'status'));
  return `HTTP ${httpStatus} whose body does not say the document is recorded (${key}: ${said === undefined ? 'absent' : JSON.stringify(said.slice(0, 40))})`;
}
