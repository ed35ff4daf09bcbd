// SPDX-License-Identifier: UNLICENSED
// Shared pieces of the onboarding tests: a shop, a device (data folder + database + the REAL OS keychain), Fatoora
// clients pointed at the in-process simulator, and an independent view of the keychain through D-Bus (gdbus /
// secret-tool, not our adapter). These tests need a Secret Service: scripts/test.sh starts a private D-Bus session
// with an unlocked gnome-keyring; without one they fail with that explanation rather than skip.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DATABASE_FILE_NAME, openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { createFatooraClient, type FatooraClient, type FatooraEnvironment } from '../../main/fatoora/index';
import type { FatooraSimulator } from '../../main/fatooraSimulator/index';
import type { SaleInput } from '../../main/ledger/ledger';
import type { Logger } from '../../main/log/logger';
import {
  createOnboardingService,
  openDeviceKeychain,
  deviceKeychainService,
  type OnboardingService,
  type OnboardingServiceOptions,
} from '../../main/onboarding/index';
import type { SecretStore } from '../../native/keychain/secretStore';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { SELLER, simplifiedInvoice } from '../fixtures/documents';

const { country: _country, ...sellerAddress } = SELLER.address;

/** The fixture seller of test/fixtures/documents.ts as shop details (docs/shop-json.md). */
export const SHOP = {
  vatNumber: SELLER.vatNumber,
  crn: SELLER.id.value,
  sellerName: { ar: 'متجر الدكان للتجزئة', en: 'Dukkan Retail Store' },
  branch: 'Riyadh Branch',
  address: { ...sellerAddress, shortAddress: 'RRRD2929' },
  industry: 'Retail',
  invoiceTypes: 'simplified',
} as const;

/** A sale as the counter sends it to the ledger (the ledger assigns number, UUID and time). */
export const SALE: SaleInput = (({ number: _n, uuid: _u, issueDate: _d, issueTime: _t, ...sale }) => sale)(simplifiedInvoice());

/**
 * A client for `environment` that talks to the simulator over real HTTP on 127.0.0.1. local-simulator uses the
 * simulator's developer-portal prefix (its CSR template is TSTZATCA, reference §8); the ZATCA environments keep their
 * official https base URL in the client and a fetch that sends the request to the simulator instead.
 */
export function simulatorClients(sim: FatooraSimulator, logger?: Logger): (environment: FatooraEnvironment) => FatooraClient {
  return (environment) => {
    const common = { timeoutMs: 15_000, ...(logger ? { logger } : {}) };
    if (environment === 'local-simulator') return createFatooraClient({ environment, baseUrl: sim.urls['developer-portal'], ...common });
    return createFatooraClient({
      environment,
      ...common,
      fetch: (url, init) => fetch(url.replace('https://gw-fatoora.zatca.gov.sa', sim.url), init),
    });
  };
}

export interface Device {
  readonly dir: string;
  readonly file: string;
  readonly db: SqliteDatabase;
  readonly secrets: SecretStore;
  readonly service: string;
  /** Every value written to the keychain through this device (to scan the disk for them later). */
  readonly written: string[];
  open(options: Partial<OnboardingServiceOptions> & Pick<OnboardingServiceOptions, 'clientFor'>): OnboardingService;
}

/** A fresh terminal: its own data folder, database and keychain service, the real OS keychain underneath. */
export function newDevice(dir = mkdtempSync(path.join(tmpdir(), 'dukkan-device-'))): Device {
  const file = path.join(dir, DATABASE_FILE_NAME);
  const db = openDeviceDatabase(file);
  const real = openDeviceKeychain(db);
  const written: string[] = [];
  const secrets: SecretStore = {
    get: (name) => real.get(name),
    set: async (name, value) => {
      written.push(value);
      await real.set(name, value);
    },
    delete: (name) => real.delete(name),
  };
  return {
    dir,
    file,
    db,
    secrets,
    service: deviceKeychainService(db),
    written,
    open: (options) => createOnboardingService({ db, secrets, ...options }),
  };
}

/** Fails with an explanation when no Secret Service answers (run through scripts/test.sh or dbus-run-session). */
export function requireSecretService(): void {
  try {
    execFileSync(
      'gdbus',
      ['call', '--session', '--dest', 'org.freedesktop.secrets', '--object-path', '/org/freedesktop/secrets', '--method', 'org.freedesktop.DBus.Peer.Ping'],
      { stdio: 'pipe', timeout: 10_000 },
    );
  } catch {
    throw new Error(
      'no Secret Service on the D-Bus session: run these tests with `npm test` (scripts/test.sh starts gnome-keyring) or under dbus-run-session with an unlocked gnome-keyring',
    );
  }
}

function gdbusGet(objectPath: string, iface: string, property: string): string {
  return execFileSync(
    'gdbus',
    ['call', '--session', '--dest', 'org.freedesktop.secrets', '--object-path', objectPath, '--method', 'org.freedesktop.DBus.Properties.Get', iface, property],
    {
      encoding: 'utf8',
      timeout: 10_000,
    },
  );
}

export interface KeychainItem {
  readonly service: string;
  readonly account: string;
}

/** Every item of every Secret Service collection, read over D-Bus with gdbus (independent of @napi-rs/keyring). */
export function keychainItems(): KeychainItem[] {
  const collections = [...gdbusGet('/org/freedesktop/secrets', 'org.freedesktop.Secret.Service', 'Collections').matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  const items: KeychainItem[] = [];
  for (const collection of collections) {
    for (const [, item] of gdbusGet(collection, 'org.freedesktop.Secret.Collection', 'Items').matchAll(/'([^']+)'/g)) {
      const attributes = gdbusGet(item!, 'org.freedesktop.Secret.Item', 'Attributes');
      const service = /'service': '([^']*)'/.exec(attributes)?.[1];
      const account = /'username': '([^']*)'/.exec(attributes)?.[1];
      if (service !== undefined && account !== undefined) items.push({ service, account });
    }
  }
  return items;
}

/** The stored value of one entry, read with secret-tool (libsecret), or undefined. */
export function secretToolLookup(service: string, account: string): string | undefined {
  try {
    const out = execFileSync('secret-tool', ['lookup', 'service', service, 'username', account], { encoding: 'utf8', timeout: 10_000 });
    return out === '' ? undefined : out;
  } catch {
    return undefined;
  }
}

/** Rows of every onboarding table (migration 0020), to prove "no partial state". */
export function onboardingRows(db: SqliteDatabase): { onboarding: number; history: number; active: string | null } {
  return {
    onboarding: (db.prepare('SELECT COUNT(*) AS n FROM onboarding').get() as { n: number }).n,
    history: (db.prepare('SELECT COUNT(*) AS n FROM csid_history').get() as { n: number }).n,
    active: (db.prepare('SELECT active_environment AS a FROM device_identity').get() as { a: string | null }).a,
  };
}
