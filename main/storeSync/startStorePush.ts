// SPDX-License-Identifier: UNLICENSED
// The push worker as the app runs it (docs/store-server.md): live ledgers only — training's practice documents never
// reach the shop's books — on a database connection of its own, with the terminal's key from the OS keychain. It
// idles until the till is enrolled, so enrolment needs no restart. The master-data pull runs beside it.
import type { SecretStore } from '../../native/keychain/secretStore';
import { openDeviceDatabase } from '../db/openDeviceDatabase';
import type { Logger } from '../log/logger';
import { MasterDataPullWorker } from './masterDataPullWorker';
import { storeKey } from './storeEnrolment';
import { StorePushWorker } from './storePushWorker';

export interface StorePush {
  readonly worker: StorePushWorker;
  /** Master data from the server (masterDataPullWorker.ts), on the same connection. */
  readonly pull: MasterDataPullWorker;
  stop(): Promise<void>;
}

export function startStorePush(options: { file: string; secrets: SecretStore; logger: Logger; certificateExpiresAt?: () => Date | undefined }): StorePush {
  const db = openDeviceDatabase(options.file);
  const worker = new StorePushWorker({
    db,
    secretKey: () => storeKey(options.secrets),
    logger: options.logger.child({ component: 'store-push' }),
    ...(options.certificateExpiresAt ? { certificateExpiresAt: options.certificateExpiresAt } : {}),
  });
  worker.start();
  const pull = new MasterDataPullWorker({ db, secretKey: () => storeKey(options.secrets), logger: options.logger.child({ component: 'store-pull' }) });
  pull.start();
  return {
    worker,
    pull,
    async stop() {
      await worker.stop();
      await pull.stop();
      db.close();
    },
  };
}
