#!/usr/bin/env bash
# One-time (idempotent) setup of a Debian/Ubuntu machine: system packages (every test tier's tools,
# and the compiler node-gyp builds pkcs11js and better-sqlite3 with), the pinned Node,
# npm packages (native modules compiled against that Node), the built renderer.
# tesseract-ocr(-vie) is the peer of tests/bench/ocr.ts only: the app reads scans with tesseract.js.
set -euo pipefail
cd "$(dirname "$0")/.."
APT_PACKAGES=(softhsm2 opensc poppler-utils mupdf-tools qpdf libnss3-tools openssl chromium xvfb fonts-liberation2 ca-certificates faketime python3 make g++ curl clamav libreoffice-common libreoffice-calc-nogui libreoffice-writer-nogui tesseract-ocr tesseract-ocr-vie)
missing=()
for p in "${APT_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
source scripts/setup-node.sh
# The electron package would fetch its binary from GitHub, which these machines cannot reach.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
# node-gyp must compile pkcs11js against this Node's headers, not a machine-wide nodedir.
export npm_config_nodedir="$PWD/.tools/node"
# `npm install` against the committed lock, not `npm ci`: the registry mirror here serves only this
# platform's optional binaries (e.g. @napi-rs/canvas-win32-*: 404), so the lock cannot list them
# and `npm ci` refuses such a lock. Versions still come from package-lock.json.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund
fi
node scripts/build.ts
