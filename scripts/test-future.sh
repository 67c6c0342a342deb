#!/usr/bin/env bash
# The test command with the system clock moved forward (default: one year), to prove that no
# test carries an expiry date (#13). libfaketime (Debian's faketime) shifts the wall clock of this
# process and of every child — Node, Chromium, pdfsig, openssl — so the run's anchor, the test PKI
# issued around it and the external validators all live in that year together; the monotonic
# clock is left alone so timeouts and timers keep their real length.
# Usage: bash scripts/test-future.sh [OFFSET]   (OFFSET as faketime takes it: +365d, +3y, …)
set -euo pipefail
cd "$(dirname "$0")/.."
offset="${1:-+365d}"
bash scripts/setup.sh
export FAKETIME_DONT_FAKE_MONOTONIC=1
echo "running the test command with the clock at $(faketime -f "$offset" date -u '+%Y-%m-%d %H:%M UTC') ($offset)"
exec faketime -f "$offset" bash scripts/test.sh
