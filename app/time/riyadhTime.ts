// SPDX-License-Identifier: UNLICENSED
// Riyadh local time, the one clock of every document. The issue instant is written, in Asia/Riyadh local time, into
// IssueDate/IssueTime, the SigningTime and QR tag 3 alike (reference §4, §6), and the validator compares IssueDate
// with its own date in Riyadh (BR-KSA-04): mixing UTC and KSA time fails between 00:00 and 03:00 KSA (reference §11).
//
// KSA time is UTC+3 all year, with no daylight saving (reference §11 records this as general knowledge, not as
// something ZATCA states), so a fixed offset is exact for every instant a terminal can issue at: no time-zone data,
// no ICU, the same answer in Node, Electron and any JavaScript engine. The test holds it against Intl's Asia/Riyadh.

/** Riyadh is three hours ahead of UTC, all year. */
export const RIYADH_OFFSET_MS = 3 * 60 * 60 * 1000;

export interface RiyadhDateTime {
  /** YYYY-MM-DD */
  readonly issueDate: string;
  /** HH:MM:SS, no zone, no fractions (BR-KSA-70) */
  readonly issueTime: string;
}

/** The Riyadh wall clock at `instant`, as ISO text ("2026-11-24T01:30:05.789Z" with the Z meaning nothing). */
function riyadhIso(instant: Date): string {
  return new Date(instant.getTime() + RIYADH_OFFSET_MS).toISOString();
}

/** The date and time in Riyadh at `instant`, as the document JSON and the XML write them. */
export function riyadhDateTime(instant: Date): RiyadhDateTime {
  const iso = riyadhIso(instant);
  return { issueDate: iso.slice(0, 10), issueTime: iso.slice(11, 19) };
}

/** The calendar date in Riyadh at `instant`, as YYYY-MM-DD. */
export function riyadhDate(instant: Date): string {
  return riyadhIso(instant).slice(0, 10);
}
