// SPDX-License-Identifier: UNLICENSED
// Defensive readers for what Fatoora sends back (reference §9 "Response shapes"). Nothing here trusts the body:
// - validationResults {infoMessages, warningMessages, errorMessages, status}, where a list may arrive as a single
//   object or null;
// - the swagger-documented {invoiceHash, status, warnings, errors} shape (lavaloon parses both);
// - CSID errors as an array of strings or of {code, message}, or a top-level {code, message}
//   (Missing-ComplianceSteps, Invalid-OTP…);
// - HTML error pages and plain text from gateways.
// Text taken from a body is shortened and scrubbed of long base64 runs, so a token or secret that a broken server
// echoes can never travel on into an outcome, a log line or an error message.
import { z } from 'zod';

export interface FatooraMessage {
  readonly type?: string;
  readonly code?: string;
  readonly category?: string;
  readonly message: string;
  readonly status?: string;
}

export interface ValidationResults {
  /** `PASS` | `WARNING` | `ERROR` as Fatoora sends it (kept as text: unknown values are kept, not dropped). */
  readonly status?: string;
  readonly infoMessages: readonly FatooraMessage[];
  readonly warningMessages: readonly FatooraMessage[];
  readonly errorMessages: readonly FatooraMessage[];
}

const MAX_TEXT = 300;

/** Shortens text from a response and replaces base64-looking runs (tokens, secrets, certificates) by "[…]". */
export function scrubText(text: string, max = MAX_TEXT): string {
  const scrubbed = text
    // a run of lower-case words and slashes is a path ("/invoices/reporting/single" in a 303, reference §9.1), not base64
    .replace(/[A-Za-z0-9+/]{24,}={0,2}/g, (run) => (/^[a-z/]+$/.test(run) ? run : '[…]'))
    .replace(/\s+/g, ' ')
    .trim();
  return scrubbed.length > max ? `${scrubbed.slice(0, max)}…` : scrubbed;
}

const text = z
  .union([z.string(), z.number(), z.boolean()])
  .transform((v) => String(v))
  .nullish();

const messageObject = z.looseObject({
  type: text,
  code: text,
  category: text,
  message: text,
  status: text,
  // some gateways use these names
  errorCode: text,
  errorMessage: text,
  description: text,
  // a Spring error body: {"timestamp":…,"status":401,"error":"Unauthorized","message":""} (reference §9.1)
  error: text,
});

function toMessage(value: unknown): FatooraMessage | undefined {
  if (typeof value === 'string') return { message: scrubText(value) };
  const parsed = messageObject.safeParse(value);
  if (!parsed.success) return undefined;
  const m = parsed.data;
  // the first non-empty text: a Spring body's `message` is "" and its `error` says what happened
  const messageText = [m.message, m.errorMessage, m.description, m.error].find((t) => t != null && t !== '') ?? '';
  const code = m.code ?? m.errorCode ?? undefined;
  if (messageText === '' && code === undefined) return undefined;
  return {
    message: scrubText(messageText),
    ...(code != null ? { code: scrubText(code, 80) } : {}),
    ...(m.type != null ? { type: scrubText(m.type, 40) } : {}),
    ...(m.category != null ? { category: scrubText(m.category, 80) } : {}),
    ...(m.status != null ? { status: scrubText(m.status, 40) } : {}),
  };
}

/** A list of messages from an array, a single object, a string or nothing. Unreadable items are skipped. */
export function readMessageList(value: unknown): FatooraMessage[] {
  if (value == null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map(toMessage).filter((m): m is FatooraMessage => m !== undefined);
}

const record = z.record(z.string(), z.unknown());

function asRecord(value: unknown): Record<string, unknown> | undefined {
  const r = record.safeParse(value);
  return r.success && !Array.isArray(value) ? r.data : undefined;
}

/** validationResults from either documented shape, or undefined when the body has neither. */
export function readValidationResults(body: unknown): ValidationResults | undefined {
  const root = asRecord(body);
  if (!root) return undefined;
  const vr = asRecord(root.validationResults);
  if (vr) {
    return {
      ...(typeof vr.status === 'string' ? { status: vr.status } : {}),
      infoMessages: readMessageList(vr.infoMessages),
      warningMessages: readMessageList(vr.warningMessages),
      errorMessages: readMessageList(vr.errorMessages),
    };
  }
  if ('warnings' in root || 'errors' in root) {
    // swagger shape {invoiceHash, status, warnings, errors}; its status is the reporting/clearance status
    const warningMessages = readMessageList(root.warnings);
    const errorMessages = readMessageList(root.errors);
    return {
      status: errorMessages.length > 0 ? 'ERROR' : warningMessages.length > 0 ? 'WARNING' : 'PASS',
      infoMessages: [],
      warningMessages,
      errorMessages,
    };
  }
  return undefined;
}

/** Every error-like message a body carries, whatever its shape. */
export function readErrors(body: unknown): FatooraMessage[] {
  const root = asRecord(body);
  if (!root) return typeof body === 'string' && body.trim() !== '' ? [{ message: scrubText(body) }] : [];
  const out: FatooraMessage[] = [];
  const vr = readValidationResults(body);
  if (vr) out.push(...vr.errorMessages);
  if (!vr && 'errors' in root) out.push(...readMessageList(root.errors));
  if (out.length === 0) {
    const top = toMessage(root);
    if (top) out.push(top);
  }
  return out;
}

export function readString(body: unknown, key: string): string | undefined {
  const v = asRecord(body)?.[key];
  return typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
}

export interface ParsedBody {
  /** The JSON value, when the body is JSON. */
  readonly json?: unknown;
  /** For non-JSON bodies: a short, scrubbed description (an HTML page's title, or the start of the text). */
  readonly summary: string;
  /** A body that is neither JSON nor HTML (a text/plain 406, reference §9.1): its scrubbed text. */
  readonly plainText?: string;
}

/** Reads a response body of any kind without throwing. */
export function parseBody(raw: string): ParsedBody {
  const trimmed = raw.trim();
  if (trimmed === '') return { summary: '(empty body)' };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { json: JSON.parse(trimmed) as unknown, summary: '(JSON body)' };
    } catch {
      return { summary: `unparseable JSON: ${scrubText(trimmed, 120)}` };
    }
  }
  if (/^<(!doctype|html|\?xml|head|body)/i.test(trimmed)) {
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(trimmed)?.[1] ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(trimmed)?.[1];
    return { summary: `HTML page${title ? `: ${scrubText(title.replace(/<[^>]+>/g, ''), 120)}` : ''}` };
  }
  const plainText = scrubText(trimmed, 160);
  return { summary: plainText, plainText };
}
