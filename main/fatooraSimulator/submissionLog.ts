// SPDX-License-Identifier: UNLICENSED
// What the simulator was sent and what it answered: every compliance check, report and clearance, so tests can
// compare what the app believes with what "ZATCA" recorded (duplicates, lost responses, missing documents).
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
  all(): readonly Submission[];
  /** The last accepted (200/202) submission of this hash to this endpoint in this environment. */
  lastAccepted(endpoint: Submission['endpoint'], environment: ZatcaEnvironment, invoiceHash: string): Submission | undefined;
}

export function isAccepted(s: Submission): boolean {
  return s.httpStatus === 200 || s.httpStatus === 202;
}

export function createSubmissionLog(store: StateStore): SubmissionLog {
  const list: Submission[] = store.loadLines('submissions', (v) => submissionSchema.parse(v));
  return {
    add(s) {
      const record = submissionSchema.parse(s);
      list.push(record);
      store.append('submissions', record);
    },
    all: () => [...list],
    lastAccepted(endpoint, environment, invoiceHash) {
      for (let i = list.length - 1; i >= 0; i--) {
        const s = list[i]!;
        if (s.endpoint === endpoint && s.environment === environment && s.invoiceHash === invoiceHash && isAccepted(s)) return s;
      }
      return undefined;
    },
  };
}
