#!/usr/bin/env bash
# The whole test suite: types, formatting, lint (layering included), then vitest. On Linux without a desktop session the OS
# keychain (Secret Service) needs a D-Bus session with an unlocked gnome-keyring; start a private one.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(uname)" = "Linux" ] && [ -z "${DUKKAN_KEYRING_READY:-}" ] && command -v dbus-run-session >/dev/null 2>&1 && command -v gnome-keyring-daemon >/dev/null 2>&1; then
  export XDG_DATA_HOME="$(mktemp -d)"
  export DUKKAN_KEYRING_READY=1
  exec dbus-run-session -- bash -c 'echo -n dukkan-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$0" "$@"' "$0" "$@"
fi
npx tsc -p tsconfig.json --noEmit
npx prettier --check . --log-level warn
npx eslint . --max-warnings 0
npx vitest run "$@"
