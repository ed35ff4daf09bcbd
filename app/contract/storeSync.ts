// SPDX-License-Identifier: UNLICENSED
// The wire contract between a till and its store server (docs/store-server.md): enrolment, the signed request
// envelope, pushes of documents and till records, and pulls of master data. Both sides parse with these schemas, so
// a malformed payload is refused field by field with catalog codes (English and Arabic), never half-stored.
import { z } from 'zod';
import { rule } from './schemas';

/** Request headers of a signed call. */
export const STORE_HEADERS = {
  terminal: 'x-dukkan-terminal',
  timestamp: 'x-dukkan-timestamp',
  signature: 'x-dukkan-signature',
} as const;

/** How far a signed request's timestamp may be from the server's clock: a captured request cannot be replayed later. */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;

/**
 * The exact bytes a terminal signs (ed25519) for one request: method, path, its timestamp and the SHA-256 of its
 * body (hex), one per line. Changing any of them — another body, another endpoint, a later replay — breaks it.
 */
export function signedMessage(method: string, path: string, timestamp: string, bodySha256Hex: string): string {
  return `dukkan-store-v1\n${method.toUpperCase()}\n${path}\n${timestamp}\n${bodySha256Hex}`;
}

const base64 = (bytes: number) =>
  z
    .string(rule('store.base64'))
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, rule('store.base64'))
    .refine((v) => Math.floor((v.length * 3) / 4) - (v.match(/=+$/)?.[0].length ?? 0) === bytes, rule('store.base64'));

const name = z.string(rule('input.text')).trim().min(1, rule('input.empty')).max(100, rule('input.too-long'));
/** A signed amount with 2 decimals: credit notes and refunds are pushed as the till stored them. */
const amount = z.string(rule('input.money')).regex(/^-?\d{1,13}(\.\d{1,2})?$/, rule('input.money'));
const isoInstant = z.iso.datetime(rule('input.date'));

/** The one-time code a manager creates on the server's page: 4 groups of 4 letters/digits, dashes optional. */
export const enrolmentCode = z
  .string(rule('store.enrolment-code'))
  .trim()
  .transform((v) => v.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[A-Z0-9]{16}$/, rule('store.enrolment-code')));

export const enrolRequest = z
  .object({
    code: enrolmentCode,
    publicKey: base64(32),
  })
  .strict();
export type EnrolRequest = z.input<typeof enrolRequest>;
export interface EnrolAnswer {
  readonly terminalId: string;
  readonly name: string;
  readonly branch: string;
}

export const pushedDocument = z
  .object({
    chain: z.string(rule('input.text')).regex(/^[0-9A-Za-z:._-]{1,128}$/, rule('input.text')),
    icv: z.number(rule('input.number')).int(rule('input.whole-number')).min(1, rule('input.at-least')),
    uuid: z.string(rule('input.uuid')).regex(/^[0-9a-f-]{36}$/i, rule('input.uuid')),
    number: z.string(rule('input.document-number')).regex(/^[^\s]{1,127}$/, rule('input.document-number')),
    kind: z.enum(['invoice', 'credit-note', 'debit-note'], rule('input.invalid')),
    profile: z.enum(['simplified', 'standard'], rule('input.invalid')),
    issueDate: z.iso.date(rule('input.date')),
    issueTime: z.string(rule('store.time')).regex(/^\d{2}:\d{2}:\d{2}$/, rule('store.time')),
    issuedAt: isoInstant,
    cashier: name,
    hash: base64(32),
    // base64 of the previous hash, or for ICV 1 ZATCA's initial value (base64 of a hex digest, 64 bytes; reference §11)
    pih: z.string(rule('store.base64')).regex(/^[A-Za-z0-9+/]{43,88}={0,2}$/, rule('store.base64')),
    qr: z.string(rule('store.base64')).min(1).max(4000),
    xml: z.string(rule('input.text')).min(1).max(2_000_000),
    totals: z.object({ taxExclusive: amount, vat: amount, taxInclusive: amount }).strict(),
    vatBreakdown: z
      .array(
        z
          .object({
            category: z.enum(['S', 'Z', 'E', 'O'], rule('input.vat-category')),
            rate: z.enum(['15', '5', '0'], rule('input.vat-rate')),
            taxable: amount,
            vat: amount,
          })
          .strict(),
      )
      .min(1)
      .max(8),
    payments: z.array(z.object({ means: z.string(rule('input.text')).regex(/^[a-z0-9-]{1,20}$/, rule('input.text')), amount }).strict()).max(8),
    billingReference: z.string(rule('input.text')).max(127).optional(),
    /**
     * The sale as the till built it (pricing and lines, exactly the stored input the XML was built from): another
     * till returning this invoice builds its credit note from these lines, as the selling till would.
     */
    sale: z
      .object({
        pricesIncludeVat: z.boolean(rule('input.boolean')),
        lines: z.array(z.record(z.string(), z.unknown())).min(1).max(1000, rule('input.too-many')),
      })
      .strict()
      .optional(),
    /** A credit note: the original invoice (by UUID, unique across tills) and the quantity returned per line of it. */
    returns: z
      .object({
        originalUuid: z.string(rule('input.uuid')).regex(/^[0-9a-f-]{36}$/i, rule('input.uuid')),
        lines: z
          .array(
            z
              .object({
                line: z.number(rule('input.number')).int(rule('input.whole-number')).min(1, rule('input.at-least')),
                quantity: z.string(rule('input.quantity')).regex(/^\d{1,9}(\.\d{1,6})?$/, rule('input.quantity')),
              })
              .strict(),
          )
          .min(1)
          .max(1000, rule('input.too-many')),
      })
      .strict()
      .optional(),
  })
  .strict();
