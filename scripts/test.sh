#!/usr/bin/env bash
# The test command (`npm test`): static checks, then every tier. A red step never stops the
# others: each runs, and the end prints one line per step (passed, failed, skipped, not run and
# why), so one failure cannot hide the state of the rest. Exits non-zero when any step failed.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "setup failed: nothing can run" >&2; exit 1; }
source scripts/setup-node.sh >/dev/null
export ELECTRON_SKIP_BINARY_DOWNLOAD=1

SUMMARY=()
FAILED_LOGS=()
FAILED=0
LOGS="$(mktemp -d)"
trap 'rm -rf "$LOGS"' EXIT
step() { printf '\n=== %s ===\n' "$1"; }
record() { SUMMARY+=("$(printf '%-12s %s' "$1" "$2")"); }
plain() { sed 's/\x1b\[[0-9;]*m//g' "$1"; }
# The counts a runner printed at its end: Vitest's "Tests  1 failed | 9 passed | 2 skipped (12)",
# Playwright's "  9 passed (1.2m)" / "  1 failed" / "  2 skipped" lines.
counts() {
  local text; text="$(plain "$1")"
  local vitest; vitest="$(grep -E '^ *Tests +[0-9]' <<<"$text" | tail -1 | sed -E 's/^ *Tests +//; s/ \([0-9]+\)$//')"
  # A suite whose beforeAll threw counts its tests as skipped: the failed file must show too.
  local files; files="$(grep -E '^ *Test Files +[0-9]+ failed' <<<"$text" | tail -1 | sed -E 's/^ *Test Files +([0-9]+) failed.*/\1/')"
  if [ -n "$vitest" ]; then echo "$vitest${files:+ | $files file(s) failed}"; return; fi
  grep -E '^ +[0-9]+ (passed|failed|skipped|flaky|did not run)' <<<"$text" | sed -E 's/^ +//; s/ \(.*\)$//' | paste -sd '|' | sed 's/|/ | /g'
}
# Runs one step; its output goes to the terminal and to a log the summary reads.
check() {
  local name="$1"; shift
  step "$name"
  local log="$LOGS/$name.log"
  if "$@" 2>&1 | tee "$log"; then record "$name" "passed"; return 0; fi
  record "$name" "FAILED"; FAILED=1; FAILED_LOGS+=("$name"); return 1
}
# Why a step failed, printed again just before the summary: CI keeps only the end of the output,
# where a tier's own report of its failure would long have scrolled away. Vitest's "Failed
# Tests/Suites" and "Unhandled Errors" blocks, Playwright's numbered failures, else the log's end.
why_failed() {
  local text; text="$(plain "$LOGS/$1.log")"
  local from; from="$(grep -nE '⎯+ (Failed (Tests|Suites)|Unhandled (Errors|Rejection))|^ +[0-9]+\) ' <<<"$text" | head -1 | cut -d: -f1)"
  printf '\n=== why %s failed ===\n' "$1"
  if [ -n "$from" ]; then tail -n "+$from" <<<"$text" | head -60; else tail -n 30 <<<"$text"; fi
}

check format bash -c 'npx prettier --check . >/dev/null && echo "formatting ok"'
check typecheck npm run --silent typecheck
check lint npm run --silent lint
BUILT=1
check build node scripts/build.ts || BUILT=0

# Node 24's V8 can abort a test process on its own (nodejs/node#64500: "Check failed: jit_page…",
# seen here as "Worker exited unexpectedly with signal SIGILL/SIGSEGV"). Such a crash — never a failed
# assertion — reruns the tier once, saying so; a second crash or any real failure fails the run.
vitest_tier() {
  local log="$LOGS/$1.run"
  if npx vitest run --project "$1" 2>&1 | tee "$log"; then return 0; fi
  if grep -q "Worker exited unexpectedly" "$log" && ! plain "$log" | grep -qE "Tests .*[0-9]+ failed"; then
    echo "!!! tier $1: a test process crashed inside V8 (not a test failure); running the tier once more"
    npx vitest run --project "$1"; return $?
  fi
  return 1
}
tier() {
  local name="$1"; shift
  step "$name"
  local log="$LOGS/$name.log" result
  if "$@" 2>&1 | tee "$log"; then result="passed"; else result="FAILED"; FAILED=1; FAILED_LOGS+=("$name"); fi
  local n; n="$(counts "$log")"
  record "$name" "$result${n:+: $n}"
}

tier unit vitest_tier unit
tier renderer vitest_tier renderer
tier integration vitest_tier integration
tier hsm vitest_tier hsm
# The shell smoke suite loads dist/electron (the built main and preload) against the Electron double.
if [ "$BUILT" = 1 ]; then
  tier shell vitest_tier shell
else
  record shell "not run: the build failed (the smoke suite loads dist/electron)"
fi
if [ "$BUILT" = 1 ]; then
  tier e2e npx playwright test -c tests/e2e/playwright.config.ts
else
  record e2e "not run: the build failed (the browser shell serves dist/renderer)"
fi
# The Electron suite skips itself where no Electron binary exists; the summary says why.
why_no_electron="$(node --input-type=module -e "
  const { electronBinary } = await import('./tests/electron/electron-binary.ts');
  const found = electronBinary();
  if ('missing' in found) process.stdout.write(found.missing);")"
if [ "$BUILT" = 0 ]; then
  record electron "not run: the build failed (Electron loads dist/electron)"
else
  tier electron npx playwright test -c tests/electron/playwright.config.ts
  if [ -n "$why_no_electron" ]; then
    SUMMARY[-1]="${SUMMARY[-1]} — skipped: $why_no_electron"
  fi
fi

for name in "${FAILED_LOGS[@]}"; do why_failed "$name"; done
printf '\n=== summary ===\n'
printf '%s\n' "${SUMMARY[@]}"
if [ "$FAILED" = 1 ]; then echo "npm test: FAILED"; exit 1; fi
echo "npm test: passed"
