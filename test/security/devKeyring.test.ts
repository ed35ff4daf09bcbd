// SPDX-License-Identifier: UNLICENSED
// The development keyring of browser mode (scripts/devKeyring.mjs, scripts/devKeyringUnlock.sh; docs/security.md,
// "The development keyring"): it lives in the user's config folder, not the data folder, behind a random password
// kept 0600; creating it is said once; a keyring an earlier version left in the data folder under the public
// password "dukkan-dev" is moved out and re-encrypted, its keys still readable and the old password refused. Real
// gnome-keyring daemons in private D-Bus sessions.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../vectors';

const SCRIPT = path.join(REPO_ROOT, 'scripts', 'devKeyring.mjs');
const UNLOCK = path.join(REPO_ROOT, 'scripts', 'devKeyringUnlock.sh');
const linux = process.platform === 'linux';
const mode = (p: string) => statSync(p).mode & 0o777;

interface Home {
  readonly env: NodeJS.ProcessEnv;
  readonly data: string;
  readonly config: string;
}

function newHome(): Home {
  const root = mkdtempSync(path.join(tmpdir(), 'dukkan-devkeyring-'));
  const config = path.join(root, 'config');
  // a real home folder: without XDG_RUNTIME_DIR the daemon puts its control socket under ~/.cache
  const homeDir = path.join(root, 'home');
  mkdirSync(homeDir);
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: homeDir, XDG_CONFIG_HOME: config };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  return { env, data: path.join(root, 'data'), config };
}

/** `node scripts/devKeyring.mjs prepare DATA`: the shell assignments it prints and what it said. */
function prepare(home: Home): { vars: Record<string, string>; said: string } {
  const out = execFileSync('bash', ['-c', `node "${SCRIPT}" prepare "$1" 2>"$2.err"; cat "$2.err" >&2`, 'x', home.data, path.join(home.config, '..', 'said')], {
    env: home.env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const vars = Object.fromEntries(
    out
      .trim()
      .split('\n')
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1).replace(/^'|'$/g, '')]),
  );
  return { vars, said: readFileSync(path.join(home.config, '..', 'said.err'), 'utf8') };
}

