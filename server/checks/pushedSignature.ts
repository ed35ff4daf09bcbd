// SPDX-License-Identifier: UNLICENSED
// The signature of a pushed document (docs/store-server.md, "Push"): ds:SignatureValue must verify, with the public
// key of the certificate in ds:X509Certificate, over the invoice hash the server itself recomputed from the XML
// (reference §2: SHA256withECDSA over the 32 raw hash bytes). So a document is stored only as its certificate's key
// signed it; which certificate a till may use is the ingest's pin (server/ingest.ts). The rest of the stamp
// (SignedProperties, CertDigest, QR) and the business rules stay the till's and Fatoora's.
//
// A till signs every document of a chain with one certificate, so a verifier with precomputed tables is kept per
// certificate (server/checks/pushedVerifier.ts, ~20 ms once): each further document costs one signature check.
import type { XmlElement } from 'libxml2-wasm';
import { base64ToBytes, isBase64 } from '../../app/bytes/base64';
import { sha256Hex } from '../../app/crypto/sha256';
import type { SignatureVerifier } from '../../app/crypto/signingKey';
import { parseCertificate } from '../../app/x509/parseCertificate';
import { NS } from '../../app/xml/namespaces';
import { createPushedVerifier } from './pushedVerifier';
import { firstAlong } from './xmlWalk';

/** The certificate a pushed document was signed with, as the ingest pins it per chain. */
export interface SigningCertificateInfo {
  /** Hex SHA-256 of the certificate's DER. */
  readonly sha256: string;
  /** Decimal serial (ds:X509SerialNumber form, reference §3). */
  readonly serial: string;
  /** The ds:X509Certificate text. */
  readonly text: string;
}

export interface SignatureRefusal {
  readonly code: 'store.signature-missing' | 'store.signature-invalid';
  readonly params: Readonly<Record<string, string | number>>;
}

/** From ext:UBLExtensions to ds:Signature (reference §5: the signature block's structure). */
const SIGNATURE = [
  [NS.ext, 'UBLExtension'],
  [NS.ext, 'ExtensionContent'],
  [NS.sig, 'UBLDocumentSignatures'],
  [NS.sac, 'SignatureInformation'],
  [NS.ds, 'Signature'],
] as const;

/** ds:SignatureValue and ds:X509Certificate as written. */
export interface SignatureTexts {
  readonly value?: string;
  readonly certificate?: string;
}

/**
 * The signature texts under one ext:UBLExtensions (read by the check's one walk, server/pushedXmlCheck.ts, before
 * it removes the block for the hash); undefined when it holds no ds:Signature.
 */
export function signatureTextsIn(extensions: XmlElement): SignatureTexts | undefined {
  const signature = firstAlong(extensions, SIGNATURE);
  if (!signature) return undefined;
  const value = firstAlong(signature, [[NS.ds, 'SignatureValue']])?.content.trim();
  const certificate = firstAlong(signature, [
    [NS.ds, 'KeyInfo'],
    [NS.ds, 'X509Data'],
    [NS.ds, 'X509Certificate'],
  ])?.content.replace(/\s+/g, '');
  return { ...(value ? { value } : {}), ...(certificate ? { certificate } : {}) };
}

interface KnownCertificate {
  readonly info: SigningCertificateInfo;
  readonly verify: SignatureVerifier;
}

/** Verifiers by certificate text, most recent last; null for a certificate that cannot be read. Bounded. */
const known = new Map<string, KnownCertificate | null>();
const KNOWN_CERTIFICATES = 512;

function certificateOf(text: string): KnownCertificate | null {
  const cached = known.get(text);
  if (cached !== undefined) {
    known.delete(text);
    known.set(text, cached);
    return cached;
  }
  let entry: KnownCertificate | null;
  try {
    const certificate = parseCertificate(text);
    entry = {
      info: { sha256: sha256Hex(certificate.der), serial: certificate.serialDecimal, text: certificate.base64Der },
      verify: createPushedVerifier(certificate.publicKey),
    };
  } catch {
    entry = null; // not a certificate, or its key is not a secp256k1 point
  }
  if (known.size >= KNOWN_CERTIFICATES) known.delete(known.keys().next().value!);
  known.set(text, entry);
  return entry;
}

/** The signing certificate when the signature verifies over `digest` (the 32 raw hash bytes); else the refusal. */
export function checkPushedSignature(texts: SignatureTexts, digest: Uint8Array, at: { chain: string; icv: number }): SigningCertificateInfo | SignatureRefusal {
  const certificate = texts.certificate ? certificateOf(texts.certificate) : null;
  if (!certificate || !texts.value || !isBase64(texts.value)) return { code: 'store.signature-missing', params: at };
  if (!certificate.verify(base64ToBytes(texts.value), digest)) {
    return { code: 'store.signature-invalid', params: { ...at, serial: certificate.info.serial } };
  }
  return certificate.info;
}
