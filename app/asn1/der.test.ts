import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { SDK_CERT_PEM } from '../../test/vectors';
import { base64ToBytes, bytesToHex, hexToBytes } from '../bytes/index';
import {
  DerError,
  DerTag,
  decodeBitString,
  decodeInteger,
  decodeOid,
  decodeString,
  decodeTime,
  derBitString,
  derContext,
  derGeneralizedTime,
  derIa5String,
  derInteger,
  derLength,
  derNamedBits,
  derNull,
  derOctetString,
  derOid,
  derPrintableString,
  derSequence,
  derSet,
  derTlv,
  derUtcTime,
  derUtf8String,
  derX509Time,
  parseDer,
  type DerNode,
} from './der';
import { decodePem, derFromInput, encodePem } from './pem';
import { thrownBy } from '../../test/support/thrownBy';

const certDer = base64ToBytes(readFileSync(SDK_CERT_PEM, 'utf8'));
const hex = (b: Uint8Array) => bytesToHex(b);

/** openssl's own reading of a DER blob, as an independent parser. */
function asn1parse(der: Uint8Array): string {
  return execFileSync('openssl', ['asn1parse', '-inform', 'DER'], { input: der }).toString();
}

describe('parseDer on a real ZATCA certificate (SDK R3.2.7 cert.pem)', () => {
  it('builds a tree whose offsets and headers agree with openssl asn1parse', () => {
    const root = parseDer(certDer);
    const ours: string[] = [];
    const walk = (n: DerNode, depth: number) => {
      ours.push(`${n.start}:d=${depth} hl=${n.header} l=${n.content.length}`);
      n.children?.forEach((c) => walk(c, depth + 1));
    };
    walk(root, 0);
    const theirs = asn1parse(certDer)
      .split('\n')
      .filter(Boolean)
      .map((l) => /^\s*(\d+):d=(\d+)\s+hl=(\d+)\s+l=\s*(\d+)/.exec(l)!)
      .map((m) => `${m[1]}:d=${m[2]} hl=${m[3]} l=${m[4]}`);
    expect(ours).toEqual(theirs);
    expect(root.raw).toEqual(certDer);
  });

  it('refuses every truncation and any trailing byte', () => {
    for (let cut = 0; cut < certDer.length; cut += 7) expect(() => parseDer(certDer.subarray(0, cut))).toThrow(DerError);
    expect(() => parseDer(Uint8Array.from([...certDer, 0]))).toThrow(/trailing/);
  });
});

describe('DER strictness', () => {
  const bad: Array<[string, string, RegExp]> = [
    ['indefinite length', '3080020100 0000', /indefinite/],
    ['long form for a short length', '048105 0102030405', /below 128/],
    ['leading zero in long length', '04820005 0102030405', /leading zero/],
    ['length past the end', '0405 0102', /runs past/],
    ['non-minimal INTEGER (00 7f)', '0202007f', /minimally/],
    ['non-minimal INTEGER (ff 80)', '0202ff80', /minimally/],
    ['empty INTEGER', '0200', /empty INTEGER/],
    ['BOOLEAN 01', '010101', /BOOLEAN/],
    ['NULL with content', '050100', /NULL/],
    ['constructed OCTET STRING', '2403040100', /constructed/],
    ['primitive SEQUENCE', '1000', /must be constructed/],
    ['BIT STRING with 8 unused bits', '03020880', /unused/],
    ['BIT STRING with non-zero unused bits', '03020781', /not zero/],
    ['OID arc with 0x80 padding', '0603 2a8001', /minimally/],
    ['OID ending mid-arc', '0602 2a86', /OBJECT IDENTIFIER/],
    ['child overruns parent', '3003 0405 0102', /runs past/],
    ['high tag form for a low tag', '1f0500', /below 31/],
  ];
  it.each(bad)('rejects %s', (_name, hexText, pattern) => {
    expect(() => parseDer(hexToBytes(hexText.replace(/ /g, '')))).toThrow(pattern);
  });

  it('rejects nesting deeper than 64 levels instead of overflowing the stack', () => {
    let v = derNull();
    for (let i = 0; i < 70; i++) v = derSequence(v);
    expect(() => parseDer(v)).toThrow(/nesting/);
  });

  it('either parses random bytes exactly or throws DerError — nothing else escapes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          const n = parseDer(bytes);
          expect(n.raw).toEqual(bytes);
          expect(n.start + n.header + n.content.length).toBe(n.end);
        } catch (e) {
          expect(e).toBeInstanceOf(DerError);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('error messages carry offsets, not content bytes', () => {
    const secret = hexToBytes('0420' + 'ab'.repeat(31));
    try {
      parseDer(secret);
      expect.unreachable();
    } catch (e) {
      expect(String(e)).not.toMatch(/ab/i);
      expect(String(e)).toMatch(/offset \d+/);
    }
  });

  it('refuses with a catalog code whose parameters are offsets and counts only, in English and Arabic', () => {
    const refusal = (hexText: string) => thrownBy(DerError, () => parseDer(hexToBytes(hexText)));
    const trailing = refusal('050000');
    expect([trailing.code, trailing.params, trailing.offset]).toEqual(['der.trailing-bytes', { count: 1, offset: 2 }, 2]);
    expect(trailing.text('ar')).toBe('ترميز DER: يوجد بعد العنصر بايتات زائدة عددها 1 (عند البايت 2)');
    expect(refusal('3080020100 0000'.replace(/ /g, '')).code).toBe('der.indefinite-length');
    expect(refusal('30').code).toBe('der.truncated-length');
    expect(refusal('0405 0102'.replace(/ /g, '')).params).toEqual({ length: 5, offset: 0 });
  });
});

describe('INTEGER', () => {
  it('round-trips any bigint and agrees with openssl on the value', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(1n << 300n), max: 1n << 300n }), (v) => {
        const enc = derInteger(v);
        expect(decodeInteger(parseDer(enc))).toBe(v); // parseDer also checks minimality
      }),
      { numRuns: 2000 },
    );
    for (const v of [0n, 127n, 128n, -128n, -129n, 255n, 256n, 2475382889481219846080454947234981286678397371n, -(1n << 64n)]) {
      const out = asn1parse(derInteger(v));
      const m = /INTEGER\s+:(-?)([0-9A-F]+)/.exec(out)!;
      expect((m[1] ? -1n : 1n) * BigInt(`0x${m[2]}`)).toBe(v);
    }
  });

  it('reads a Uint8Array as an unsigned magnitude (leading zeros dropped, 00 added for the high bit)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), (bytes) => {
        const asBigint = bytes.reduce((a, b) => (a << 8n) | BigInt(b), 0n);
        expect(derInteger(bytes)).toEqual(derInteger(asBigint));
      }),
    );
    expect(hex(derInteger(hexToBytes('00ff')))).toBe('020200ff');
  });
});

