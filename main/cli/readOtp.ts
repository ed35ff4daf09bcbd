// SPDX-License-Identifier: UNLICENSED
// Where `dukkan onboard` takes the one-time password from. On the command line (`--otp 123456`) it is visible to every
// account on the computer in the process list for as long as onboarding runs (docs/security.md "Secrets"), so it
// can also come:
// - from standard input: `--otp -` reads the first line (`pass show fatoora-otp | dukkan onboard … --otp -`);
// - from a prompt: without --otp, when the OTP is needed and standard input is a terminal, it is asked for with the
//   typing hidden.
// The OTP is checked (6 digits) where it is used, as before; this module only fetches it.
import type { Readable, Writable } from 'node:stream';
import { DukkanError } from '../../app/errors/index';

export interface OtpSources {
  readonly input: Readable & { readonly isTTY?: boolean; setRawMode?(mode: boolean): unknown };
  /** Where the prompt is written (stderr: stdout may be piped into a log). */
  readonly prompt: Writable;
}

const processSources = (): OtpSources => ({ input: process.stdin, prompt: process.stderr });

/** The first line of `input` (to its end when it has no newline), without the line break. */
function firstLine(input: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const done = (): void => {
      input.off('data', onData);
      input.off('end', done);
      input.off('error', reject);
      input.pause();
      resolve(text.split(/\r?\n/)[0] ?? '');
    };
    const onData = (chunk: Buffer | string): void => {
      text += chunk.toString();
      if (/\r?\n/.test(text) || text.length > 1024) done();
    };
    input.on('data', onData);
    input.once('end', done);
    input.once('error', reject);
  });
}

/** Reads a line from a terminal with the typing hidden (raw mode: nothing is echoed); Ctrl-C or Ctrl-D gives up. */
function hiddenLine(sources: OtpSources): Promise<string | undefined> {
  const { input, prompt } = sources;
  prompt.write('One-time password from the Fatoora portal (6 digits) / رمز التحقق لمرة واحدة من بوابة فاتورة: ');
  input.setRawMode?.(true);
  input.resume();
  return new Promise((resolve) => {
    let typed = '';
    const finish = (value: string | undefined): void => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      prompt.write('\n');
      resolve(value);
    };
    const onData = (chunk: Buffer | string): void => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n') return finish(typed);
        if (ch === '\u0003' || ch === '\u0004') return finish(undefined);
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    input.on('data', onData);
  });
}

/**
 * The OTP: the flag's value; the first line of standard input for `-`; a hidden prompt when it is `needed`, not given,
 * and standard input is a terminal; otherwise undefined (the caller says --otp is required).
 */
export async function readOtp(flag: string | undefined, needed: boolean, sources: OtpSources = processSources()): Promise<string | undefined> {
  if (flag === '-') {
    const line = (await firstLine(sources.input)).trim();
    if (line === '') throw new DukkanError('security.otp-stdin-empty', {}, { field: '--otp' });
    return line;
  }
  if (flag !== undefined || !needed || sources.input.isTTY !== true) return flag;
  return (await hiddenLine(sources))?.trim();
}
