// SPDX-License-Identifier: UNLICENSED
// Helpers for the business-rule and XSD tests: load a vendored sample, apply exact text mutations, run the checks.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { XmlDocument } from 'libxml2-wasm';
import { checkBusinessRules } from '../../app/rules/checkBusinessRules';
import type { Finding } from '../../app/findings/finding';
import { RIYADH_OFFSET_MS } from '../../app/time/riyadhTime';
import { SDK327, SDK346 } from '../vectors';

export const R346 = (rel: string): string => path.join(SDK346, 'Samples', rel);
export const R327 = (rel: string): string => path.join(SDK327, 'Data', 'Samples', rel);

export const SIMPLIFIED_INVOICE = R346('Simplified/Invoice/Simplified_Invoice.xml');
export const SIMPLIFIED_CREDIT = R346('Simplified/Credit/Simplified_Credit_Note.xml');
export const SIMPLIFIED_ZERO_RATED = R346('Simplified/Invoice/Simplified Tax Invoice with Zero Rated Item.xml');
export const STANDARD_INVOICE = R346('Standard/Invoice/Standard_Invoice.xml');

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}

/** Replaces each `from` by `to`; every `from` must occur exactly once, so a mutation can never silently miss. */
export function mutate(xml: string, ...edits: [from: string, to: string][]): string {
  let out = xml;
  for (const [from, to] of edits) {
    const count = out.split(from).length - 1;
    expect(count, `mutation target ${JSON.stringify(from)} occurs ${count} times`).toBe(1);
    out = out.replace(from, () => to);
  }
  return out;
}

export function withDoc<T>(xml: string, use: (doc: XmlDocument) => T): T {
  const doc = XmlDocument.fromString(xml);
  try {
    return use(doc);
  } finally {
    doc.dispose();
  }
}

export function check(xml: string, now: Date): Finding[] {
  return withDoc(xml, (doc) => checkBusinessRules(doc, { now }));
}

/** "error BR-CO-15"-style strings, sorted, one per finding. */
export function summary(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.severity} ${f.rule}`).sort();
}

/** IssueDate + IssueTime as an instant; a time without Z is Riyadh local time (app/time). */
export function issueInstant(xml: string): Date {
  const date = /<cbc:IssueDate>([^<]+)<\/cbc:IssueDate>/.exec(xml)![1]!;
  const time = /<cbc:IssueTime>([^<]+)<\/cbc:IssueTime>/.exec(xml)![1]!;
  const asUtc = Date.parse(`${date}T${time.replace(/Z$/, '')}Z`);
  return new Date(time.endsWith('Z') ? asUtc : asUtc - RIYADH_OFFSET_MS);
}

export const minutesAfter = (d: Date, minutes: number): Date => new Date(d.getTime() + minutes * 60_000);
