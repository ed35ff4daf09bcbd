// SPDX-License-Identifier: UNLICENSED
// Every CSID the simulator issued, and Basic authentication against them (reference §9: Basic
// base64(binarySecurityToken:secret)). Secrets are kept only as SHA-256 digests, compared in constant time, so
// neither memory dumps of the registry nor the `--state` folder hold a usable secret.
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { StateStore } from './stateStore';
import { ZATCA_ENVIRONMENTS, type ZatcaEnvironment } from './zatcaEnvironment';

const recordSchema = z.object({
  kind: z.enum(['compliance', 'production']),
  environment: z.enum(ZATCA_ENVIRONMENTS),
  /** Fatoora's requestID (a JSON number on the wire), kept as decimal text. */
  requestId: z.string().regex(/^\d+$/),
  binarySecurityToken: z.string(),
  secretSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The certificate as one-line base64 DER text (what goes into ds:X509Certificate). */
  certificate: z.string(),
  serialNumber: z.string(),
  vatNumber: z.string(),
  /** SAN title, 'TSCZ' (reference §8). */
  invoiceTypes: z.string(),
  egsSerial: z.string(),
  commonName: z.string(),
  /** The CSR (PEM) the certificate was issued for; a production CSID reuses its compliance CSID's CSR. */
  csrPem: z.string(),
  issuedAt: z.string(),
  notAfter: z.string(),
  /** Compliance steps passed (compliance CSIDs only), e.g. 'simplified-credit-note-compliant'. */
  complianceSteps: z.array(z.string()),
  /** For a compliance CSID issued by a 428 renewal: the requestID of the production CSID being renewed. */
  renewalOf: z.string().optional(),
  /** For a production CSID: the requestID of the compliance CSID it was issued from. */
  issuedFrom: z.string().optional(),
});
export type CsidRecord = z.infer<typeof recordSchema>;

export type AuthFailure = 'missing' | 'malformed' | 'unknown-token' | 'wrong-secret' | 'wrong-environment' | 'expired';

export interface CsidRegistry {
  add(record: CsidRecord): void;
  byToken(token: string): CsidRecord | undefined;
  byRequestId(requestId: string): CsidRecord | undefined;
  all(): readonly CsidRecord[];
  update(requestId: string, change: (r: CsidRecord) => CsidRecord): CsidRecord;
  /** A fresh requestID: 13-digit like Fatoora's (epoch ms), strictly increasing. */
  nextRequestId(now: Date): string;
  authenticate(header: string | undefined, environment: ZatcaEnvironment, now: Date, options?: { allowExpired?: boolean }): CsidRecord | AuthFailure;
}

export function secretDigest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

const stateSchema = z.object({ lastRequestId: z.string().regex(/^\d+$/), records: z.array(recordSchema) });

export function createCsidRegistry(store: StateStore): CsidRegistry {
  const saved = store.load('csids', (v) => stateSchema.parse(v), { lastRequestId: '0', records: [] });
  const records = new Map<string, CsidRecord>(saved.records.map((r) => [r.requestId, r]));
  const tokens = new Map<string, string>(saved.records.map((r) => [r.binarySecurityToken, r.requestId]));
  let lastRequestId = BigInt(saved.lastRequestId);
  const persist = (): void => store.save('csids', { lastRequestId: lastRequestId.toString(), records: [...records.values()] });

  return {
    add(record) {
      const r = recordSchema.parse(record);
      if (records.has(r.requestId) || tokens.has(r.binarySecurityToken)) throw new Error('csid registry: requestID or token issued twice');
      records.set(r.requestId, r);
      tokens.set(r.binarySecurityToken, r.requestId);
      persist();
    },
    byToken(token) {
      const id = tokens.get(token);
      return id === undefined ? undefined : records.get(id);
    },
    byRequestId: (id) => records.get(id),
    all: () => [...records.values()],
    update(requestId, change) {
      const current = records.get(requestId);
      if (!current) throw new Error(`csid registry: no CSID with requestID ${requestId}`);
      const next = recordSchema.parse(change(current));
      records.set(requestId, next);
      persist();
      return next;
    },
    nextRequestId(now) {
      const candidate = BigInt(now.getTime());
      lastRequestId = candidate > lastRequestId ? candidate : lastRequestId + 1n;
      persist();
      return lastRequestId.toString();
    },
    authenticate(header, environment, now, options = {}) {
      if (header === undefined || header === '') return 'missing';
      const m = /^Basic ([A-Za-z0-9+/]+={0,2})$/.exec(header.trim());
      if (!m) return 'malformed';
      const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon <= 0) return 'malformed';
      const record = this.byToken(decoded.slice(0, colon));
      if (!record) return 'unknown-token';
      const given = Buffer.from(secretDigest(decoded.slice(colon + 1)), 'hex');
      if (!timingSafeEqual(given, Buffer.from(record.secretSha256, 'hex'))) return 'wrong-secret';
      if (record.environment !== environment) return 'wrong-environment';
      if (!options.allowExpired && now.getTime() >= Date.parse(record.notAfter)) return 'expired';
      return record;
    },
  };
}
