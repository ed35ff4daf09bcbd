// SPDX-License-Identifier: UNLICENSED
// The backup passphrase (docs/backups.md): 24 characters of Crockford's base32 (120 random bits), made by the
// terminal, shown once to the manager as a recovery sheet to print, and kept in this device's OS keychain so
// scheduled backups need nobody at the till. A new machine has no such keychain entry: the sheet is then the only way
// to read the backups, which is why it is never shown again and never replaced.
import { randomBytes } from 'node:crypto';
import { DukkanError } from '../../app/errors/index';
import type { SecretStore } from '../../native/keychain/secretStore';
import type { BackupManifest } from './backupManifest';

export const PASSPHRASE_ENTRY = 'backup/passphrase';
/** Crockford's base32: no I, L, O, U, so a handwritten or misread sheet still decodes (I, L → 1; O → 0). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 24;

export function generatePassphrase(): string {
  // 256 is a multiple of 32: taking the low five bits of a random byte is unbiased
  const chars = [...randomBytes(LENGTH)].map((b) => ALPHABET[b & 31]!).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** The passphrase as the key derivation takes it; refuses anything that is not a sheet's 24 characters. */
export function normalizePassphrase(typed: string): string {
  const chars = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const usable = [...chars].filter((c) => ALPHABET.includes(c)).length;
  if (chars.length !== LENGTH || usable !== LENGTH) throw new DukkanError('backup.passphrase-format', { length: usable }, { field: 'passphrase' });
  return chars.match(/.{4}/g)!.join('-');
}

/** The passphrase this terminal backs up with; undefined before one was created. */
export async function storedPassphrase(secrets: SecretStore): Promise<string | undefined> {
  const value = await secrets.get(PASSPHRASE_ENTRY);
  return value === undefined ? undefined : normalizePassphrase(value);
}

/** Creates the terminal's passphrase once; returns it for the one time it is shown. */
export async function createPassphrase(secrets: SecretStore): Promise<string> {
  if ((await secrets.get(PASSPHRASE_ENTRY)) !== undefined) throw new DukkanError('backup.passphrase-exists');
  const passphrase = generatePassphrase();
  await secrets.set(PASSPHRASE_ENTRY, passphrase);
  return passphrase;
}

/** The recovery sheet, in English and Arabic, to print and keep away from the till. */
export function recoverySheet(passphrase: string, terminal: Pick<BackupManifest, 'terminal' | 'egsSerial' | 'commonName'>, createdAt: Date): string {
  return [
    'DUKKAN — BACKUP RECOVERY SHEET / ورقة استرداد النسخ الاحتياطية',
    '',
    `Terminal / المحطة: ${terminal.terminal}`,
    `EGS: ${terminal.egsSerial ?? '—'}${terminal.commonName ? ` (${terminal.commonName})` : ''}`,
    `Created / أُنشئت: ${createdAt.toISOString()}`,
    '',
    `Passphrase / عبارة المرور:   ${passphrase}`,
    '',
    'Every backup of this terminal is encrypted with this passphrase. Restoring on a new computer asks for it:',
    'without it the backups cannot be read by anyone. Keep this sheet in a safe place away from the till.',
    'كل نسخة احتياطية لهذه المحطة مشفّرة بعبارة المرور هذه، وتُطلب عند الاستعادة على حاسوب جديد؛',
    'ومن دونها لا يستطيع أحد قراءة النسخ. احفظ هذه الورقة في مكان آمن بعيدًا عن نقطة البيع.',
    '',
    'Restore / الاستعادة:  dukkan restore --data-dir <folder> --from <backup file> --passphrase -',
  ].join('\n');
}
