// The backup panel on the manager's status tab (docs/backups.md): several backup folders, one per line, are saved as
// several targets (a USB drive and a network share each get every backup); the saved folders come back one per line;
// and a restore is staged for the next start with the passphrase typed from the recovery sheet, then cancelled. Mounted whole in a light DOM (happy-dom) against a fake
// main; test/backup/appBackups.test.ts drives the real backup service through the dispatcher.
// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupScreen, BackupTargetView, PendingRestoreView } from '../../app/contract/backupTypes';
import { submit, type } from './testing/dom';
import { deviceStatus, MANAGER, settle } from './testing/fakes';
import { mountApp, openManagerTab, unmountApps } from './testing/mountApp';

let root: HTMLElement;
afterEach(unmountApps);

async function openStatusTab(saved: readonly string[], locale: 'en' | 'ar' = 'en', targets: BackupTargetView[] = []) {
  let screen: BackupScreen = { targets: saved, everyHours: 4, keepNewest: 3, passphraseSet: true, status: { warning: false, targets: [] } };
  const mounted = await mountApp(
    { user: MANAGER, locale },
    {
      'device.status': () => deviceStatus({ backups: { warning: true, targets } }),
      'backup.status': () => screen,
      'backup.configure': (input) => (screen = { ...screen, targets: input.targets, everyHours: input.everyHours }),
      'backup.pendingRestore': () => null,
      'backup.stageRestore': (input) => ({ ...PENDING, backup: input.sources[0]! }),
      'backup.cancelRestore': () => null,
    },
  );
  root = mounted.root;
  // the panel shows, then loads its settings in an effect of its own
  await openManagerTab(mounted, 'status', () => mounted.$('[data-test=backup-folders]') !== null && mounted.fake.callsOf('backup.status').length > 0);
  return mounted.fake;
}

const PENDING: PendingRestoreView = {
  backup: '',
  terminal: '4f2a9c1e',
  egsSerial: '1-Dukkan|2-POS|3-old',
  createdAt: '2026-12-01T20:00:00Z',
  documents: 1250,
  stagedAt: '2026-12-04T09:00:00Z',
};

const folders = () => root.querySelector<HTMLTextAreaElement>('[data-test=backup-folders]')!;

describe('the backup panel', () => {
  it('shows every saved folder, one per line', async () => {
    await openStatusTab(['/media/usb/dukkan', '/mnt/share/dukkan']);
    expect(folders().value).toBe('/media/usb/dukkan\n/mnt/share/dukkan');
  });

  it('saves each non-empty line as a folder of its own', async () => {
    const fake = await openStatusTab([]);
    type(root, '[data-test=backup-folders]', '  /media/usb/dukkan \n\n/mnt/share/dukkan\n');
    type(root, '[data-test=backup-hours]', '6');
    submit(root, '[data-test=backup-folders]');
    await settle(20);
    expect(fake.callsOf('backup.configure')).toEqual([{ targets: ['/media/usb/dukkan', '/mnt/share/dukkan'], everyHours: 6, keepNewest: 3 }]);
    expect(folders().value).toBe('/media/usb/dukkan\n/mnt/share/dukkan');
  });

  it('stages a restore for the next start with the typed passphrase, clears it from the screen, and can cancel it', async () => {
    const fake = await openStatusTab([]);
    type(root, '[data-test=restore-sources]', '/media/usb/dukkan\n');
    type(root, '[data-test=restore-passphrase]', ' ABCD-EFGH ');
    submit(root, '[data-test=restore-sources]');
    await settle(20);
    expect(fake.callsOf('backup.stageRestore')).toEqual([{ sources: ['/media/usb/dukkan'], passphrase: 'ABCD-EFGH' }]);
    expect(root.querySelector('[data-test=restore-pending]')?.textContent).toContain('1250');
    expect(root.querySelector('[data-test=restore-passphrase]')).toBeNull();
    root.querySelector<HTMLButtonElement>('[data-test=restore-cancel]')!.click();
    await settle(20);
    expect(fake.callsOf('backup.cancelRestore')).toHaveLength(1);
    expect(root.querySelector<HTMLInputElement>('[data-test=restore-passphrase]')?.value).toBe('');
  });

  it('names the store server as a target in the screen’s language, a folder by its path', async () => {
    const at = { lastSuccessAt: null, lastFailure: null, stale: true };
    const targets: BackupTargetView[] = [
      { target: '/media/usb/dukkan', storeServer: null, ...at },
      { target: 'store server http://10.0.0.5:8790', storeServer: 'http://10.0.0.5:8790', ...at },
    ];
    for (const [locale, name] of [
      ['en', 'store server'],
      ['ar', 'خادم المتجر'],
    ] as const) {
      await openStatusTab([], locale, targets);
      const lines = [...root.querySelectorAll('[data-test=backup-target]')].map((l) => l.textContent ?? '');
      expect(lines[0]).toMatch(/^\/media\/usb\/dukkan · /);
      expect(lines[1]).toMatch(new RegExp(`^${name} http://10\\.0\\.0\\.5:8790 · `));
      if (locale === 'ar') expect(lines[1]).not.toMatch(/store server/);
      unmountApps();
    }
  });
});
