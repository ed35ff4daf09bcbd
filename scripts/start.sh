#!/usr/bin/env bash
# `npm start`: the desktop app when Electron's binary is installed; otherwise browser mode (npm run start:browser),
# which runs the same services in plain Node and prints a link to open in Chromium. DUKKAN_BROWSER=1 forces browser
# mode. Arguments go to the mode started, e.g. `npm start -- --printer tcp://192.168.1.50:9100`.
#
# The device key lives in the OS keychain. On Linux without a desktop session (a server, a container, SSH) there is
# no Secret Service, so browser mode is started inside a private D-Bus session with a development gnome-keyring kept
# in the user's config folder (${XDG_CONFIG_HOME:-~/.config}/dukkan/dev-keyring, outside the data folder) and locked
# with a random password stored 0600 beside it (scripts/devKeyring.mjs; docs/security.md, "The development
# keyring"): fine for development and trials, not for a shop — a real terminal uses its desktop session's keychain.
set -euo pipefail
cd "$(dirname "$0")/.."

# Electron's binary: node_modules/electron/path.txt names it inside node_modules/electron/dist (checked without
# require('electron'), which would try to download a missing binary)
electron_bin=""
if [ -f node_modules/electron/path.txt ]; then electron_bin="node_modules/electron/dist/$(cat node_modules/electron/path.txt)"; fi
if [ -z "${DUKKAN_BROWSER:-}" ] && [ -n "$electron_bin" ] && [ -x "$electron_bin" ]; then
  exec npm run --silent start:electron -- "$@"
fi

if [ "$(uname)" = "Linux" ] && [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session >/dev/null 2>&1 && command -v gnome-keyring-daemon >/dev/null 2>&1; then
  data="${DUKKAN_DATA_DIR:-$PWD/.dukkan-data}"
  eval "$(node scripts/devKeyring.mjs prepare "$data")"
  echo "No desktop session: using the development keyring in $DUKKAN_KEYRING_HOME (for development only)" >&2
  export XDG_DATA_HOME="$DUKKAN_KEYRING_HOME" DUKKAN_KEYRING_PASSWORD_FILE DUKKAN_KEYRING_MIGRATING DUKKAN_DEV_KEYRING_CREATED
  exec dbus-run-session -- bash -c 'scripts/devKeyringUnlock.sh && exec npm run --silent start:browser -- "$@"' start "$@"
fi

exec npm run --silent start:browser -- "$@"
