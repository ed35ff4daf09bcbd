// SPDX-License-Identifier: UNLICENSED
// One clock for the document: the issue instant is taken once and written, in Asia/Riyadh local time, into
// IssueDate/IssueTime, the SigningTime and QR tag 3 alike (reference §4, §6, §11: mixing UTC and KSA time breaks
// BR-KSA-04 between 00:00 and 03:00 and the QR time check).
const FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Riyadh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export interface RiyadhDateTime {
  /** YYYY-MM-DD */
  readonly issueDate: string;
  /** HH:MM:SS, no zone, no fractions (BR-KSA-70) */
  readonly issueTime: string;
}

export function riyadhDateTime(instant: Date): RiyadhDateTime {
  const parts = Object.fromEntries(FORMAT.formatToParts(instant).map((p) => [p.type, p.value]));
  return { issueDate: `${parts.year}-${parts.month}-${parts.day}`, issueTime: `${parts.hour}:${parts.minute}:${parts.second}` };
}
