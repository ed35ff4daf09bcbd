// SPDX-License-Identifier: UNLICENSED
// A request body, up to a limit: a larger one is refused before it is buffered whole (docs/store-server.md).
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

/** The body as JSON; text that is not JSON is a malformed payload, refused like a wrong shape. */
export function jsonOf(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new DukkanError('store.malformed', { count: 1 }, { problems: [{ path: '', code: 'input.invalid' }] });
  }
}
