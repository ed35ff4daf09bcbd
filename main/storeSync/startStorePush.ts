// SPDX-License-Identifier: UNLICENSED
// The push worker as the app runs it (docs/store-server.md): live ledgers only — training's practice documents never
// reach the shop's books — on a database connection of its own, with the terminal's key from the OS keychain. It
// idles until the till is enrolled, so enrolment needs no restart.
import type { SecretStore } from '../../native/keychain/secretStore';
import { openDeviceDatabase } from '../db/openDeviceDatabase';
import type { Logger } from '../log/logger';
import { storeKey } from './storeEnrolment';
import { StorePushWorker } from './storePushWorker';

export interface StorePush {
  readonly worker: StorePushWorker;
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
  return {
    worker,
    async stop() {
      await worker.stop();
      db.close();
    },
  };
}
