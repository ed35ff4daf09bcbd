// The named row transitions, enumerated: which columns each one writes and the step it leaves the row at — so a
// column added to or dropped from a transition is a visible change here — and the rules they all keep.
import { describe, expect, it } from 'vitest';
import type { Certificate } from '../../app/x509/parseCertificate';
import { CHANGEABLE, type RowChanges } from './onboardingStore';
import * as T from './rowTransitions';
import { parseShopProfile } from './shopProfile';
import { SHOP } from '../../test/onboarding/support';

const certificate = {
  serialDecimal: '42',
  issuerName: 'CN=TEST',
  notBefore: new Date('2026-01-01T00:00:00Z'),
  notAfter: new Date('2031-01-01T00:00:00Z'),
} as Certificate;

const PENDING = ['pending_kind', 'pending_request_id', 'pending_token'];
const ERROR = ['last_error', 'last_error_code'];
const COMPLIANCE_PROGRESS = ['compliance_icv', 'compliance_passed', 'compliance_pih'];
const COMPLIANCE_CSID = ['compliance_not_after', 'compliance_serial', 'compliance_token'];
const PRODUCTION_CSID = [
  'production_issuer',
  'production_not_after',
  'production_not_before',
  'production_request_id',
  'production_serial',
  'production_token',
];

const TRANSITIONS: readonly (readonly [string, RowChanges, readonly string[]])[] = [
  [
    'rotationStarted',
    T.rotationStarted(),
    [
      'procedure',
      'step',
      'key_fingerprint',
      'csr_pem',
      'csr_submitted',
      'compliance_request_id',
      'ready_at',
      ...COMPLIANCE_CSID,
      ...COMPLIANCE_PROGRESS,
      ...PRODUCTION_CSID,
      ...PENDING,
      ...ERROR,
    ],
  ],
  ['renewalStarted', T.renewalStarted(), ['procedure', 'step', 'csr_submitted', ...COMPLIANCE_PROGRESS, ...ERROR]],
  ['wiped', T.wiped(), ['step']],
  ['keyReady', T.keyReady('ab'), ['key_fingerprint', 'step']],
  ['csrBuilt', T.csrBuilt({ csr_count: 1 }, 'PEM'), ['csr_pem', 'csr_submitted', 'csr_count', 'step']],
  ['resetForNewCsr', T.resetForNewCsr(), ['step']],
  ['csrSubmitted', T.csrSubmitted(), ['csr_submitted']],
  ['complianceCsidLost', T.complianceCsidLost(), ['step', 'csr_submitted']],
  ['csidPending', T.csidPending('compliance', 'TOKEN', '7'), PENDING],
  ['pendingDropped', T.pendingDropped(), PENDING],
  [
    'complianceIssued',
    T.complianceIssued('TOKEN', '7', certificate),
    ['step', 'compliance_request_id', ...COMPLIANCE_CSID, ...COMPLIANCE_PROGRESS, ...PENDING, ...ERROR],
  ],
  [
    'productionIssued',
    T.productionIssued('TOKEN', '8', certificate, 5),
    ['procedure', 'step', 'ready_at', ...PRODUCTION_CSID, ...COMPLIANCE_CSID, ...PENDING, ...ERROR],
  ],
  ['compliancePassed', T.compliancePassed(['simplified-compliant'], 1, 'HASH'), COMPLIANCE_PROGRESS],
  ['complianceChecksDone', T.complianceChecksDone(), ['step']],
  ['complianceStepsMissing', T.complianceStepsMissing([]), ['compliance_passed', 'step']],
  ['procedureEnded', T.procedureEnded(), ['procedure']],
  ['stepFailed', T.stepFailed('otp-invalid', 'text'), ERROR],
];

const STEP_AFTER: Record<string, string | undefined> = {
  rotationStarted: 'wipe',
  renewalStarted: 'csr',
  wiped: 'key',
  keyReady: 'csr',
  csrBuilt: 'csid',
  resetForNewCsr: 'csr',
  complianceCsidLost: 'csid',
  complianceIssued: 'compliance-checks',
  productionIssued: 'ready',
  complianceChecksDone: 'production-csid',
  complianceStepsMissing: 'compliance-checks',
};

describe('onboarding row transitions', () => {
  it('every exported transition is listed here', () => {
    expect(TRANSITIONS.map(([name]) => name).sort()).toEqual(Object.keys(T).sort());
  });

  it.each(TRANSITIONS)('%s writes exactly its columns and leaves the row at its step', (name, changes, columns) => {
    expect(Object.keys(changes).sort()).toEqual([...columns].sort());
    expect(changes.step).toBe(STEP_AFTER[name]);
  });

  it("no transition writes the row's identity or its time stamp; every column it writes is one the store may change", () => {
    for (const [, changes] of TRANSITIONS) {
      for (const column of Object.keys(changes)) expect(CHANGEABLE).toContain(column);
      for (const column of ['egs_serial', 'common_name', 'updated_at']) expect(changes).not.toHaveProperty(column);
    }
  });

  it('a rotation resets everything a key and its CSIDs left behind; with new shop details it takes those too', () => {
    const reset = T.rotationStarted();
    const kept = CHANGEABLE.filter((c) => !(c in reset));
    expect([...kept].sort()).toEqual(['common_name', 'csr_count', 'egs_serial', 'invoice_type', 'shop_json', 'updated_at']);
    const withShop = T.rotationStarted(parseShopProfile(SHOP));
    expect(withShop).toMatchObject({ invoice_type: expect.stringMatching(/^[01]100$/), shop_json: expect.any(String) });
  });

  it('a new CSID clears what was pending and the last error; the production CSID ends the procedure', () => {
    for (const changes of [T.complianceIssued('T', '1', certificate), T.productionIssued('T', '2', certificate, 9)]) {
      expect(changes).toMatchObject({ pending_kind: null, pending_token: null, pending_request_id: null, last_error_code: null, last_error: null });
    }
    expect(T.productionIssued('T', '2', certificate, 9)).toMatchObject({ procedure: null, ready_at: 9, compliance_token: null, production_serial: '42' });
    expect(T.complianceIssued('T', '1', certificate)).toMatchObject({ compliance_passed: '[]', compliance_icv: 0, compliance_pih: null });
  });
});
