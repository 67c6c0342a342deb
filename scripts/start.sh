#!/usr/bin/env bash
# `npm start`: set up (idempotent), then run Văn thư số.
# - With an Electron binary installed: the desktop app.
# - Otherwise (these build machines): the browser shell in Chromium, on a demo profile with a
#   SoftHSM2 demo token built from the test PKI and the reference server started locally.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
source scripts/setup-node.sh >/dev/null

export VANTHU_PROFILE="${VANTHU_PROFILE:-$PWD/.profile-demo}"
mkdir -p "$VANTHU_PROFILE"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# Demo token: SoftHSM2 tokens "VanthuLanhDao" (PIN 123456) and "VanthuCoQuan" (PIN 654321).
server_port="${VANTHU_SERVER_PORT:-8787}"
if [ ! -f "$VANTHU_PROFILE/demo-pki/pki.json" ]; then
  node scripts/demo-pki.ts "$VANTHU_PROFILE" "http://127.0.0.1:$server_port"
fi
export SOFTHSM2_CONF="$VANTHU_PROFILE/demo-pki/softhsm2.conf"

# Reference server on loopback, with its own database in the demo profile.
if [ -f server/main.ts ] && [ -z "${VANTHU_NO_SERVER:-}" ]; then
  node server/main.ts --port "$server_port" --data "$VANTHU_PROFILE/server" &
  pids+=($!)
fi

if [ -f node_modules/electron/path.txt ]; then
  exec npx electron dist/electron/main.cjs
fi

echo "Không có Electron trên máy này: mở Văn thư số trong Chromium (chế độ trình duyệt)."
coproc HOST { node main/app/browser/start.ts; }
pids+=($HOST_PID)
read -r line <&"${HOST[0]}"
url="$(node -e 'process.stdout.write(JSON.parse(process.argv[1]).url)' "$line")"
if [ -n "${DISPLAY:-}" ] && command -v chromium >/dev/null; then
  chromium --app="$url" --user-data-dir="$VANTHU_PROFILE/chromium" --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync >/dev/null 2>&1 &
  pids+=($!)
else
  echo "Mở địa chỉ này trong Chromium: $url"
fi
wait "$HOST_PID"
