// SPDX-License-Identifier: UNLICENSED
// Device onboarding state: the non-secret facts only — environment, procedure and step, EGS identity,
// CSR (public), compliance request id, certificates (public) with serial and validity. Private keys and CSID
// secrets live in the OS keychain (main/keyCustody, native/keychain), never here.
import type { Migration } from './types';

const ENVIRONMENTS = `'developer-portal', 'simulation', 'production', 'local-simulator'`;

export const onboardingMigration: Migration = {
  version: 20,
  name: '0020-onboarding',
  up(db) {
    db.exec(`
      -- One row: this device's random id names its keychain service (dukkan-<device_id>), so two data folders on
      -- one machine never share keys; active_environment is the one the counter signs for (switching is explicit).
      CREATE TABLE device_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        device_id TEXT NOT NULL CHECK (length(device_id) = 32),
        active_environment TEXT CHECK (active_environment IN (${ENVIRONMENTS})),
        created_at INTEGER NOT NULL
      ) STRICT;
      INSERT INTO device_identity (id, device_id, active_environment, created_at)
        VALUES (1, lower(hex(randomblob(16))), NULL, CAST(strftime('%s', 'now') AS INTEGER) * 1000);

      -- One row per environment the device was onboarded in (reference §12 item 20: never shared).
      CREATE TABLE onboarding (
        environment TEXT PRIMARY KEY CHECK (environment IN (${ENVIRONMENTS})),
        -- NULL when idle; otherwise the procedure under way, resumable at 'step'
        procedure TEXT CHECK (procedure IN ('onboard', 'renew', 'rotate')),
        step TEXT NOT NULL CHECK (step IN ('wipe', 'key', 'csr', 'csid', 'compliance-checks', 'production-csid', 'ready')),
        shop_json TEXT NOT NULL,              -- the validated shop profile
        egs_serial TEXT NOT NULL,             -- CSR SN '1-Dukkan|2-<model>|3-<uuid>' (reference §8)
        common_name TEXT NOT NULL,            -- CSR CN
        invoice_type TEXT NOT NULL CHECK (invoice_type IN ('0100', '1100')),
        key_fingerprint TEXT,                 -- sha256 of the device key's SPKI: notices a foreign key in the keychain
        csr_pem TEXT,
        -- 1 once the CSR was sent: a CSR is never sent twice (reference §10 step 2, Odoo _l10n_sa_api_onboard_journal)
        csr_submitted INTEGER NOT NULL DEFAULT 0 CHECK (csr_submitted IN (0, 1)),
        csr_count INTEGER NOT NULL DEFAULT 0,
        compliance_token TEXT,                -- binarySecurityToken = the compliance certificate (public)
        compliance_request_id TEXT,
        compliance_serial TEXT,
        compliance_not_after INTEGER,
        compliance_passed TEXT NOT NULL DEFAULT '[]',   -- JSON list of passed steps, e.g. "simplified-compliant"
        compliance_icv INTEGER NOT NULL DEFAULT 0,
        compliance_pih TEXT,
        production_token TEXT,                -- the signing certificate (public)
        production_request_id TEXT,
        production_serial TEXT,
        production_issuer TEXT,
        production_not_before INTEGER,
        production_not_after INTEGER,
        -- a CSID received but whose secret may not be in the keychain yet (crash between the two writes)
        pending_kind TEXT CHECK (pending_kind IN ('compliance', 'production')),
        pending_token TEXT,
        pending_request_id TEXT,
        last_error_code TEXT,
        last_error TEXT,
        started_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        ready_at INTEGER
      ) STRICT;

      -- Every CSID the device held, kept after renewal and rotation: the ledger's old chains stay auditable with
      -- the certificate and the reason it was retired.
      CREATE TABLE csid_history (
        id INTEGER PRIMARY KEY,
        environment TEXT NOT NULL CHECK (environment IN (${ENVIRONMENTS})),
        kind TEXT NOT NULL CHECK (kind IN ('compliance', 'production')),
        request_id TEXT NOT NULL,
        certificate_serial TEXT NOT NULL,
        certificate_issuer TEXT NOT NULL,
        certificate TEXT NOT NULL,            -- one-line base64 DER (public)
        not_before INTEGER NOT NULL,
        not_after INTEGER NOT NULL,
        key_fingerprint TEXT NOT NULL,
        procedure TEXT NOT NULL CHECK (procedure IN ('onboard', 'renew', 'rotate')),
        obtained_at INTEGER NOT NULL,
        retired_at INTEGER,
        retired_reason TEXT CHECK (retired_reason IN ('used-for-production', 'renewed', 'key-rotated', 'refused'))
      ) STRICT;
      CREATE INDEX csid_history_environment ON csid_history (environment, kind, obtained_at);
      CREATE TRIGGER csid_history_undeletable BEFORE DELETE ON csid_history
      BEGIN SELECT RAISE(ABORT, 'CSID history is kept for audit'); END;
    `);
  },
};