describe('OBJECT IDENTIFIER', () => {
  it('encodes the OIDs whose bytes are fixed by ZATCA material', () => {
    // QR tag 8 prefix (reference §6): 06 07 2a8648ce3d0201 06 05 2b8104000a
    expect(hex(derOid('1.2.840.10045.2.1'))).toBe('06072a8648ce3d0201');
    expect(hex(derOid('1.3.132.0.10'))).toBe('06052b8104000a');
    expect(hex(derOid('2.999.3'))).toBe('0603883703'); // X.690 §8.19.5 example
    expect(decodeOid(hexToBytes('883703'))).toBe('2.999.3');
  });

  it('round-trips arbitrary arcs, including arcs beyond 2^53', () => {
    const oid = fc
      .tuple(fc.integer({ min: 0, max: 2 }), fc.bigInt({ min: 0n, max: 39n }), fc.array(fc.bigInt({ min: 0n, max: 1n << 70n }), { maxLength: 8 }))
      .map(([a, b, rest]) => [a, a === 2 ? b * 1000n : b, ...rest].join('.'));
    fc.assert(
      fc.property(oid, (dotted) => {
        expect(decodeOid(parseDer(derOid(dotted)))).toBe(dotted);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with openssl for the ZATCA template OID', () => {
    expect(asn1parse(derOid('1.3.6.1.4.1.311.20.2'))).toMatch(/OBJECT\s+:1\.3\.6\.1\.4\.1\.311\.20\.2/);
  });

  it('rejects malformed dotted text', () => {
    for (const s of ['', '1', '3.1', '1.40', '1.2.', '1..2', '1.02', 'a.b']) expect(() => derOid(s)).toThrow(/OID/);
  });
});

describe('lengths', () => {
  it('uses minimal short/long forms and round-trips content of any size', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 65000, max: 70000 })), (n) => {
        const content = new Uint8Array(n).fill(7);
        const enc = derOctetString(content);
        const node = parseDer(enc);
        expect(node.content.length).toBe(n);
        expect(node.header).toBe(1 + derLength(n).length);
        expect(derLength(n).length).toBe(n < 128 ? 1 : n < 256 ? 2 : n < 65536 ? 3 : 4);
      }),
      { numRuns: 300 },
    );
  });
});

