// SPDX-License-Identifier: UNLICENSED
// What the simulator was sent and what it answered: every compliance check, report and clearance, so tests can
// compare what the app believes with what "ZATCA" recorded (duplicates, lost responses, missing documents).
// With a state folder the log lives in its file only: the training simulator runs inside the till all day, and
// keeping every submission with its base64 XML in memory grew the till by ~10 KB a sale (BENCHMARKS.md, "A long
// day"). What stays in memory is what the duplicate check needs on every report: for each accepted hash, where its
// record starts in the file (about a hundred bytes a sale); the record itself is read back for a duplicate.
import { z } from 'zod';
import type { StateStore } from './stateStore';
import { ZATCA_ENVIRONMENTS, type ZatcaEnvironment } from './zatcaEnvironment';

const submissionSchema = z.object({
  endpoint: z.enum(['compliance-check', 'reporting', 'clearance']),
  environment: z.enum(ZATCA_ENVIRONMENTS),
  /** Simulator-clock time of the answer (ISO). */
  at: z.string(),
  httpStatus: z.number().int(),
  /** validationResults.status: PASS / WARNING / ERROR. */
  validationStatus: z.string(),
  invoiceHash: z.string(),
  uuid: z.string(),
  /** requestID of the CSID that authenticated the call. */
  csidRequestId: z.string(),
  number: z.string().optional(),
  icv: z.number().optional(),
  documentKind: z.string().optional(),
  profile: z.string().optional(),
  /** Codes of the error and warning messages returned. */
  codes: z.array(z.string()),
  /** The `invoice` field as received (base64 of the XML). */
  invoice: z.string(),
});
export type Submission = z.infer<typeof submissionSchema>;

export interface SubmissionLog {
  add(s: Submission): void;
  /** Every submission, oldest first (read from the file when there is one). */
  all(): readonly Submission[];
  /** The last accepted (200/202) submission of this hash to this endpoint in this environment. */
  lastAccepted(endpoint: Submission['endpoint'], environment: ZatcaEnvironment, invoiceHash: string): Submission | undefined;
}

export function isAccepted(s: Submission): boolean {
  return s.httpStatus === 200 || s.httpStatus === 202;
}

export function createSubmissionLog(store: StateStore): SubmissionLog {
  const parse = (v: unknown): Submission => submissionSchema.parse(v);
  // without a state folder there is no file: the log is kept in memory (tests, `dukkan fatoora-sim` without --state)
  const inMemory: Submission[] | null = store.dir === undefined ? [] : null;
  /** The last accepted submission per endpoint, environment and hash: its line's offset in the file, or the record. */
  const accepted = new Map<string, number | Submission>();
  const key = (endpoint: Submission['endpoint'], environment: ZatcaEnvironment, invoiceHash: string) => `${endpoint} ${environment} ${invoiceHash}`;
  const remember = (s: Submission, where: number | Submission) => {
    if (isAccepted(s)) accepted.set(key(s.endpoint, s.environment, s.invoiceHash), where);
  };
  for (const { record, offset } of store.loadLinesAt('submissions', parse)) remember(record, offset);
  return {
    add(s) {
      const record = parse(s);
      if (inMemory) {
        inMemory.push(record);
        remember(record, record);
      } else remember(record, store.append('submissions', record));
    },
    all: () => (inMemory ? [...inMemory] : store.loadLines('submissions', parse)),
    lastAccepted(endpoint, environment, invoiceHash) {
      const where = accepted.get(key(endpoint, environment, invoiceHash));
      return typeof where === 'number' ? parse(store.readLine('submissions', where)) : where;
    },
  };
}
