#!/usr/bin/env bash
# Inside the development keyring's private D-Bus session (scripts/start.sh): start gnome-keyring-daemon on the keyring
# of scripts/devKeyring.mjs and unlock it with its password from the 0600 file, never from the command line. A keyring
# moved out of the data folder still has the old public password: it is unlocked with that once and re-encrypted
# under the new one (devKeyring.mjs change).
set -euo pipefail
if [ "${DUKKAN_KEYRING_MIGRATING:-0}" = 1 ]; then
  control="$(echo -n dukkan-dev | gnome-keyring-daemon --unlock --components=secrets | sed -n 's/^GNOME_KEYRING_CONTROL=//p')"
  node "$(dirname "$0")/devKeyring.mjs" change "$control"
else
  gnome-keyring-daemon --unlock --components=secrets <"$DUKKAN_KEYRING_PASSWORD_FILE" >/dev/null
fi
