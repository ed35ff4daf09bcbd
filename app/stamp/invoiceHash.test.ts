import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { canonicalInvoiceBytes, canonicalInvoiceText, computeInvoiceHash, invoiceHashBytes, INITIAL_PIH } from './invoiceHash';
import { listSampleXml, SDK_PIH, VECTORS_DIR } from '../../test/vectors';

const declaredHash = (text: string) => /<ds:Reference Id="invoiceSignedData"[\s\S]*?<ds:DigestValue>([^<]+)</.exec(text)?.[1];

// Reference §1: the keep-whitespace recipe reproduces every sample except the deliberately broken R3.2.7 *_Error
// files and three stale R3.2.7 standard samples, where no recipe matches.
const STALE = [
  'sdk-238-R3.2.7/Data/Samples/Standard/Invoice/Standard_Invoice.xml',
  'Sample Invoice[Advance Payements] - 1.xml',
  'Sample Invoice[Advance Payements] - 2.xml',
];
const isError = (p: string) => p.endsWith('_Error.xml');

describe('invoice hash (reference §1)', () => {
  const all = listSampleXml();
  const consistent = all.filter((p) => !isError(p) && !STALE.some((s) => p.endsWith(s)));

  it('covers the SDK samples', () => expect(consistent.length).toBeGreaterThanOrEqual(29));

  it.each(consistent)('equals the DigestValue of %s', (rel) => {
    const bytes = readFileSync(path.join(VECTORS_DIR, rel));
    expect(computeInvoiceHash(bytes)).toBe(declaredHash(bytes.toString('utf8')));
  });

  it.each(all.filter((p) => p.includes('Simplified') && isError(p)))('does not equal the deliberately wrong DigestValue of %s', (rel) => {
    const bytes = readFileSync(path.join(VECTORS_DIR, rel));
    expect(computeInvoiceHash(bytes)).not.toBe(declaredHash(bytes.toString('utf8')));
  });

  it('agrees with xmllint --c14n11 on the canonical bytes (independent C14N)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-c14n-'));
    const rel = 'sdk-238-R3.4.6-from-phive/Samples/Simplified/Invoice/Simplified_Invoice.xml';
    const text = readFileSync(path.join(VECTORS_DIR, rel), 'utf8');
    // remove the excluded elements textually (they are unique in the sample), keeping the whitespace around them
    const stripped = text
      .replace(/<ext:UBLExtensions>[\s\S]*?<\/ext:UBLExtensions>/, '')
      .replace(/<cac:Signature>[\s\S]*?<\/cac:Signature>/, '')
      .replace(/<cac:AdditionalDocumentReference>\s*<cbc:ID>QR<\/cbc:ID>[\s\S]*?<\/cac:AdditionalDocumentReference>/, '');
    const file = path.join(dir, 'stripped.xml');
    writeFileSync(file, stripped);
    const c14n = execFileSync('xmllint', ['--c14n11', file]);
    expect(c14n.toString('utf8')).toBe(canonicalInvoiceText(text));
    expect(createHash('sha256').update(c14n).digest('base64')).toBe(declaredHash(text));
  });

  it("streams C14N output straight into SHA-256: same digest as xmllint's bytes, for a large Arabic document", () => {
    // a text node far larger than libxml2's output buffer (4 KB, flushed in 16 KB chunks), Arabic throughout, so the
    // output arrives in several chunks; the hash never goes through a JS string and the text is decoded only once
    const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-c14n-'));
    const long = 'تمر | Dates & <more> '.repeat(2000);
    const text = `<?xml version="1.0" encoding="UTF-8"?>\n<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">\n    <cbc:Note>${long.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</cbc:Note>\n    <cbc:ID b="2" a="1"/>\n</Invoice>`;
    const file = path.join(dir, 'long.xml');
    writeFileSync(file, text);
    const c14n = execFileSync('xmllint', ['--c14n11', file]);
    expect(c14n.length).toBeGreaterThan(60_000);
    expect(Buffer.from(canonicalInvoiceBytes(text)).equals(c14n)).toBe(true);
    expect(canonicalInvoiceText(text)).toBe(c14n.toString('utf8'));
    expect(Buffer.from(invoiceHashBytes(text)).toString('base64')).toBe(createHash('sha256').update(c14n).digest('base64'));
  });

  it('the initial PIH is base64 of the hex text of SHA-256("0"), as in the SDK', () => {
    expect(readFileSync(SDK_PIH, 'utf8').trim()).toBe(INITIAL_PIH);
    expect(Buffer.from(INITIAL_PIH, 'base64').toString('ascii')).toBe(createHash('sha256').update('0').digest('hex'));
  });
});
