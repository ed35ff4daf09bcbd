// SPDX-License-Identifier: UNLICENSED
// A certificate the shop brings (docs/store-server.md, "Its own certificate, or the shop's"): `--tls-cert FILE
// --tls-key FILE`, read from the files at every start and never copied into the database, so the key stays where
// the operator keeps it and is never logged. Checked before the server listens — PEM, a key type tills and browsers
// take (P-256 or RSA ≥ 2048), valid now, and the key belonging to the certificate (OpenSSL's own check, through
// node:tls) — each refusal a house error naming the option and the rule.
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { OID } from '../../app/asn1/oid';
import { decodePem } from '../../app/asn1/pem';
import { DukkanError } from '../../app/errors/index';
import { parseCertificate, type Certificate } from '../../app/x509/parseCertificate';
import { p256PrivateScalar } from '../../app/x509/tlsAnnouncement';
import { certificateFingerprint, type TlsIdentity } from '../../app/x509/tlsCertificate';

export interface OwnTlsFiles {
  readonly cert: string;
  readonly key: string;
}

export interface ServedTls extends TlsIdentity {
  /** The leaf certificate's DER (announcements carry it). */
  readonly der: Uint8Array;
  /** Its P-256 private scalar; undefined for an RSA key, which cannot sign an announcement. */
  readonly p256Key: Uint8Array | undefined;
  /** Its key type as the refusal names it. */
  readonly algorithm: string;
}

function readText(option: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new DukkanError('store.tls-file-unreadable', { option, file, reason: (err as NodeJS.ErrnoException).code ?? 'unreadable' });
  }
}

/** Reads and checks a certificate file and its key file; `options` names the two options in refusals. */
export function readOwnTls(files: OwnTlsFiles, now: Date, options: { cert: string; key: string } = { cert: '--tls-cert', key: '--tls-key' }): ServedTls {
  const certificatePem = readText(options.cert, files.cert);
  const privateKeyPem = readText(options.key, files.key);
  let leaf: Certificate;
  try {
    const block = decodePem(certificatePem).find((b) => b.label === 'CERTIFICATE');
    if (!block) throw new Error('no CERTIFICATE block');
    leaf = parseCertificate(block.der);
  } catch {
    throw new DukkanError('store.tls-pem-invalid', { option: options.cert, file: files.cert, what: 'certificate' });
  }
  let keyBlocks: number;
  try {
    keyBlocks = decodePem(privateKeyPem).filter((b) => /^(EC |RSA )?PRIVATE KEY$/.test(b.label)).length;
  } catch {
    keyBlocks = 0;
  }
  if (keyBlocks !== 1) throw new DukkanError('store.tls-pem-invalid', { option: options.key, file: files.key, what: 'private key' });
  const algorithm = keyAlgorithm(leaf);
  if (algorithm !== 'ECDSA P-256' && algorithm !== 'RSA') throw new DukkanError('store.tls-key-type', { option: options.cert, file: files.cert, algorithm });
  if (now < leaf.notBefore || now > leaf.notAfter) {
    throw new DukkanError('store.tls-certificate-expired', {
      option: options.cert,
      file: files.cert,
      notBefore: leaf.notBefore.toISOString(),
      notAfter: leaf.notAfter.toISOString(),
    });
  }
  try {
    // OpenSSL's SSL_CTX_check_private_key: the same check the server's listening context makes, run before it
    createSecureContext({ cert: certificatePem, key: privateKeyPem, minVersion: 'TLSv1.2' });
  } catch (err) {
    const tooSmall = /too small|ee key/i.test(String((err as Error).message));
    if (tooSmall) throw new DukkanError('store.tls-key-type', { option: options.cert, file: files.cert, algorithm: 'RSA < 2048' });
    throw new DukkanError('store.tls-key-mismatch', { option: options.key, file: files.key });
  }
  return {
    certificatePem,
    privateKeyPem,
    fingerprint: certificateFingerprint(leaf.der),
    der: leaf.der,
    p256Key: algorithm === 'ECDSA P-256' ? p256PrivateScalar(privateKeyPem) : undefined,
    algorithm,
  };
}

/** A self-signed identity the server made, in the same shape. */
export function servedOf(identity: TlsIdentity): ServedTls {
  const leaf = parseCertificate(identity.certificatePem);
  return { ...identity, der: leaf.der, p256Key: p256PrivateScalar(identity.privateKeyPem), algorithm: 'ECDSA P-256' };
}

function keyAlgorithm(c: Certificate): string {
  if (c.publicKeyAlgorithm === OID.rsaEncryption) return 'RSA';
  if (c.publicKeyAlgorithm === OID.ecPublicKey) return c.publicKeyCurve === OID.prime256v1 ? 'ECDSA P-256' : `EC ${c.publicKeyCurve ?? '?'}`;
  return c.publicKeyAlgorithm;
}
