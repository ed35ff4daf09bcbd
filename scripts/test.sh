#!/usr/bin/env bash
# `npm test`: types, formatting, lint (layering included), then every vitest tier. `scripts/test.sh unit|integration|e2e`
# runs one tier only (npm run test:unit, test:integration, test:e2e; tiers are defined in vitest.config.ts); further
# arguments go to vitest. On Linux without a desktop session the OS keychain (Secret Service) needs a D-Bus session with
# an unlocked gnome-keyring: the tiers that use it get a private one.
set -euo pipefail
cd "$(dirname "$0")/.."
tier=all
case "${1:-}" in unit | integration | e2e | all) tier="$1"; shift ;; esac
if [ "$tier" != unit ] && [ "$(uname)" = "Linux" ] && [ -z "${DUKKAN_KEYRING_READY:-}" ] && command -v dbus-run-session >/dev/null 2>&1 && command -v gnome-keyring-daemon >/dev/null 2>&1; then
  export XDG_DATA_HOME="$(mktemp -d)"
  export DUKKAN_KEYRING_READY=1
  trap 'rm -rf "$XDG_DATA_HOME"' EXIT
  dbus-run-session -- bash -c 'echo -n dukkan-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$0" "$@"' "$0" "$tier" "$@"
  exit $?
fi
if [ "$tier" = all ]; then
  npx tsc -p tsconfig.json --noEmit
  npx prettier --check . --log-level warn
  npx eslint . --max-warnings 0
  exec npx vitest run "$@"
fi
exec npx vitest run --project "$tier" "$@"
