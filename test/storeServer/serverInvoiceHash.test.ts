// SPDX-License-Identifier: UNLICENSED
// The store server's check computes the invoice hash its own way — one walk that reads the labels and the signature
// and removes the excluded blocks, and node:crypto's SHA-256 over libxml2's C14N (server/pushedXmlCheck.ts) — so it
// must equal the engine's hash (app/stamp/invoiceHash.ts, reference §1) on every document: the ZATCA SDK's samples,
// signed or not, whitespace and all, and the store-server fixtures. The SDK's simplified samples are signed with the
// SDK's certificate: the server's check accepts them whole (labels, hash, signature) and refuses them altered.
import { describe, expect, it } from 'vitest';
import { computeInvoiceHash } from '../../app/stamp/invoiceHash';
import { readInvoiceFields } from '../../app/verify/readInvoiceFields';
import { withXml } from '../../app/xml/parseXml';
import { checkPushedXml, serverInvoiceHash } from '../../server/pushedXmlCheck';
import { listSampleXml, readVector } from '../vectors';
import { chainedDocuments } from './storeFixtures';

const samples = listSampleXml();

describe('the store server’s invoice hash', () => {
  it.each(samples)('equals the engine’s for %s', (rel) => {
    const xml = readVector(rel);
    expect(serverInvoiceHash(xml)).toBe(computeInvoiceHash(xml));
  });

  it('equals the engine’s for the pushed fixtures, as a string and as bytes', () => {
    for (const d of chainedDocuments('hash-eq', 1, 3)) {
      expect(serverInvoiceHash(d.xml)).toBe(d.hash);
      expect(serverInvoiceHash(Buffer.from(d.xml))).toBe(d.hash);
    }
  });
});

describe('the store server’s check of the SDK’s signed simplified samples', () => {
  const signed = samples.filter((rel) => rel.startsWith('sdk-238-R3.4.6') && rel.includes('/Simplified/'));

  it.each(signed)('accepts %s and names its certificate', (rel) => {
    const xml = readVector(rel).toString('utf8');
    const f = withXml(xml, (doc) => readInvoiceFields(doc));
    const fields = { chain: 'sdk', icv: Number(f.icv), uuid: f.uuid!, number: f.number!, pih: f.pih!, hash: computeInvoiceHash(xml), xml };
    const verdict = checkPushedXml(fields);
    expect(verdict).toHaveProperty('certificate.serial');
    // another hash pushed beside it, or a signature value of another document: refused
    expect(checkPushedXml({ ...fields, hash: computeInvoiceHash(xml.replace('</cbc:ProfileID>', ' </cbc:ProfileID>')) })).toMatchObject({
      refusal: { code: 'store.hash-mismatch' },
    });
  });
});
