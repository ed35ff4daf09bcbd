#!/usr/bin/env bash
# One-time set-up of a development machine (Debian/Ubuntu; other systems: install the same things by hand).
# Installs the system packages the tests and browser mode use, then the npm dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

# each is used by the tests: xmllint and openssl as independent cross-checks, chromium for rendering and e2e,
# dbus + gnome-keyring + libsecret-tools + gdbus (libglib2.0-bin) for the OS keychain, zbarimg to decode printed QR
# codes, unzip and python3 to check exported zips, procps for ps, Arabic fonts for receipts, postgresql for the store
# server's suite (a private cluster in a temp folder, started by test/support/postgresCluster.ts), ghostscript to
# render the cleared B2B invoice's A4 PDF so its QR can be read (test/e2e/b2bTill.test.ts)
APT_PACKAGES=(libxml2-utils openssl chromium dbus gnome-keyring libsecret-tools libglib2.0-bin zbar-tools unzip python3 procps fonts-noto-core fonts-hosny-amiri postgresql ghostscript)
if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${APT_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
  fi
fi

# Electron fetches its binary from GitHub on first launch; where that is impossible everything except the thin
# Electron shell still runs (browser mode). Never let the download decide whether the install passes.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
# better-sqlite3 and esbuild need their install scripts (allowed in package.json "allowScripts");
# npm versions without allowScripts support run them anyway. Fail loudly if the native module did not build.
node -e "new (require('better-sqlite3'))(':memory:').close()" || npm rebuild better-sqlite3
# the bundles a till and the command line start from, so neither compiles TypeScript at every start (BENCHMARKS.md,
# "Command line", "Startup"); npm ci ran `prepare` already, which an install with scripts disabled would not have
npm run --silent build:cli
npm run --silent build:browser
