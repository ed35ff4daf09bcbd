import { describe, expect, it } from 'vitest';
import { openssl } from '../../test/support/opensslOracle';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SDK_CERT_PEM, VECTORS_DIR, listSampleXml } from '../../test/vectors';
import { base64ToBytes, bytesToHex } from '../bytes/index';
import { encodePem } from '../asn1/pem';
import { parseCertificate, type Certificate } from './parseCertificate';
// OpenSSL as an independent oracle (node:crypto's secp256k1 is refused under the BoringSSL profile)
const { X509Certificate } = openssl;

const sdkCertText = readFileSync(SDK_CERT_PEM, 'utf8');
const token346 = readFileSync(path.join(VECTORS_DIR, 'sdk-238-R3.4.x-keys-from-fatoora-rs', 'zatca_cert_b64.txt'), 'utf8');

/** What the signed samples say about their certificate (reference §3, §6). */
function sampleFacts(rel: string) {
  const xml = readFileSync(path.join(VECTORS_DIR, rel), 'utf8');
  const pick = (re: RegExp) => re.exec(xml)?.[1]?.trim();
  return {
    certText: pick(/<ds:X509Certificate>([\s\S]*?)<\/ds:X509Certificate>/),
    issuerName: pick(/<ds:X509IssuerName>([\s\S]*?)<\/ds:X509IssuerName>/),
    serial: pick(/<ds:X509SerialNumber>([\s\S]*?)<\/ds:X509SerialNumber>/),
    qr: pick(/<cbc:ID>QR<\/cbc:ID>[\s\S]*?<cbc:EmbeddedDocumentBinaryObject[^>]*>([\s\S]*?)<\/cbc:EmbeddedDocumentBinaryObject>/),
  };
}

function qrTags(qrBase64: string): Map<number, Uint8Array> {
  const bytes = base64ToBytes(qrBase64);
  const tags = new Map<number, Uint8Array>();
  for (let i = 0; i < bytes.length;) {
    const tag = bytes[i]!;
    const len = bytes[i + 1]!;
    tags.set(tag, bytes.subarray(i + 2, i + 2 + len));
    i += 2 + len;
  }
  return tags;
}

/** node:crypto's independent reading of the same certificate. */
function crossCheckWithNode(cert: Certificate): void {
  const x = new X509Certificate(Buffer.from(cert.der));
  expect(BigInt(`0x${x.serialNumber}`)).toBe(cert.serialNumber);
  expect(new Date(x.validFrom).getTime()).toBe(cert.notBefore.getTime());
  expect(new Date(x.validTo).getTime()).toBe(cert.notAfter.getTime());
  expect(new Uint8Array(x.publicKey.export({ format: 'der', type: 'spki' }))).toEqual(cert.spki);
  // node prints one attribute per line in DER order
  expect(x.subject.split('\n')).toEqual(cert.subjectRdns.map((rdn) => rdn.map((a) => `${a.type}=${a.value}`).join('+')));
  expect(x.issuer.split('\n')).toEqual(cert.issuerRdns.map((rdn) => rdn.map((a) => `${a.type}=${a.value}`).join('+')));
  const san = x.subjectAltName ?? '';
  for (const v of Object.values(cert.zatca)) expect(san).toContain(v);
}

describe('parseCertificate: SDK R3.2.7 cert.pem (headerless one-line base64, reference §13 A)', () => {
  const cert = parseCertificate(sdkCertText);

  it('gives the ZATCA issuer name, decimal serial and subject', () => {
    expect(cert.issuerName).toBe('CN=TSZEINVOICE-SubCA-1, DC=extgazt, DC=gov, DC=local');
    expect(cert.serialDecimal).toBe('2475382889481219846080454947234981286678397371');
    expect(cert.subjectName).toBe('CN=TST-399999999900003, OU=TST, O=3999999999, C=SA');
    expect(cert.subject).toEqual({ CN: 'TST-399999999900003', OU: 'TST', O: '3999999999', C: 'SA' });
    expect(cert.issuer.DC).toBe('extgazt');
    expect(cert.notBefore.toISOString()).toBe('2022-11-09T08:07:22.000Z');
    expect(cert.notAfter.toISOString()).toBe('2024-11-08T08:07:22.000Z');
    expect(cert.version).toBe(3);
    expect(cert.signatureAlgorithm).toBe('1.2.840.10045.4.3.2');
    expect(cert.publicKeyCurve).toBe('1.3.132.0.10');
  });

  it('reads the SAN directoryName fields (reference §8)', () => {
    expect(cert.zatca).toEqual({
      egsSerial: '1-TST|2-TST|3-9f092238-1d97-4718-b441-cbc301321b0a',
      vatNumber: '399999999900003',
      invoiceTypes: '1100',
      location: 'TST',
      industry: 'TST',
    });
  });

  it('gives QR tag 8 and tag 9 values as reference §13 records them', () => {
    expect(cert.spki.length).toBe(88);
    expect(bytesToHex(cert.spki)).toMatch(/^3056301006072a8648ce3d020106052b8104000a0342000461830ca0e6.*3ba2e61727d1$/);
    expect(cert.signatureValue.length).toBe(71);
    expect(bytesToHex(cert.signatureValue)).toMatch(/^304502207965048f.*d41b771e$/);
    expect(cert.base64Der).toBe(sdkCertText.trim());
  });

  it('agrees with node:crypto X509Certificate', () => crossCheckWithNode(cert));

  it('reads the same certificate from PEM, DER bytes, PEM file bytes and base64-of-base64', () => {
    const pem = encodePem('CERTIFICATE', cert.der);
    for (const input of [pem, cert.der, new Uint8Array(Buffer.from(pem)), Buffer.from(cert.base64Der).toString('base64'), `  ${sdkCertText}\n`]) {
      expect(parseCertificate(input).base64Der).toBe(cert.base64Der);
    }
  });
});