/** Runs `script` (bash) in a private D-Bus session with the keyring daemon home set; returns its stdout. */
function inSession(home: Home, keyringHome: string, script: string, extra: NodeJS.ProcessEnv = {}): string {
  return execFileSync('dbus-run-session', ['--', 'bash', '-c', script], {
    env: { ...home.env, XDG_DATA_HOME: keyringHome, ...extra },
    encoding: 'utf8',
    cwd: REPO_ROOT,
    timeout: 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const KEYCHAIN = `
import { AsyncEntry } from '@napi-rs/keyring';
const entry = new AsyncEntry('dukkan-devkeyring-test', 'local-simulator/device-key', { linux: { store: 'secret-service' } });
if (process.argv.at(-1) === 'set') await entry.setPassword('the-device-key');
else process.stdout.write(String(await entry.getPassword()));
`;
const keychain = (op: 'set' | 'get') => `node --input-type=module -e "${KEYCHAIN.replaceAll('"', '\\"')}" ${op}`;

describe.runIf(linux)('the development keyring', { timeout: 120_000 }, () => {
  it('is made outside the data folder, with a random password kept 0600, and says so once', () => {
    const home = newHome();
    const first = prepare(home);
    expect(first.vars.DUKKAN_KEYRING_HOME).toBe(path.join(home.config, 'dukkan', 'dev-keyring'));
    expect(path.relative(home.data, first.vars.DUKKAN_KEYRING_HOME!).startsWith('..')).toBe(true);
    const password = readFileSync(first.vars.DUKKAN_KEYRING_PASSWORD_FILE!, 'utf8');
    expect(password).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(password).not.toBe('dukkan-dev');
    expect(mode(first.vars.DUKKAN_KEYRING_PASSWORD_FILE!)).toBe(0o600);
    expect([mode(path.join(home.config, 'dukkan')), mode(first.vars.DUKKAN_KEYRING_HOME!)]).toEqual([0o700, 0o700]);
    expect(first.said).toMatch(/for development and trials only/);
    expect(first.vars.DUKKAN_DEV_KEYRING_CREATED).toBe(first.vars.DUKKAN_KEYRING_HOME);
    // the second start: same password, nothing said, nothing created
    const second = prepare(home);
    expect(readFileSync(second.vars.DUKKAN_KEYRING_PASSWORD_FILE!, 'utf8')).toBe(password);
    expect(second.said).toBe('');
    expect(second.vars.DUKKAN_DEV_KEYRING_CREATED).toBe('');
    // another user's config gets another password
    expect(readFileSync(prepare(newHome()).vars.DUKKAN_KEYRING_PASSWORD_FILE!, 'utf8')).not.toBe(password);
    // the keyring unlocks with it and keeps a key across sessions
    const env = { DUKKAN_KEYRING_PASSWORD_FILE: first.vars.DUKKAN_KEYRING_PASSWORD_FILE!, DUKKAN_KEYRING_MIGRATING: '0' };
    inSession(home, first.vars.DUKKAN_KEYRING_HOME!, `"${UNLOCK}" && ${keychain('set')}`, env);
    expect(inSession(home, first.vars.DUKKAN_KEYRING_HOME!, `"${UNLOCK}" && ${keychain('get')}`, env)).toBe('the-device-key');
    expect(existsSync(path.join(home.data, 'keyring'))).toBe(false);
  });

  it('moves a keyring left in the data folder with the password "dukkan-dev" out, re-encrypted, keys kept', async () => {
    const home = newHome();
    // what earlier versions of scripts/start.sh left: <data>/keyring/keyrings/login.keyring under "dukkan-dev"
    const oldHome = path.join(home.data, 'keyring');
    inSession(home, oldHome, `echo -n dukkan-dev | gnome-keyring-daemon --unlock --components=secrets >/dev/null && ${keychain('set')}`);
    const before = readFileSync(path.join(oldHome, 'keyrings', 'login.keyring'));

    const { vars, said } = prepare(home);
    expect(said).toMatch(/Moved the development keyring out of/);
    expect(vars.DUKKAN_KEYRING_MIGRATING).toBe('1');
    expect(existsSync(oldHome)).toBe(false);
    const env = { DUKKAN_KEYRING_PASSWORD_FILE: vars.DUKKAN_KEYRING_PASSWORD_FILE!, DUKKAN_KEYRING_MIGRATING: vars.DUKKAN_KEYRING_MIGRATING! };
    // the first start re-encrypts it; its key is still there
    expect(inSession(home, vars.DUKKAN_KEYRING_HOME!, `"${UNLOCK}" && ${keychain('get')}`, env)).toBe('the-device-key');
    const after = readFileSync(path.join(vars.DUKKAN_KEYRING_HOME!, 'keyrings', 'login.keyring'));
    expect(after.equals(before)).toBe(false);
    // later starts use the new password only
    const next = prepare(home).vars;
    expect(next.DUKKAN_KEYRING_MIGRATING).toBe('0');
    const plain = { DUKKAN_KEYRING_PASSWORD_FILE: next.DUKKAN_KEYRING_PASSWORD_FILE!, DUKKAN_KEYRING_MIGRATING: '0' };
    expect(inSession(home, next.DUKKAN_KEYRING_HOME!, `"${UNLOCK}" && ${keychain('get')}`, plain)).toBe('the-device-key');
    // and the public password opens it no more: the daemon's own unlock refuses it (result 1, denied)
    const probe = `
      import { controlRequest } from '${SCRIPT}';
      const [control, password] = process.argv.slice(-2);
      process.stdout.write(String(await controlRequest(control, 1, [password])));`;
    const run = (password: string) =>
      inSession(
        home,
        next.DUKKAN_KEYRING_HOME!,
        `control="$(gnome-keyring-daemon --start --components=secrets | sed -n 's/^GNOME_KEYRING_CONTROL=//p')" && node --input-type=module -e "${probe.replaceAll('"', '\\"')}" "$control" "$1"`.replace(
          '"$1"',
          `'${password}'`,
        ),
      );
    expect(run('dukkan-dev')).toBe('1');
    expect(run(readFileSync(next.DUKKAN_KEYRING_PASSWORD_FILE!, 'utf8'))).toBe('0');
  });

  it('leaves an old keyring in place, and says why, when the config folder already has one', () => {
    const home = newHome();
    const vars = prepare(home).vars;
    const env = { DUKKAN_KEYRING_PASSWORD_FILE: vars.DUKKAN_KEYRING_PASSWORD_FILE!, DUKKAN_KEYRING_MIGRATING: '0' };
    inSession(home, vars.DUKKAN_KEYRING_HOME!, `"${UNLOCK}" && ${keychain('set')}`, env);
    inSession(
      home,
      path.join(home.data, 'keyring'),
      `echo -n dukkan-dev | gnome-keyring-daemon --unlock --components=secrets >/dev/null && ${keychain('set')}`,
    );
    const again = prepare(home);
    expect(again.said).toMatch(/was left where it is.*Delete that folder/s);
    expect(again.vars.DUKKAN_KEYRING_MIGRATING).toBe('0');
    expect(existsSync(path.join(home.data, 'keyring', 'keyrings', 'login.keyring'))).toBe(true);
  });
});
