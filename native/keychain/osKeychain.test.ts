// SPDX-License-Identifier: UNLICENSED
// A keychain that cannot be reached is a refusal the user can act on (unlock it), with a catalog code naming the
// entry and the operation, never a bug and never the value.
import { afterEach, describe, expect, it } from 'vitest';
import { createOsKeychain } from './osKeychain';
import { KeychainUnavailableError } from './secretStore';
import { DukkanError } from '../../app/errors/index';

const linux = process.platform === 'linux';
const saved = process.env.DBUS_SESSION_BUS_ADDRESS;

afterEach(() => {
  if (saved === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
  else process.env.DBUS_SESSION_BUS_ADDRESS = saved;
});

describe.runIf(linux)('the OS keychain without a Secret Service', () => {
  it.each([
    ['get', 'keychain.read-refused', (s: ReturnType<typeof createOsKeychain>) => s.get('local-simulator/probe')],
    ['set', 'keychain.write-refused', (s: ReturnType<typeof createOsKeychain>) => s.set('local-simulator/probe', 'not stored')],
    ['delete', 'keychain.delete-refused', (s: ReturnType<typeof createOsKeychain>) => s.delete('local-simulator/probe')],
  ] as const)('%s is refused as %s, naming the entry, in English and Arabic', async (operation, code, call) => {
    // no session bus at all: the Secret Service cannot answer, and entries are pinned to it (osKeychain.ts)
    process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/dukkan-test-bus';
    const store = createOsKeychain({ service: 'dukkan-keychain-refusal-test' });
    const refusal = await call(store).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(KeychainUnavailableError);
    expect(refusal).toBeInstanceOf(DukkanError);
    const e = refusal as KeychainUnavailableError;
    expect([e.code, e.operation, e.entry, e.params.entry]).toEqual([code, operation, 'local-simulator/probe', 'local-simulator/probe']);
    expect(e.message).toContain("'local-simulator/probe'");
    expect(e.message).not.toContain('not stored');
    expect(e.text('ar')).toContain('سلسلة مفاتيح النظام');
  });
});
