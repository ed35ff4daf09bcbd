// SPDX-License-Identifier: UNLICENSED
// Where the desktop app logs: <userData>/logs/dukkan.log (rotated by size, main/log/rotatingFile.ts), plus stderr in
// development. The packaged app has no console — on Windows not even a stderr — so the file is what a shop sends
// when something went wrong. Opened by the entry (electronBoot.ts) before anything else, so that a failure to load
// the app bundle itself (a native module built for the wrong Electron, say) is in the file too.
import path from 'node:path';
import { errorFields, streamLogSink, teeLogSink, type LogSink } from '../log/logger';
import { openRotatingLogFile } from '../log/rotatingFile';

export interface ShellLog {
  /** Every line of the desktop app, from the entry and from the app bundle alike. */
  readonly sink: LogSink;
  /** The current log file, or null when it could not be opened (`fileError` then says why). */
  readonly file: string | null;
  readonly fileError: string | null;
}

export interface ShellLogOptions {
  readonly userData: string;
  /** Where to copy each line for a developer (stderr when not packaged), or null. */
  readonly console: ((text: string) => void) | null;
}

export function logFolder(userData: string): string {
  return path.join(userData, 'logs');
}

export function openShellLog(options: ShellLogOptions): ShellLog {
  const sinks: LogSink[] = [];
  let file: string | null = null;
  let fileError: string | null = null;
  try {
    const rotating = openRotatingLogFile({ dir: logFolder(options.userData) });
    sinks.push(rotating.sink);
    file = rotating.path;
  } catch (e) {
    // a read-only or full profile folder must not keep the till from starting; the dialog of a later failure says it
    fileError = String(errorFields(e).errorMessage ?? 'unknown error');
  }
  if (options.console) sinks.push(streamLogSink(options.console));
  return { sink: teeLogSink(...sinks), file, fileError };
}

/** Where a user finds the details (for every error dialog), or why there is no log file. */
export function logLocationText(log: Pick<ShellLog, 'file' | 'fileError'>): string {
  return log.file ? `Details are in the log file:\n${log.file}` : `The log file could not be written (${log.fileError ?? 'unknown error'}).`;
}

/** The text of the "could not start" dialog: what failed and where the details are. */
export function startFailureText(error: unknown, log: Pick<ShellLog, 'file' | 'fileError'>): string {
  return `${error instanceof Error ? error.message : String(error)}\n\n${logLocationText(log)}`;
}
