// SPDX-License-Identifier: UNLICENSED
import { describe, expect, it } from 'vitest';
import { parseDocumentInput } from '../../app/document/documentInput';
import { buildAndStamp } from '../../app/engine/buildAndStamp';
import { createSigningKey } from '../../app/crypto/signingKey';
import { INITIAL_PIH } from '../../app/stamp/invoiceHash';
import { verifyInvoice } from '../../app/verify/verifyInvoice';
import { createTestEgs } from '../support/testCertificate';
import { simplifiedInvoice } from '../fixtures/documents';
import { acceptingValidator } from './acceptingValidator';

async function stampedInvoice(icv: number) {
  const egs = createTestEgs();
  const stamped = await buildAndStamp(
    parseDocumentInput(simplifiedInvoice()),
    { icv, pih: INITIAL_PIH },
    {
      certificate: egs.certificate,
      sign: createSigningKey(egs.privateKey).sign,
    },
  );
  return { egs, stamped };
}

describe('the simulator throughput mode (acceptingValidator)', () => {
  it('reports what the full verifier reads from a stamped document, and no findings', async () => {
    const { egs, stamped } = await stampedInvoice(7);
    const full = verifyInvoice(stamped.bytes, { now: new Date(), rules: () => [] });
    const fast = await acceptingValidator(stamped.bytes, { now: new Date() });
    expect(fast.findings).toEqual([]);
    expect(fast.invoiceHash).toBe(stamped.hash);
    expect(fast.invoiceHash).toBe(full.invoiceHash);
    expect(fast.uuid).toBe(full.uuid);
    expect(fast.number).toBe(full.number);
    expect(fast.profile).toBe('simplified');
    expect(fast.kind).toBe('invoice');
    expect(fast.kind).toBe(full.kind);
    expect(fast.sellerVat).toBe(full.sellerVat);
    expect(fast.certificate?.base64Der).toBe(egs.certificate.base64Der);
  });

  it('takes a tampered document on its word: it checks nothing (bench only)', async () => {
    const { stamped } = await stampedInvoice(1);
    const tampered = new TextEncoder().encode(new TextDecoder().decode(stamped.bytes).replace('<cbc:IssueTime>', '<cbc:IssueTime>0'));
    expect(verifyInvoice(tampered, { now: new Date(), rules: () => [] }).valid).toBe(false);
    const fast = await acceptingValidator(tampered, { now: new Date() });
    expect(fast.findings).toEqual([]);
    expect(fast.invoiceHash).toBe(stamped.hash);
  });
});
