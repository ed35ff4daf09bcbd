// SPDX-License-Identifier: UNLICENSED
import { describe, expect, it } from 'vitest';
import { inspect, format } from 'node:util';
import { Secret, REDACTED } from '../../main/log/secret';
import { createLogger, errorFields, memoryLogSink, teeLogSink } from '../../main/log/logger';

const VALUE = 'Xlj15LyMCgSC66ObnEO/qVPfhSbs3kDTjWnGheYhfSs=';

describe('Secret', () => {
  const s = new Secret(VALUE);

  it('prints [redacted] through every route JavaScript has for turning it into text', () => {
    const renderings = [
      String(s),
      `${s}`,
      s + '',
      JSON.stringify(s),
      JSON.stringify({ nested: { s } }),
      inspect(s),
      inspect({ deep: [s] }, { depth: 10, showHidden: true }),
      format('%s %o %O %j', s, s, s, s),
      Object.entries(s).join(','),
      Object.getOwnPropertyNames(s).join(','),
    ];
    for (const text of renderings) expect(text).not.toContain(VALUE);
    expect(String(s)).toBe(REDACTED);
    expect(JSON.parse(JSON.stringify({ s })) as unknown).toEqual({ s: REDACTED });
  });

  it('hands the value out only through reveal(), and compares in constant time', () => {
    expect(s.reveal()).toBe(VALUE);
    expect(s.equals(VALUE)).toBe(true);
    expect(s.equals(new Secret(VALUE))).toBe(true);
    expect(s.equals('other')).toBe(false);
    expect(s.length).toBe(VALUE.length);
    expect(() => new Secret(42 as unknown as string)).toThrow(/must be a string/);
    expect(Object.isFrozen(s)).toBe(true);
  });
});

describe('logger', () => {
  it('writes JSON lines with time, level, event and plain fields', () => {
    const mem = memoryLogSink();
    const log = createLogger({ sink: mem.sink, now: () => new Date('2026-01-02T03:04:05Z') }).child({ component: 'test' });
    log.info('thing.happened', { count: 3, ok: true, list: ['a', 1], nested: { a: 'b' }, big: 12n, nothing: undefined });
    expect(mem.lines).toHaveLength(1);
    expect(JSON.parse(mem.lines[0]!) as unknown).toEqual({
      component: 'test',
      count: 3,
      ok: true,
      list: ['a', 1],
      nested: { a: 'b' },
      big: '12',
      time: '2026-01-02T03:04:05.000Z',
      level: 'info',
      event: 'thing.happened',
    });
  });

  it('redacts Secrets anywhere, and any field whose name says it holds a credential', () => {
    const mem = memoryLogSink();
    const log = createLogger({ sink: mem.sink });
    const secret = new Secret(VALUE);
    log.warn('x', {
      secret,
      wrapped: { inner: [secret] },
      Authorization: 'Basic ' + Buffer.from('token:' + VALUE).toString('base64'),
      otp: '123345',
      binarySecurityToken: 'TUlJRDFEQ0NBM21nQXdJQkFnSVRid0FBZTN',
      privateKey: 'deadbeef',
      headers: { authorization: 'Basic abc', accept: 'application/json' },
    });
    const line = mem.lines[0]!;
    expect(line).not.toContain(VALUE);
    expect(line).not.toContain('123345');
    expect(line).not.toContain('TUlJRDFE');
    expect(line).not.toContain('deadbeef');
    expect(line).not.toContain('Basic');
    expect(JSON.parse(line)).toMatchObject({
      secret: REDACTED,
      wrapped: { inner: [REDACTED] },
      Authorization: REDACTED,
      otp: REDACTED,
      headers: { authorization: REDACTED, accept: 'application/json' },
    });
  });

  it('never walks class instances (Errors, Headers, Buffers): it names their type', () => {
    const mem = memoryLogSink();
    const log = createLogger({ sink: mem.sink });
    const err = Object.assign(new Error(`failed with ${VALUE}`), { cause: VALUE });
    const headers = new Headers({ Authorization: `Basic ${VALUE}` });
    log.error('x', { err, headers, buf: Buffer.from(VALUE) } as never);
    const line = mem.lines[0]!;
    expect(line).not.toContain(VALUE);
    expect(JSON.parse(line)).toMatchObject({ err: '[Error]', headers: '[Headers]', buf: '[Buffer]' });
  });

  it('errorFields keeps name, code and message only', () => {
    const err = Object.assign(new TypeError('fetch failed'), { code: 'ECONNRESET', cause: new Error(VALUE), stack: VALUE });
    expect(errorFields(err)).toEqual({ errorName: 'TypeError', errorMessage: 'fetch failed', errorCode: 'ECONNRESET' });
    expect(errorFields('boom')).toEqual({ errorName: 'string' });
  });

  it('cuts long strings, respects the level, survives a throwing sink, and fields cannot overwrite the event', () => {
    const mem = memoryLogSink();
    const log = createLogger({
      sink: teeLogSink(mem.sink, () => {
        throw new Error('sink down');
      }),
      minLevel: 'warn',
    });
    log.info('dropped');
    log.warn('kept', { body: 'x'.repeat(5000), event: 'forged', level: 'debug' });
    expect(mem.lines).toHaveLength(1);
    const rec = JSON.parse(mem.lines[0]!) as Record<string, string>;
    expect(rec.event).toBe('kept');
    expect(rec.level).toBe('warn');
    expect(rec.body!.length).toBeLessThan(600);
    expect(rec.body).toMatch(/4500 more chars/);
  });
});
