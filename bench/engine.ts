// SPDX-License-Identifier: UNLICENSED
// Engine latency: build + stamp + QR for a 5-line and a 100-line simplified invoice, p50/p99, and documents per
// second on one core — on the product signing path (@noble/curves, app/crypto/signingKey.ts; Electron's BoringSSL
// has no secp256k1), next to OpenSSL through node:crypto (the earlier path, now a test oracle only) and the
// zatca-xml-js npm package on an equivalent document.
import { createRequire } from 'node:module';
import { parseDocumentInput, type DocumentInputJson } from '../app/document/documentInput';
import { buildAndStamp } from '../app/engine/buildAndStamp';
import { createSigningKey, precomputeSigningTables } from '../app/crypto/signingKey';
import { encodeSec1PrivateKeyPem } from '../app/keys/privateKey';
import { INITIAL_PIH } from '../app/stamp/invoiceHash';
import { opensslSigner } from '../test/support/opensslOracle';
import { nativeSha256 } from '../main/zatca/nativeSha256';
import { createTestEgs } from '../test/support/testCertificate';
import { SELLER } from '../test/fixtures/documents';
import { xmlbuilder2Document } from '../test/support/xmlbuilder2Document';
import { computeTotals } from '../app/totals/computeTotals';
import { buildUnsignedInvoiceXml } from '../app/ubl/buildInvoiceXml';
import { measureInterleaved, ms, type BenchSection, type LatencySummary } from './stats';
import type * as ZatcaXmlJs from 'zatca-xml-js';

const require = createRequire(import.meta.url);

/** What the ledger passes: structural self-check (it verifies in full before storing) and the native SHA-256. */
const LEDGER_PATH = { selfCheck: 'structural', sha256: nativeSha256 } as const;

function sale(lines: number): DocumentInputJson {
  return {
    kind: 'invoice',
    number: 'T1-000001',
    uuid: '3cf5ee18-ee25-44ea-a444-2c37ba7f28be',
    issueDate: '2026-11-23',
    issueTime: '14:05:09',
    seller: SELLER,
    lines: Array.from({ length: lines }, (_, i) => ({
      name: `صنف رقم ${i + 1} | Item ${i + 1}`,
      quantity: String((i % 3) + 1),
      unitPrice: `${(i % 50) + 1}.${String((i * 7) % 100).padStart(2, '0')}`,
      vat: { category: 'S' as const, rate: '15' },
    })),
  };
}

/** The same cart for zatca-xml-js (floats are its own choice; amounts are small enough to stay exact here). */
function zatcaXmlJsInvoice(lines: number) {
  const { ZATCASimplifiedTaxInvoice } = require('zatca-xml-js') as typeof ZatcaXmlJs;
  return new ZATCASimplifiedTaxInvoice({
    props: {
      egs_info: {
        uuid: '6f4d20e0-6bfe-4a80-9389-7dabe6620f12',
        custom_id: 'EGS1-886431145',
        model: 'POS',
        CRN_number: '1010010000',
        VAT_name: SELLER.name,
        VAT_number: SELLER.vatNumber,
        location: {
          city: 'Riyadh',
          city_subdivision: 'Al-Murabba',
          street: 'Prince Sultan',
          plot_identification: '0000',
          building: '2322',
          postal_zone: '23333',
        },
        branch_name: 'Main',
        branch_industry: 'Retail',
      },
      invoice_counter_number: 1,
      invoice_serial_number: 'T1-000001',
      issue_date: '2026-11-23',
      issue_time: '14:05:09',
      previous_invoice_hash: INITIAL_PIH,
      line_items: Array.from({ length: lines }, (_, i) => ({
        id: String(i + 1),
        name: `Item ${i + 1}`,
        quantity: (i % 3) + 1,
        tax_exclusive_price: (i % 50) + 1 + ((i * 7) % 100) / 100,
        VAT_percent: 0.15,
      })),
    },
  });
}

async function docsPerSecond(fn: () => Promise<unknown>, seconds = 3): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let n = 0;
  while (performance.now() < end) {
    await fn();
    n++;
  }
  return n / seconds;
}

