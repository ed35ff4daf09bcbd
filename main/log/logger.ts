// SPDX-License-Identifier: UNLICENSED
// Structured JSON-lines logger that cannot print secrets by construction:
// - a log call takes an event name and plain fields (strings, numbers, booleans, arrays, plain objects); no Error
//   objects, no Headers, no class instances — those are printed as "[ClassName]", never walked;
// - a Secret prints "[redacted]";
// - a field whose name says it holds a credential (authorization, secret, otp, token, password, private key,
//   cookie) is printed "[redacted]" whatever its value, as a second line of defence;
// - long strings are cut, so a whole request body cannot end up in a log by accident.
// Callers log errors through errorFields(), which keeps the name, code and message only.
import { isSecret, REDACTED, type Secret } from './secret';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVEL_ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogValue = string | number | boolean | bigint | null | undefined | Secret | readonly LogValue[] | { readonly [key: string]: LogValue };

export type LogFields = { readonly [key: string]: LogValue };

export interface LogRecord {
  readonly time: string;
  readonly level: LogLevel;
  readonly event: string;
  readonly fields: Record<string, unknown>;
}

export type LogSink = (line: string, record: LogRecord) => void;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every record (e.g. `{ component: 'fatoora' }`). */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  readonly sink: LogSink;
  readonly minLevel?: LogLevel;
  readonly now?: () => Date;
}

/** Field names that carry credentials; matched case-insensitively anywhere in the name. */
const CREDENTIAL_NAME = /authori[sz]ation|secret|passw(or)?d|otp|token|private.?key|cookie|credential/i;
const MAX_STRING = 500;
const MAX_DEPTH = 6;

function sanitize(value: unknown, depth: number): unknown {
  if (isSecret(value)) return REDACTED;
  switch (typeof value) {
    case 'string':
      return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…[${value.length - MAX_STRING} more chars]` : value;
    case 'number':
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'undefined':
      return undefined;
    case 'function':
    case 'symbol':
      return `[${typeof value}]`;
  }
  if (value === null) return null;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => sanitize(v, depth + 1));
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== Object.prototype && proto !== null) {
    // Errors, Headers, Buffers, requests…: their text may hold anything. Name the type only.
    return `[${(value as object).constructor?.name ?? 'object'}]`;
  }
  return sanitizeFields(value as Record<string, unknown>, depth + 1);
}

function sanitizeFields(fields: Record<string, unknown>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    out[key] = CREDENTIAL_NAME.test(key) ? REDACTED : sanitize(v, depth);
  }
  return out;
}

export function createLogger(options: LoggerOptions, base: LogFields = {}): Logger {
  const min = LEVEL_ORDER[options.minLevel ?? 'info'];
  const now = options.now ?? (() => new Date());
  const write = (level: LogLevel, event: string, fields: LogFields | undefined): void => {
    if (LEVEL_ORDER[level] < min) return;
    const clean = sanitizeFields({ ...base, ...fields }, 0);
    const record: LogRecord = { time: now().toISOString(), level, event: String(sanitize(event, 0)), fields: clean };
    // event/level/time come last so a field can never overwrite them
    const line = JSON.stringify({ ...clean, time: record.time, level, event: record.event });
    try {
      options.sink(line, record);
    } catch {
      // a broken sink must not break the caller
    }
  };
  return {
    debug: (e, f) => write('debug', e, f),
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
    child: (fields) => createLogger(options, { ...base, ...fields }),
  };
}

/** The fields to log for a caught error: type, code and message; never the object itself, its cause or stack. */
export function errorFields(err: unknown): LogFields {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return { errorName: err.name, errorMessage: err.message, ...(typeof code === 'string' ? { errorCode: code } : {}) };
  }
  return { errorName: typeof err };
}

/** Keeps every line in memory: for tests, and for the simulator's own log that tests scan. */
export function memoryLogSink(): { readonly sink: LogSink; readonly lines: string[]; readonly records: LogRecord[] } {
  const lines: string[] = [];
  const records: LogRecord[] = [];
  return {
    lines,
    records,
    sink: (line, record) => {
      lines.push(line);
      records.push(record);
    },
  };
}

export function streamLogSink(write: (text: string) => void): LogSink {
  return (line) => write(`${line}\n`);
}

/** Sends every line to each sink in turn (e.g. a file and stderr); one failing sink does not starve the others. */
export function teeLogSink(...sinks: LogSink[]): LogSink {
  return (line, record) => {
    for (const s of sinks) {
      try {
        s(line, record);
      } catch {
        // a full disk must not also silence stderr, nor a closed stderr the file
      }
    }
  };
}

export const silentLogger: Logger = createLogger({ sink: () => undefined });
