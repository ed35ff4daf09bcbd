// SPDX-License-Identifier: UNLICENSED
// A request body, up to a limit: a larger one is refused before it is buffered whole (docs/store-server.md).
import { isAscii, transcode } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { DukkanError } from '../../app/errors/index';

export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export async function readBody(req: IncomingMessage, max = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      req.resume();
      throw new DukkanError('store.too-large', { max });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * The body's UTF-8 as a string. A push is megabytes of signed XML with Arabic text, and V8's own UTF-8 decoding of
 * non-ASCII text was a quarter of the store server's main thread (BENCHMARKS.md, store server): ICU's transcoding to
 * UTF-16 and a copy decode the same string in about half the time, and the later JSON.parse and the database
 * driver's byte counts of its strings are faster too. ICU stops at invalid UTF-8, which then takes V8's path, so the
 * string is always the one `toString('utf8')` gives (U+FFFD for each invalid sequence).
 */
export function utf8Text(body: Buffer): string {
  if (isAscii(body)) return body.toString('latin1');
  try {
    return transcode(body, 'utf8', 'utf16le').toString('utf16le');
  } catch {
    return body.toString('utf8');
  }
}

/** The body as JSON; text that is not JSON is a malformed payload, refused like a wrong shape. */
export function jsonOf(body: Buffer): unknown {
  try {
    return JSON.parse(utf8Text(body)) as unknown;
  } catch {
    throw new DukkanError('store.malformed', { count: 1 }, { problems: [{ path: '', code: 'input.invalid' }] });
  }
}
