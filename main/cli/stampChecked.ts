// SPDX-License-Identifier: UNLICENSED
// Build and stamp a document the way `dukkan sign` writes it, refusing before and after what Fatoora would reject:
// a key that is not the certificate's or a certificate outside its validity (./signingPair.ts), then every
// business rule the stamped content decides and the seller VAT number against the certificate's (reference §11:
// a refused document must not spend an ICV). `dukkan issue` runs the same as a rehearsal before it opens or
// creates the ledger, so invalid input leaves no ledger behind (docs/security.md, "The command line").
import type { DocumentInput } from '../../app/document/documentInput';
import { buildAndStamp, type StampedDocument } from '../../app/engine/buildAndStamp';
import type { SigningKey } from '../../app/crypto/signingKey';
import { issuanceErrors, IssuanceRefusedError } from '../../app/verify/checkIssuance';
import type { Certificate } from '../../app/x509/parseCertificate';
import { checkSigningPair, type SigningFiles } from './signingPair';

export async function stampChecked(
  document: DocumentInput,
  chain: { icv: number; pih: string },
  signing: { key: SigningKey; certificate: Certificate; files: SigningFiles },
  now: Date,
): Promise<StampedDocument> {
  const { key, certificate, files } = signing;
  checkSigningPair(key, certificate, files, `${document.issueDate}T${document.issueTime}`, now);
  const stamped = await buildAndStamp(document, chain, { certificate, sign: key.sign });
  const errors = issuanceErrors(stamped.bytes, certificate);
  if (errors.length > 0) throw new IssuanceRefusedError(errors);
  return stamped;
}