export type PushedDocument = z.infer<typeof pushedDocument>;

/** A shift or cash record or an audit event, keyed by the id the till gave it. */
export const tillRecord = z
  .object({
    eventId: z.string(rule('input.text')).regex(/^[0-9A-Za-z:._-]{1,80}$/, rule('input.text')),
    kind: z.enum(['shift', 'cash', 'audit'], rule('input.invalid')),
    occurredAt: isoInstant,
    body: z.record(z.string(), z.unknown()),
  })
  .strict();
export type TillRecord = z.infer<typeof tillRecord>;

/** What the till tells the fleet page about itself with each push. */
export const terminalStatus = z
  .object({
    certificateExpiresAt: isoInstant.optional(),
    reportingQueue: z.number().int().min(0),
    oldestUnreportedAt: isoInstant.optional(),
  })
  .strict();
export type TerminalStatus = z.infer<typeof terminalStatus>;

export const MAX_PUSH_DOCUMENTS = 500;

export const pushRequest = z
  .object({
    documents: z.array(pushedDocument).max(MAX_PUSH_DOCUMENTS, rule('input.too-many')),
    records: z.array(tillRecord).max(MAX_PUSH_DOCUMENTS, rule('input.too-many')),
    status: terminalStatus.optional(),
  })
  .strict();
export type PushRequest = z.input<typeof pushRequest>;

/** Per item: stored now, already there (identical), or refused with a catalog code the till logs and acts on. */
export type PushOutcome =
  | { readonly outcome: 'stored' | 'duplicate' }
  | { readonly outcome: 'refused'; readonly code: string; readonly params: Readonly<Record<string, string | number>> };
export interface PushAnswer {
  readonly documents: readonly (PushOutcome & { readonly chain: string; readonly icv: number })[];
  readonly records: readonly (PushOutcome & { readonly eventId: string })[];
}

export const MASTER_DATA_KINDS = ['product', 'quick-key', 'user', 'setting'] as const;
export type MasterDataKind = (typeof MASTER_DATA_KINDS)[number];
export interface MasterDataChange {
  readonly kind: MasterDataKind;
  readonly key: string;
  readonly version: number;
  /** null: deleted at this version. */
  readonly body: Record<string, unknown> | null;
}
export interface PullAnswer {
  readonly changes: readonly MasterDataChange[];
  /** Ask again with `after` = this until `more` is false. */
  readonly cursor: number;
  readonly more: boolean;
  /** The server's next TLS certificate, signed with the current one's key (docs/store-server.md, "Replacing the certificate"). */
  readonly tlsNext?: StoreTlsAnnouncement;
}

/** As app/x509/tlsAnnouncement.ts signs and checks it: the current certificate, the next fingerprint, its time, the signature (all base64 / text). */
export interface StoreTlsAnnouncement {
  readonly certificate: string;
  readonly next: string;
  readonly from: string;
  readonly signature: string;
}
