import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VECTORS_DIR } from '../../test/vectors';
import { encodePem } from '../asn1/pem';
import { randomPrivateKey, signDer } from '../crypto/ecdsa';
import { derBitString, derOid, derSequence } from '../asn1/der';
import { buildCsr } from './buildCsr';
import { validateCsrConfig } from './csrConfig';
import { csrConfigOf, parseCsr } from './parseCsr';

const vector = (...p: string[]) => readFileSync(path.join(VECTORS_DIR, ...p), 'utf8');
const sdk2022 = vector('sdk-generated-csrs', 'generated-csr-20220721094125.csr');
const sdk2026 = vector('sdk-generated-csrs', 'generated-csr-20260623104638.csr');
const fatooraRs = vector('sdk-238-R3.4.x-keys-from-fatoora-rs', 'test_zatca_en1.csr');

/** openssl's verdict on a CSR's self-signature (independent check). OpenSSL 3.0 exits 0 either way, so read it. */
function opensslVerifies(der: Uint8Array): boolean {
  const r = spawnSync('openssl', ['req', '-noout', '-verify'], { input: encodePem('CERTIFICATE REQUEST', der), encoding: 'utf8' });
  const out = `${r.stdout}${r.stderr}`;
  if (/verify failure/.test(out)) return false;
  if (/verify OK/.test(out)) return true;
  throw new Error(`openssl gave no verdict: ${out}`);
}

describe('parseCsr on SDK-generated CSRs (API form: base64 of the PEM text)', () => {
  it('reads the R3.4.8 CSR (CRLF PEM, UTF8String template)', () => {
    const csr = parseCsr(sdk2026);
    expect(csr.signatureValid).toBe(true);
    expect(opensslVerifies(csr.der)).toBe(true);
    expect(csr.subject).toEqual({ C: 'SA', OU: 'Riyadh Branch', O: 'Maximum Speed Tech Supply LTD', CN: 'TST-886431145-399999999900003' });
    expect(csr.subjectName).toBe('CN=TST-886431145-399999999900003, O=Maximum Speed Tech Supply LTD, OU=Riyadh Branch, C=SA');
    expect(csr.templateName).toBe('PREZATCA-Code-Signing');
    expect(csr.zatca).toEqual({
      egsSerial: '1-TST|2-TST|3-ed22f1d8-e6a2-1118-9b58-d9a8f11e445f',
      vatNumber: '399999999900003',
      invoiceTypes: '1100',
      location: 'RRRD2929',
      industry: 'Supply activities',
      templateName: 'PREZATCA-Code-Signing',
    });
    expect(csr.publicKeyCurve).toBe('1.3.132.0.10');
    expect(csr.publicKey.length).toBe(65);
    expect(csr.spki.length).toBe(88);
    expect(csr.attributeOids).toEqual(['1.2.840.113549.1.9.14']);
    expect(validateCsrConfig(csrConfigOf(csr))).toEqual([]);
    expect(csrConfigOf(csr).environment).toBe('simulation');
  });

  it('reads the 2022 SDK CSR (PrintableString template)', () => {
    const csr = parseCsr(sdk2022);
    expect(csr.signatureValid).toBe(true);
    expect(csr.templateName).toBe('TSTZATCA-Code-Signing');
    expect(csr.extensions.find((e) => e.oid === '1.3.6.1.4.1.311.20.2')!.value[0]).toBe(0x13);
    expect(csr.zatca.vatNumber).toBe('311111111101113');
    expect(csr.subject.OU).toBe('Ryiad Branch');
    expect(validateCsrConfig(csrConfigOf(csr))).toEqual([]);
    expect(csrConfigOf(csr).environment).toBe('developer-portal');
  });

  it('reads the fatoora-rs CSR given as base64 DER', () => {
    const csr = parseCsr(fatooraRs);
    expect(csr.signatureValid).toBe(true);
    expect(opensslVerifies(csr.der)).toBe(true);
    expect(csr.templateName).toBe('ZATCA-Code-Signing');
    expect(csrConfigOf(csr).environment).toBe('production');
  });

  it('accepts PEM, DER bytes and PEM file bytes equally', () => {
    const der = parseCsr(sdk2026).der;
    const pem = Buffer.from(sdk2026, 'base64').toString('utf8');
    for (const input of [pem, der, new Uint8Array(Buffer.from(pem))]) expect(parseCsr(input).der).toEqual(der);
  });
});

describe('parseCsr on tampered and broken input', () => {
  const built = buildCsr(
    {
      commonName: 'POS-1',
      serialNumber: '1-Dukkan|2-1.0|3-0001',
      organizationIdentifier: '399999999900003',
      organizationUnitName: 'Main',
      organizationName: 'Test Shop',
      countryName: 'SA',
      invoiceType: '0100',
      locationAddress: 'RRRD2929',
      industryBusinessCategory: 'Retail',
      environment: 'local-simulator',
    },
    randomPrivateKey(),
  );

  it('reports signatureValid false when a subject byte changes, as openssl does', () => {
    const at = Buffer.from(built.der).indexOf(Buffer.from('Test Shop'));
    const tampered = Uint8Array.from(built.der);
    tampered[at] = 'B'.charCodeAt(0);
    const csr = parseCsr(tampered);
    expect(csr.subject.O).toBe('Best Shop');
    expect(csr.signatureValid).toBe(false);
    expect(opensslVerifies(tampered)).toBe(false);
    expect(opensslVerifies(built.der)).toBe(true);
  });

  it('reports signatureValid false when the SAN changes or the signature is from another key', () => {
    const at = Buffer.from(built.der).indexOf(Buffer.from('0100'));
    const wider = Uint8Array.from(built.der);
    wider[at] = '1'.charCodeAt(0); // title 0100 -> 1100 without re-signing
    expect(parseCsr(wider).zatca.invoiceTypes).toBe('1100');
    expect(parseCsr(wider).signatureValid).toBe(false);
    const csr = parseCsr(built.der);
    const foreign = derSequence(csr.info, derSequence(derOid('1.2.840.10045.4.3.2')), derBitString(signDer(csr.info, randomPrivateKey())));
    expect(parseCsr(foreign).signatureValid).toBe(false);
    expect(opensslVerifies(foreign)).toBe(false);
    const sha384 = derSequence(csr.info, derSequence(derOid('1.2.840.10045.4.3.3')), derBitString(csr.signatureValue));
    expect(parseCsr(sha384).signatureValid).toBe(false);
  });

  it('catches every single-bit change in the SDK CSR: either it no longer parses or signatureValid is false', () => {
    const der = parseCsr(sdk2026).der;
    let parsed = 0;
    for (let i = 0; i < der.length; i++) {
      const bytes = Uint8Array.from(der);
      bytes[i]! ^= 0x01;
      try {
        const csr = parseCsr(bytes);
        parsed++;
        expect(csr.signatureValid).toBe(false);
      } catch (e) {
        expect(e).toBeInstanceOf(Error);
      }
    }
    expect(parsed).toBeGreaterThan(der.length / 2);
  });

  it('throws on structural damage instead of guessing', () => {
    expect(() => parseCsr(built.der.subarray(0, built.der.length - 3))).toThrow(/DER/);
    expect(() => parseCsr('nonsense!')).toThrow(/CSR: input is neither DER, PEM nor base64/);
    expect(() => parseCsr(encodePem('CERTIFICATE', built.der))).toThrow(/labelled CERTIFICATE REQUEST/);
    expect(() => parseCsr(vector('sdk-238-R3.2.7', 'Data', 'Certificates', 'cert.pem'))).toThrow(/CSR/);
  });
});
