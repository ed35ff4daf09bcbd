// SPDX-License-Identifier: UNLICENSED
// A terminal onboarded against the in-process Fatoora simulator, through the real client, the way reference §10
// describes: CSR → compliance CSID (OTP 123345) → the three simplified compliance documents signed with
// buildAndStamp → production CSID. Returns what the app would hold afterwards: the production credentials (for
// reporting) and the signing material (PCSID certificate + EGS key, for the ledger). Shared by the reporting tests,
// the reporting benchmark and onboarding tests.
import { privateKeySigner } from '../../app/crypto/ecdsa';
import type { Signing } from '../../app/engine/buildAndStamp';
import { parseCertificate } from '../../app/x509/index';
import type { FatooraClient, FatooraClientOptions, FatooraCredentials } from '../../main/fatoora/index';
import type { FatooraSimulator, ZatcaEnvironment } from '../../main/fatooraSimulator/index';
import { clientFor, onboard, type Onboarded } from '../fatoora/support';

export interface SimulatorDevice {
  /** A client for the simulator environment the device was onboarded in. */
  readonly client: FatooraClient;
  /** The production CSID: what reporting authenticates with. */
  readonly credentials: FatooraCredentials;
  /** The production CSID's certificate and the EGS key: what the ledger signs with. */
  readonly signing: Signing;
  readonly onboarded: Onboarded;
}

export interface SimulatorDeviceOptions {
  readonly environment?: ZatcaEnvironment;
  /** CSR title (reference §8): '0100' simplified only (default), '1100' both. */
  readonly invoiceType?: string;
  readonly client?: Partial<FatooraClientOptions>;
}

export async function onboardSimulatorDevice(sim: FatooraSimulator, options: SimulatorDeviceOptions = {}): Promise<SimulatorDevice> {
  const environment = options.environment ?? 'simulation';
  const client = clientFor(sim, environment, options.client);
  const onboarded = await onboard(client, sim, environment, options.invoiceType ?? '0100');
  const credentials = onboarded.production.credentials;
  return {
    client,
    credentials,
    signing: { certificate: parseCertificate(credentials.binarySecurityToken), sign: privateKeySigner(onboarded.egs.privateKey) },
    onboarded,
  };
}
