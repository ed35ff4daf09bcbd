// SPDX-License-Identifier: UNLICENSED
// The store server decodes request bodies through ICU's transcoding (server/http/readBody.ts): the string must be
// exactly the one Node's own UTF-8 decoding gives, for ASCII, Arabic and four-byte text, an empty body, and bodies
// with invalid UTF-8 (each invalid sequence U+FFFD, as before), and a push body must parse to the same JSON.
import { describe, expect, it } from 'vitest';
import { jsonOf, utf8Text } from '../../server/http/readBody';
import { chainedDocuments } from './storeFixtures';

const bodies: [string, Buffer][] = [
  ['empty', Buffer.alloc(0)],
  ['ASCII', Buffer.from('{"a":"b"}')],
  ['Arabic', Buffer.from('{"name":"حليب طازج | Fresh milk"}')],
  ['a byte order mark and an emoji', Buffer.from('\uFEFF{"x":"😀"}')],
  ['a lone 0xff', Buffer.from([0x22, 0xd8, 0xad, 0xff, 0x41, 0x22])],
  ['an encoded surrogate', Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22])],
  ['an overlong slash', Buffer.from([0x22, 0xc0, 0xaf, 0x22])],
  ['a truncated sequence at the end', Buffer.from([0x22, 0xe2, 0x82])],
];

describe('request body text', () => {
  it.each(bodies)('is Node’s own UTF-8 decoding for %s', (_name, body) => {
    expect(utf8Text(body)).toBe(body.toString('utf8'));
  });

  it('parses a push of signed documents to the same JSON', () => {
    const body = Buffer.from(JSON.stringify({ documents: chainedDocuments('body-text', 1, 3), records: [] }));
    expect(jsonOf(body)).toEqual(JSON.parse(body.toString('utf8')));
  });
});
