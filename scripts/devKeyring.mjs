// SPDX-License-Identifier: UNLICENSED
// The development keyring of browser mode on Linux without a desktop session (scripts/start.sh): a gnome-keyring in
// the user's config folder — never in the data folder, so copying the data folder does not copy the device key
// with it — locked with a random password kept 0600 next to it (docs/security.md, "The development keyring").
//
//   node scripts/devKeyring.mjs prepare DATA_DIR
//       creates ${XDG_CONFIG_HOME:-~/.config}/dukkan (0700), the password (32 random bytes, base64, 0600) on first
//       use — saying once that it is for development only — and moves a keyring left in DATA_DIR/keyring by
//       earlier versions (password "dukkan-dev") into it, to be re-encrypted; prints shell assignments for start.sh
//   node scripts/devKeyring.mjs change CONTROL_DIR
//       inside the keyring's D-Bus session, after the moved keyring was unlocked with the old password: changes its
//       password to the new one through gnome-keyring-daemon's control socket (the operation its PAM module uses
//       when a login password changes), so the file on disk is re-encrypted
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createConnection } from 'node:net';
import { homedir } from 'node:os';
import path from 'node:path';

export const OLD_PASSWORD = 'dukkan-dev';

export function devKeyringPaths(env = process.env) {
  const config = path.join(env.XDG_CONFIG_HOME || path.join(env.HOME || homedir(), '.config'), 'dukkan');
  const home = path.join(config, 'dev-keyring');
  return {
    config,
    /** XDG_DATA_HOME of the keyring daemon: the keyring file is home/keyrings/login.keyring */
    home,
    passwordFile: path.join(config, 'dev-keyring-password'),
    /** present while a moved keyring still has the old public password */
    migrating: path.join(home, 'keyrings', '.old-password'),
  };
}

function writeNew(file, text) {
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

const quote = (s) => `'${s.replaceAll("'", `'\\''`)}'`;

export function prepare(dataDir, env = process.env, say = (t) => process.stderr.write(t)) {
  const p = devKeyringPaths(env);
  mkdirSync(p.home, { recursive: true, mode: 0o700 });
  for (const dir of [p.config, p.home]) chmodSync(dir, 0o700);
  let created = false;
  if (!existsSync(p.passwordFile)) {
    writeNew(p.passwordFile, randomBytes(32).toString('base64'));
    created = true;
    say(
      `Created a development keyring in ${p.home} (its password: ${p.passwordFile}, readable by you only).\n` +
        "It is for development and trials only: a shop terminal keeps its keys in its desktop session's keychain.\n",
    );
  }
  chmodSync(p.passwordFile, 0o600);
  const old = path.join(dataDir, 'keyring', 'keyrings');
  if (existsSync(path.join(old, 'login.keyring'))) {
    if (existsSync(path.join(p.home, 'keyrings', 'login.keyring'))) {
      say(
        `A development keyring of an earlier version is still in ${path.join(dataDir, 'keyring')} (password "${OLD_PASSWORD}"), ` +
          `but ${p.home} already holds one, so it was left where it is: its keys are not used. Delete that folder once ` +
          'you no longer need the keys in it; while it is there, whoever can copy the data folder can read them.\n',
      );
    } else {
      renameSync(old, path.join(p.home, 'keyrings'));
      writeNew(p.migrating, '');
      rmSync(path.join(dataDir, 'keyring'), { recursive: true, force: true });
      say(`Moved the development keyring out of ${dataDir} into ${p.home}; it is re-encrypted under the new password now.\n`);
    }
  }
  const lines = [
    `DUKKAN_KEYRING_HOME=${quote(p.home)}`,
    `DUKKAN_KEYRING_PASSWORD_FILE=${quote(p.passwordFile)}`,
    `DUKKAN_KEYRING_MIGRATING=${existsSync(p.migrating) ? 1 : 0}`,
    `DUKKAN_DEV_KEYRING_CREATED=${created ? quote(p.home) : "''"}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** One request on the control socket: uint32 length, uint32 operation, then each argument as uint32 length + bytes (big-endian). */
export function controlRequest(controlDir, op, args) {
  const parts = args.map((a) => Buffer.from(a, 'utf8'));
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + parts.reduce((n, b) => n + 4 + b.length, 0), 0);
  head.writeUInt32BE(op, 4);
  const body = parts.flatMap((b) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length, 0);
    return [len, b];
  });
  return new Promise((resolve, reject) => {
    const socket = createConnection({ path: path.join(controlDir, 'control') });
    const chunks = [];
    socket.on('connect', () => {
      // the daemon first reads one credentials byte (it checks the caller's uid on the socket), then the packet
      socket.write(Buffer.concat([Buffer.from([0]), head, ...body]));
    });
    socket.on('data', (d) => {
      chunks.push(d);
      const all = Buffer.concat(chunks);
      if (all.length >= 8) {
        socket.end();
        resolve(all.readUInt32BE(4));
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error('the keyring daemon closed the control socket without an answer')));
  });
}

const OP_CHANGE = 2;
const RESULTS = ['ok', 'denied (the old password did not match)', 'failed', 'no daemon'];

export async function changePassword(controlDir, env = process.env) {
  const p = devKeyringPaths(env);
  const next = readFileSync(p.passwordFile, 'utf8');
  const result = await controlRequest(controlDir, OP_CHANGE, [OLD_PASSWORD, next]);
  if (result !== 0) throw new Error(`the development keyring's password could not be changed: ${RESULTS[result] ?? result}`);
  rmSync(p.migrating, { force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, arg] = process.argv.slice(2);
  try {
    if (command === 'prepare' && arg) process.stdout.write(prepare(path.resolve(arg)));
    else if (command === 'change' && arg) await changePassword(arg);
    else throw new Error('usage: node scripts/devKeyring.mjs prepare DATA_DIR | change CONTROL_DIR');
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
