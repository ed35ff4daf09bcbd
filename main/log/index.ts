// SPDX-License-Identifier: UNLICENSED
export { Secret, isSecret, REDACTED } from './secret';
export {
  createLogger,
  errorFields,
  memoryLogSink,
  streamLogSink,
  teeLogSink,
  silentLogger,
  type Logger,
  type LogFields,
  type LogLevel,
  type LogRecord,
  type LogSink,
  type LogValue,
  type LoggerOptions,
} from './logger';