describe('strings, times, bit strings, sets', () => {
  it('encodes and decodes the string types', () => {
    expect(decodeString(parseDer(derUtf8String('شركة توريد')))).toBe('شركة توريد');
    expect(decodeString(parseDer(derPrintableString('SA')))).toBe('SA');
    expect(decodeString(parseDer(derIa5String('extgazt')))).toBe('extgazt');
    expect(decodeString(parseDer(hexToBytes('1e0400530041')))).toBe('SA'); // BMPString
    expect(() => derPrintableString('a@b')).toThrow(/PrintableString/);
    expect(() => derIa5String('ق')).toThrow(/non-ASCII/);
    expect(() => derUtf8String('\uD800x')).toThrow(/surrogate/);
    expect(() => decodeString(parseDer(hexToBytes('0c02c328')))).toThrow(/UTF-8/);
  });

  it('round-trips UTCTime and GeneralizedTime to the second, with the RFC 5280 year switch', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
        const whole = new Date(Math.floor(d.getTime() / 1000) * 1000);
        const node = parseDer(derX509Time(d));
        expect(node.tag).toBe(d.getUTCFullYear() < 2050 ? DerTag.UTC_TIME : DerTag.GENERALIZED_TIME);
        expect(decodeTime(node).getTime()).toBe(whole.getTime());
        expect(decodeTime(parseDer(derGeneralizedTime(d))).getTime()).toBe(whole.getTime());
      }),
    );
    expect(String.fromCharCode(...parseDer(derUtcTime(new Date('2049-12-31T23:59:59Z'))).content)).toBe('491231235959Z');
    expect(() => derUtcTime(new Date('2050-01-01T00:00:00Z'))).toThrow(/1950–2049/);
    expect(() => derUtcTime(new Date('x'))).toThrow(/valid Date/);
  });

  it('rejects non-DER and impossible times', () => {
    const t = (tag: number, s: string) =>
      parseDer(
        derTlv(
          tag,
          Uint8Array.from(s, (c) => c.charCodeAt(0)),
        ),
      );
    expect(() => decodeTime(t(0x17, '2211090807Z'))).toThrow(/UTCTime/); // no seconds
    expect(() => decodeTime(t(0x17, '221109080722+0300'))).toThrow(/UTCTime/);
    expect(() => decodeTime(t(0x17, '220230080722Z'))).toThrow(/calendar/);
    expect(() => decodeTime(t(0x18, '20221109080722.0Z'))).toThrow(/GeneralizedTime/); // trailing zero fraction
    expect(decodeTime(t(0x18, '20221109080722.5Z')).getUTCMilliseconds()).toBe(500);
  });

  it('writes named bits as DER (trailing zero bits dropped), matching the ZATCA certificate KeyUsage', () => {
    // cert.pem: KeyUsage critical = BIT STRING 03 02 07 80 (digitalSignature)
    expect(hex(certDer)).toContain('0603551d0f0101ff040403020780');
    expect(hex(derNamedBits([0]))).toBe('03020780');
    expect(hex(derNamedBits([0, 5, 6]))).toBe('03020186');
    expect(decodeBitString(parseDer(derNamedBits([0, 5, 6])))).toEqual({ unused: 1, bytes: Uint8Array.of(0x86) });
    expect(() => derBitString(Uint8Array.of(0x81), 1)).toThrow(/zero/);
  });

  it('sorts SET OF elements by encoding (X.690 §11.6)', () => {
    const a = derInteger(5n);
    const b = derOctetString(Uint8Array.of(1));
    expect(derSet(b, a)).toEqual(derSet(a, b));
    expect(parseDer(derSet(b, a)).children![0]!.tag).toBe(DerTag.INTEGER);
  });

  it('tags context-specific fields explicitly and implicitly', () => {
    expect(hex(derContext(0, derInteger(2n)))).toBe('a003020102');
    expect(hex(derContext(0, Uint8Array.of(1, 2), false))).toBe('80020102');
    expect(() => derContext(31, new Uint8Array())).toThrow(/0–30/);
  });
});

describe('PEM and input layers', () => {
  it('writes 64-column PEM that openssl reads back, and reads it back itself', () => {
    const pem = encodePem('CERTIFICATE', certDer);
    expect(pem.split('\n').every((l) => l.length <= 64)).toBe(true);
    const viaOpenssl = execFileSync('openssl', ['x509', '-outform', 'DER'], { input: pem });
    expect(new Uint8Array(viaOpenssl)).toEqual(certDer);
    expect(decodePem(pem.replace(/\n/g, '\r\n'))).toEqual([{ label: 'CERTIFICATE', der: certDer }]);
  });

  it('peels base64, base64-of-base64 and base64-of-PEM down to DER', () => {
    const b64 = Buffer.from(certDer).toString('base64');
    const opts = { labels: ['CERTIFICATE'], what: 'certificate' };
    expect(derFromInput(b64, opts)).toEqual(certDer);
    expect(derFromInput(Buffer.from(b64).toString('base64'), opts)).toEqual(certDer);
    expect(derFromInput(Buffer.from(encodePem('CERTIFICATE', certDer)).toString('base64'), opts)).toEqual(certDer);
    expect(derFromInput(new Uint8Array(Buffer.from(encodePem('CERTIFICATE', certDer))), opts)).toEqual(certDer);
    expect(() => derFromInput(encodePem('PUBLIC KEY', certDer), opts)).toThrow(/labelled CERTIFICATE, found PUBLIC KEY/);
    expect(() => derFromInput('not base64 at all!', opts)).toThrow(/neither DER, PEM nor base64/);
    expect(() => derFromInput('-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----', opts)).toThrow(/not valid base64/);
  });
});