describe('parseCertificate: SDK R3.4.6 certificate (reference §13 B)', () => {
  it('detects the binarySecurityToken form (base64 of the base64 text)', () => {
    expect(Buffer.from(token346, 'base64').toString('latin1').startsWith('MII')).toBe(true);
    const cert = parseCertificate(token346);
    expect(cert.issuerName).toBe('CN=PRZEINVOICESCA4-CA, DC=extgazt, DC=gov, DC=local');
    expect(cert.serialDecimal).toBe('379112742831380471835263969587287663520528387');
    expect(cert.base64Der).toBe(Buffer.from(token346, 'base64').toString('latin1'));
    expect(cert.subject.O).toBe('Maximum Speed Tech Supply LTD');
    expect(cert.zatca.location).toBe('RRRD2929');
    expect(cert.zatca.industry).toBe('Supply activities');
    expect(cert.notAfter.toISOString()).toBe('2029-01-09T09:19:30.000Z');
    crossCheckWithNode(cert);
  });
});

describe('parseCertificate against every signed SDK sample', () => {
  const samples = listSampleXml().filter((rel) => sampleFacts(rel).certText);

  it('covers both SDK releases', () => {
    expect(samples.some((s) => s.startsWith('sdk-238-R3.2.7'))).toBe(true);
    expect(samples.some((s) => s.startsWith('sdk-238-R3.4.6'))).toBe(true);
  });

  // Two stale R3.2.7 samples carry the IssuerSerial of an unrelated test certificate (C=PL) next to a ZATCA one;
  // our reading of their certificate must therefore disagree with their IssuerSerial.
  const STALE_ISSUER_SERIAL = ['Exempt_Standard_Invoice.xml', 'Zero_Rate_Standard_Invoice.xml'];

  it.each(samples)('%s: X509IssuerName, X509SerialNumber, ds:X509Certificate text and QR tags 8/9 match', (rel) => {
    const facts = sampleFacts(rel);
    const cert = parseCertificate(facts.certText!);
    expect(cert.base64Der).toBe(facts.certText);
    if (STALE_ISSUER_SERIAL.some((name) => rel.endsWith(name))) {
      expect(facts.issuerName).toBe('CN=CommonName,O=GAZT,L=Katowice,ST=Silesia,C=PL');
      expect(cert.issuerName).toBe('CN=TSZEINVOICE-SubCA-1, DC=extgazt, DC=gov, DC=local');
      expect(cert.serialDecimal).not.toBe(facts.serial);
    } else {
      // the R3.2.7 advance-payment samples wrap the name after the first comma; the value is the same
      expect(cert.issuerName).toBe(facts.issuerName!.replace(/,\s+/g, ', '));
      expect(cert.serialDecimal).toBe(facts.serial);
    }
    if (facts.qr) {
      const tags = qrTags(facts.qr);
      expect(tags.get(8)).toEqual(cert.spki);
      // tag 9 is present on simplified documents only (reference §6)
      if (rel.includes('/Simplified/') && !rel.includes('_Error')) expect(tags.get(9)).toEqual(cert.signatureValue);
    }
  });
});

describe('parseCertificate refusals', () => {
  const der = base64ToBytes(sdkCertText);

  it('refuses truncated and padded DER', () => {
    expect(() => parseCertificate(der.subarray(0, der.length - 1))).toThrow(/DER/);
    expect(() => parseCertificate(Uint8Array.from([...der, 0]))).toThrow(/trailing/);
  });

  it('refuses a certificate whose outer signatureAlgorithm differs from the TBS one', () => {
    const hexDer = Buffer.from(der).toString('hex');
    const lastAlg = hexDer.lastIndexOf('06082a8648ce3d040302');
    const tampered = hexDer.slice(0, lastAlg) + '06082a8648ce3d040303' + hexDer.slice(lastAlg + 20);
    expect(() => parseCertificate(new Uint8Array(Buffer.from(tampered, 'hex')))).toThrow(/signatureAlgorithm differs/);
  });

  it('refuses text that is not a certificate in any accepted form', () => {
    expect(() => parseCertificate('not a cert!')).toThrow(/certificate: input is neither DER, PEM nor base64/);
    expect(() => parseCertificate('hello world')).toThrow(/certificate: input is not valid base64/);
    expect(() => parseCertificate(encodePem('CERTIFICATE REQUEST', der))).toThrow(/labelled CERTIFICATE/);
    expect(() => parseCertificate(Buffer.from('{"a":1}').toString('base64'))).toThrow(/certificate/);
  });
});
