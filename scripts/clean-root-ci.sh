#!/usr/bin/env bash
# Proves `.ci/run` on a machine where nothing of the project's is installed: a Debian 12 root made
# with debootstrap (minbase), given only this machine's Node and npm and its network settings (the
# CA certificates and npm's cafile, without which nothing reaches the registry here), then a fresh
# clone of HEAD and `bash .ci/run` inside it. Needs root and Debian's debootstrap.
# Usage: sudo bash scripts/clean-root-ci.sh [ROOT_DIR]   (default: a new folder under /tmp)
# Prints the CI's output and, at the end, its exit code and how long it took.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
root="${1:-$(mktemp -d /tmp/vanthu-clean-root.XXXXXX)}"
command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap; }
debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null

# Node and npm exactly as this machine has them; nothing else of the host's.
node_bin="$(command -v node)"
npm_dir="$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")"
cp "$node_bin" "$root/usr/bin/node"
mkdir -p "$root/usr/lib/node_modules"
cp -a "$npm_dir" "$root/usr/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/bin/npx"
# The network's settings: name resolution, the same Debian mirror, the egress CA and npm's cafile.
cp /etc/resolv.conf "$root/etc/resolv.conf"
if [ -d /etc/apt/sources.list.d ] && ls /etc/apt/sources.list.d/*.sources >/dev/null 2>&1; then
  cp /etc/apt/sources.list.d/*.sources "$root/etc/apt/sources.list.d/" && rm -f "$root/etc/apt/sources.list"
fi
mkdir -p "$root/usr/local/share/ca-certificates"
cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/" 2>/dev/null || true
[ -f /etc/npmrc ] && cp /etc/npmrc "$root/etc/npmrc"

mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --rbind /dev "$root/dev" && mount --make-rslave "$root/dev"
trap 'umount -R "$root/dev" "$root/sys" "$root/proc" 2>/dev/null || true' EXIT

git clone -q "$repo" "$root/root/vanthu"
chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  bash -c 'cd /root/vanthu && start=$(date +%s); bash .ci/run; rc=$?; echo "CI rc=$rc in $(( $(date +%s) - start )) s"; exit $rc'