export async function benchEngine(): Promise<BenchSection> {
  precomputeSigningTables(); // as the till does once it is usable
  const egs = createTestEgs();
  const noble = { certificate: egs.certificate, sign: createSigningKey(egs.privateKey).sign };
  const openssl = { certificate: egs.certificate, sign: opensslSigner(egs.privateKey) };
  const keyPem = encodeSec1PrivateKeyPem(egs.privateKey);
  const certPem = `-----BEGIN CERTIFICATE-----\n${egs.certificate.base64Der}\n-----END CERTIFICATE-----`;
  const rows: string[] = [];
  const writerRows: string[] = [];
  const figures: Record<string, unknown> = {};
  for (const lines of [5, 100]) {
    const json = sale(lines);
    // warm every path first (JIT, wasm tiers, OpenSSL): the first measured variant must not pay for the others
    for (let i = 0; i < (lines === 5 ? 1500 : 150); i++) {
      await buildAndStamp(parseDocumentInput(json), { icv: 1, pih: INITIAL_PIH }, i % 2 ? noble : openssl, { selfCheck: i % 3 ? 'structural' : 'rehash' });
    }
    // variants interleaved round-robin, so the machine's moment-to-moment speed (a shared VM) hits all of them alike
    const variants = {
      ours: () => buildAndStamp(parseDocumentInput(json), { icv: 1, pih: INITIAL_PIH }, noble, LEDGER_PATH),
      oursRehash: () => buildAndStamp(parseDocumentInput(json), { icv: 1, pih: INITIAL_PIH }, noble),
      oursOpenssl: () => buildAndStamp(parseDocumentInput(json), { icv: 1, pih: INITIAL_PIH }, openssl, LEDGER_PATH),
      theirs: () => zatcaXmlJsInvoice(lines).sign(certPem, keyPem),
    };
    const { ours, oursRehash, oursOpenssl, theirs } = await measureInterleaved(variants, lines === 5 ? 1500 : 150);
    const rate = await docsPerSecond(() => buildAndStamp(parseDocumentInput(json), { icv: 1, pih: INITIAL_PIH }, noble, LEDGER_PATH));
    figures[`lines${lines}`] = { ours, oursRehash, oursOpenssl, theirs, rate };
    const row = (name: string, s: LatencySummary) => `| ${lines} | ${name} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.cpuMean ?? NaN)} | ${s.runs} |`;
    rows.push(
      row('Dukkan, noble signer (product path), structural self-check (the ledger path)', ours),
      row('Dukkan, noble signer, full libxml2 re-hash self-check (`dukkan sign`)', oursRehash),
      row('Dukkan, OpenSSL signer through node:crypto (not available in Electron), structural', oursOpenssl),
      row('zatca-xml-js 0.1.9', theirs),
    );
    // the UBL writer on its own: ours against xmlbuilder2 (the builder until 2026-12, now the tests' oracle)
    const doc = parseDocumentInput(json);
    const totals = computeTotals(doc);
    const writers = await measureInterleaved(
      {
        xmlWriter: () => buildUnsignedInvoiceXml(doc, totals, { icv: 1, pih: INITIAL_PIH }),
        xmlbuilder2: () => buildUnsignedInvoiceXml(doc, totals, { icv: 1, pih: INITIAL_PIH }, xmlbuilder2Document),
      },
      lines === 5 ? 1500 : 150,
    );
    figures[`writers${lines}`] = writers;
    writerRows.push(
      `| ${lines} | ${ms(writers.xmlWriter.p50)} | ${ms(writers.xmlbuilder2.p50)} | ${(writers.xmlbuilder2.p50 / writers.xmlWriter.p50).toFixed(1)}× |`,
    );
    figures[`ratio${lines}`] = theirs.p50 / ours.p50;
    rows.push(
      `| ${lines} | ratio zatca-xml-js p50 / Dukkan p50 | ${(theirs.p50 / ours.p50).toFixed(2)}× | | ${((theirs.cpuMean ?? NaN) / (ours.cpuMean ?? NaN)).toFixed(2)}× | |`,
    );
    rows.push(`| ${lines} | Dukkan documents per second, one core (sequential) | ${rate.toFixed(0)} /s | | | |`);
  }
  const five = figures.lines5 as { ours: LatencySummary; theirs: LatencySummary };
  const p50 = five.ours.p50;
  const ratio = five.theirs.p50 / p50;
  const markdown = [
    'Build + stamp + QR of one simplified invoice, from the document JSON (validated) to the final signed XML and QR',
    'text: totals, UBL (app/xml/xmlWriter), the C14N 1.1 form for the invoice hash (written by the same writer, equal',
    "to libxml2's), ECDSA signature, SignedProperties, QR. The product signs with @noble/curves (Electron's node:crypto",
    'is BoringSSL: no secp256k1), with precomputed 10-bit tables for the base point and the key parsed once per unlock.',
    'The "structural" self-check proves the final bytes differ from the hashed ones only inside the excluded blocks;',
    "the ledger then re-verifies every document in full (libxml2's C14N re-hash, signature, QR) before storing it —",
    'that cost is in the ledger figures below. `dukkan sign` uses the full re-hash. zatca-xml-js gets the equivalent',
    'cart (same lines and prices) and its own `sign()`. Variants run in rotating blocks with a full GC between blocks,',
    "so each pays for its own garbage. CPU mean is this process's CPU time per run (user + system): on a shared",
    'machine it leaves out the waiting for a core that the wall-clock columns include.',
    '',
    '| lines | implementation | p50 | p99 | CPU mean | runs |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    `Target on the noble path: p50 ≤ 0.8 ms for 5 lines — ${p50 <= 0.8 ? 'met' : 'NOT met'} (${ms(p50)}); ≥ 10× zatca-xml-js — ${ratio >= 10 ? 'met' : 'NOT met'} (${ratio.toFixed(1)}×).`,
    'Signing is most of the noble path. noble multiplies in constant time over a blinded 384-bit scalar (its defence',
    'against timing leaks of the nonce), which we keep; that is most of the gap to the OpenSSL row. The points use a',
    'secp256k1 field that folds products (2^256 ≡ 2^32 + 977 mod p) instead of dividing (app/crypto/secp256k1Point.ts;',
    'the same signatures, ~17 % less per signature measured interleaved). Wider tables (12-bit windows) measured no',
    'faster. What is left: noble keeps point coordinates as BigInts, so every field operation allocates; the RFC 6979',
    'nonce derivation runs HMAC-SHA-256 in JavaScript.',
    '',
    'The unsigned UBL alone (p50), through our writer and through xmlbuilder2, which writes the same bytes (the',
    'builder tests compare them on every fixture and on random carts):',
    '',
    '| lines | app/xml/xmlWriter | xmlbuilder2 | ratio |',
    '|---|---|---|---|',
    ...writerRows,
  ].join('\n');
  return { title: 'Engine: build + stamp + QR', markdown, figures };
}
