// SPDX-License-Identifier: UNLICENSED
// Which certificate may sign a till's chain (docs/store-server.md, "Push"): the one its first stored document was
// signed with (pinned then, migration 0006), and a certificate only for one chain of one terminal not removed. A
// till enrolled with the server thereby pushes only documents signed by its own CSID — not another till's, whose
// documents would count twice in the shop's day, nor a second chain under one certificate — and a renewed CSID,
// which starts a new chain (ICVs restart, reference §11), is pinned by that chain's first document. A till enrolled
// again after its enrolment was removed is a new terminal with its old certificate: it may push once the manager
// has removed the old terminal, which the refusal names.
import type { Queryable } from './db/storage';
import type { SigningCertificateInfo } from './checks/pushedSignature';
import { chainCertificateStore } from './stores/chainCertificateStore';

export interface CertificateRefusal {
  readonly code: 'store.certificate-foreign' | 'store.certificate-other-terminal';
  readonly params: Readonly<Record<string, string | number>>;
}

/** The check of one chain's documents within a push's transaction; pins the certificate of the chain's first. */
export async function chainPin(
  tx: Queryable,
  terminalId: string,
  chain: string,
  now: Date,
): Promise<(certificate: SigningCertificateInfo, icv: number) => Promise<CertificateRefusal | undefined>> {
  let pinned = await chainCertificateStore.pinned(tx, terminalId, chain);
  return async (c, icv) => {
    const at = { chain, icv, serial: c.serial };
    if (pinned) return pinned.certificate_sha256 === c.sha256 ? undefined : { code: 'store.certificate-foreign', params: { ...at, pinned: pinned.serial } };
    const elsewhere = await chainCertificateStore.pinnedElsewhere(tx, c.sha256, terminalId, chain);
    if (elsewhere) return { code: 'store.certificate-other-terminal', params: { ...at, terminal: elsewhere.terminal_id, otherChain: elsewhere.chain } };
    await chainCertificateStore.pin(tx, terminalId, chain, c, now);
    pinned = { terminal_id: terminalId, chain, certificate_sha256: c.sha256, serial: c.serial };
    return undefined;
  };
}
