import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SDK_KEY_PEM, VECTORS_DIR } from '../../test/vectors';
import { parseDer } from '../asn1/derReader';
import { privateKeySigner, publicKeyFromPrivate, randomPrivateKey } from '../crypto/ecdsa';
import { parsePrivateKey } from '../keys/privateKey';
import { buildCsr, buildCsrWithSigner, validateCsrConfig, type CsrConfig } from './buildCsr';
import { csrConfigOf, parseCsr } from './parseCsr';

const tmp = mkdtempSync(path.join(tmpdir(), 'dukkan-csr-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs openssl on a CSR written to a temp file; returns stdout+stderr. */
function opensslReq(pem: string, args: string[]): { out: string } {
  const file = path.join(tmp, `req-${Math.random().toString(36).slice(2)}.pem`);
  writeFileSync(file, pem);
  const r = spawnSync('openssl', ['req', '-in', file, '-noout', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl req failed: ${r.stderr}`);
  return { out: `${r.stdout}${r.stderr}` };
}

/** The SDK's csr-config-*.properties read as a CsrConfig. */
function propertiesConfig(file: string, environment: CsrConfig['environment']): CsrConfig {
  const props = Object.fromEntries(
    readFileSync(path.join(VECTORS_DIR, 'sdk-238-R3.4.x-keys-from-fatoora-rs', file), 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')).trim(), l.slice(l.indexOf('=') + 1).trim()]),
  );
  return {
    commonName: props['csr.common.name']!,
    serialNumber: props['csr.serial.number']!,
    organizationIdentifier: props['csr.organization.identifier']!,
    organizationUnitName: props['csr.organization.unit.name']!,
    organizationName: props['csr.organization.name']!,
    countryName: props['csr.country.name']!,
    invoiceType: props['csr.invoice.type']!,
    locationAddress: props['csr.location.address']!,
    industryBusinessCategory: props['csr.industry.business.category']!,
    environment,
  };
}

const en = propertiesConfig('csr-config-example-EN.properties', 'simulation');
const key = randomPrivateKey();

describe('buildCsr against the SDK', () => {
  it('lays out subject and extensionRequest byte for byte as the R3.4.8 SDK did for the same inputs', () => {
    const sdk = parseCsr(readFileSync(path.join(VECTORS_DIR, 'sdk-generated-csrs', 'generated-csr-20260623104638.csr'), 'utf8'));
    const ours = parseCsr(buildCsr(en, key).der);
    const [, sdkSubject, , sdkAttrs] = parseDer(sdk.info).children!;
    const [, ourSubject, , ourAttrs] = parseDer(ours.info).children!;
    expect(ourSubject!.raw).toEqual(sdkSubject!.raw);
    expect(ourAttrs!.raw).toEqual(sdkAttrs!.raw);
    expect(ours.spki.length).toBe(88);
  });

  it('is accepted by openssl req -verify and shows the ZATCA fields in openssl req -text', () => {
    const csr = buildCsr(en, key);
    // OpenSSL 3.0 exits 0 even when verification fails: read its verdict
    expect(opensslReq(csr.pem, ['-verify']).out).toMatch(/self-signature verify OK/);
    const text = opensslReq(csr.pem, ['-text']).out;
    expect(text).toMatch(/Subject: C\s*=\s*SA, OU\s*=\s*Riyadh Branch, O\s*=\s*Maximum Speed Tech Supply LTD, CN\s*=\s*TST-886431145-399999999900003/);
    expect(text).toContain(
      'DirName:/SN=1-TST|2-TST|3-ed22f1d8-e6a2-1118-9b58-d9a8f11e445f/UID=399999999900003/title=1100/registeredAddress=RRRD2929/businessCategory=Supply activities',
    );
    expect(text).toContain('1.3.6.1.4.1.311.20.2');
    expect(text).toContain('PREZATCA-Code-Signing');
    expect(text).toMatch(/ASN1 OID: secp256k1/);
    expect(text).toMatch(/Signature Algorithm: ecdsa-with-SHA256/);
  });

  it('returns the API form: base64 of the PEM text', () => {
    const csr = buildCsr(en, key);
    expect(Buffer.from(csr.apiBase64, 'base64').toString('utf8')).toBe(csr.pem);
    expect(csr.pem.startsWith('-----BEGIN CERTIFICATE REQUEST-----\n')).toBe(true);
    expect(parseCsr(csr.apiBase64).der).toEqual(csr.der);
  });

  it('round-trips through parseCsr into the same config, signed by the given key', () => {
    const csr = parseCsr(buildCsr(en, key).pem);
    expect(csr.signatureValid).toBe(true);
    expect(csr.publicKey).toEqual(publicKeyFromPrivate(key));
    expect(csrConfigOf(csr)).toEqual(en);
  });

  it.each([
    ['production', 'ZATCA-Code-Signing'],
    ['simulation', 'PREZATCA-Code-Signing'],
    ['developer-portal', 'TSTZATCA-Code-Signing'],
    ['local-simulator', 'TSTZATCA-Code-Signing'],
  ] as const)('writes the %s template name %s as a UTF8String', (environment, name) => {
    const csr = parseCsr(buildCsr({ ...en, environment }, key).der);
    expect(csr.templateName).toBe(name);
    const ext = csr.extensions.find((e) => e.oid === '1.3.6.1.4.1.311.20.2')!;
    expect(ext.value[0]).toBe(0x0c);
  });

  it('builds the Arabic SDK example, and openssl reads the UTF-8 back', () => {
    const ar = propertiesConfig('csr-config-example-AR.properties', 'production');
    const csr = buildCsr(ar, parsePrivateKey(readFileSync(SDK_KEY_PEM, 'utf8')));
    expect(opensslReq(csr.pem, ['-verify']).out).toMatch(/self-signature verify OK/);
    expect(opensslReq(csr.pem, ['-subject', '-nameopt', 'utf8,sep_comma_plus']).out).toContain(ar.organizationName);
    expect(parseCsr(csr.der).subject.O).toBe('شركة توريد التكنولوجيا بأقصى سرعة المحدودة');
    expect(parseCsr(csr.der).zatca.industry).toBe('أنشطة توريدات');
  });

  it('builds the VAT-group SDK example (OU = 10-digit TIN)', () => {
    const group = propertiesConfig('csr-config-example-EN-VAT-group.properties', 'simulation');
    expect(validateCsrConfig(group)).toEqual([]);
    expect(parseCsr(buildCsr(group, key).der).subject.OU).toBe('3999999999');
  });
});

describe('buildCsrWithSigner', () => {
  it('builds the same structure through a MessageSigner', async () => {
    const csr = await buildCsrWithSigner(en, publicKeyFromPrivate(key), privateKeySigner(key));
    expect(parseCsr(csr.der).signatureValid).toBe(true);
    expect(parseCsr(csr.der).info).toEqual(parseCsr(buildCsr(en, key).der).info);
  });

  it('refuses a signer that holds a different key', async () => {
    await expect(buildCsrWithSigner(en, publicKeyFromPrivate(key), privateKeySigner(randomPrivateKey()))).rejects.toThrow(/did not produce a valid signature/);
  });
});

describe('validateCsrConfig (the SDK checks, reference §8)', () => {
  const cases: Array<[string, Partial<CsrConfig>, string, string]> = [
    ['empty CN', { commonName: '' }, 'commonName', 'required'],
    ['VAT with 14 digits', { organizationIdentifier: '39999999990003' }, 'organizationIdentifier', 'vat-format'],
    ['VAT not starting with 3', { organizationIdentifier: '299999999900003' }, 'organizationIdentifier', 'vat-format'],
    ['VAT not ending with 3', { organizationIdentifier: '399999999900004' }, 'organizationIdentifier', 'vat-format'],
    [
      'VAT group with a branch-name OU',
      { organizationIdentifier: '399999999910003', organizationUnitName: 'Riyadh Branch' },
      'organizationUnitName',
      'vat-group-tin',
    ],
    ['serial without the 3- part', { serialNumber: '1-TST|2-TST' }, 'serialNumber', 'serial-format'],
    ['serial with =', { serialNumber: '1-TST|2-TST|3-a=b' }, 'serialNumber', 'forbidden-characters'],
    ['invoice type 0000', { invoiceType: '0000' }, 'invoiceType', 'invoice-type-empty'],
    ['invoice type 0200', { invoiceType: '0200' }, 'invoiceType', 'invoice-type-format'],
    ['invoice type 100', { invoiceType: '100' }, 'invoiceType', 'invoice-type-format'],
    ['& in the organisation name', { organizationName: 'Smith & Sons' }, 'organizationName', 'forbidden-characters'],
    ['_ in the common name', { commonName: 'POS_1' }, 'commonName', 'forbidden-characters'],
    ['< in the location', { locationAddress: 'a<b' }, 'locationAddress', 'forbidden-characters'],
    ['# in the industry', { industryBusinessCategory: 'Retail #1' }, 'industryBusinessCategory', 'forbidden-characters'],
    ['@ in the OU', { organizationUnitName: 'HQ@Riyadh' }, 'organizationUnitName', 'forbidden-characters'],
    ['country SAU', { countryName: 'SAU' }, 'countryName', 'country-format'],
    ['a control character', { organizationName: 'Acme\u0007' }, 'organizationName', 'invalid-characters'],
    ['surrounding spaces', { commonName: ' POS1 ' }, 'commonName', 'surrounding-whitespace'],
    ['unknown environment', { environment: 'staging' as CsrConfig['environment'] }, 'environment', 'environment'],
  ];
  it.each(cases)('reports %s', (_name, change, field, rule) => {
    const issues = validateCsrConfig({ ...en, ...change });
    expect(issues).toContainEqual(expect.objectContaining({ field, rule }));
    expect(issues.every((i) => i.message.length > 10)).toBe(true);
  });

  it('accepts the SDK examples and reports every missing field of an empty config', () => {
    expect(validateCsrConfig(en)).toEqual([]);
    const issues = validateCsrConfig({});
    expect(
      issues
        .filter((i) => i.rule === 'required')
        .map((i) => i.field)
        .sort(),
    ).toEqual(
      [
        'commonName',
        'countryName',
        'industryBusinessCategory',
        'invoiceType',
        'locationAddress',
        'organizationIdentifier',
        'organizationName',
        'organizationUnitName',
        'serialNumber',
      ].sort(),
    );
    expect(issues).toContainEqual(expect.objectContaining({ field: 'environment' }));
  });

  it('makes buildCsr throw an Error listing every problem, and nothing is built', () => {
    expect(() => buildCsr({ ...en, organizationIdentifier: '123', invoiceType: '0000' }, key)).toThrow(
      /organizationIdentifier \(vat-format\).*invoiceType \(invoice-type-empty\)/,
    );
  });
});
