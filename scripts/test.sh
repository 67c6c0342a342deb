#!/usr/bin/env bash
# The test command (`npm test`): static checks, then every tier. Fails on the first red tier.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/setup-node.sh >/dev/null
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
step() { printf '\n=== %s ===\n' "$1"; }
step "format";      npx prettier --check . >/dev/null; echo "formatting ok"
step "typecheck";   npm run --silent typecheck
step "lint";        npm run --silent lint
step "build";       node scripts/build.ts
# Node 24's V8 can abort a test process on its own (nodejs/node#64500: "Check failed: jit_page…",
# seen here as "Worker exited unexpectedly with signal SIGILL/SIGSEGV"). Such a crash — never a failed
# assertion — reruns the tier once, saying so; a second crash or any real failure fails the run.
tier() {
  local log; log="$(mktemp)"
  if npx vitest run --project "$1" 2>&1 | tee "$log"; then rm -f "$log"; return 0; fi
  if grep -q "Worker exited unexpectedly" "$log" && ! grep -qE "Tests .*[0-9]+ failed" "$log"; then
    echo "!!! tier $1: a test process crashed inside V8 (not a test failure); running the tier once more"
    rm -f "$log"; npx vitest run --project "$1"; return $?
  fi
  rm -f "$log"; return 1
}
step "unit";        tier unit
step "integration"; tier integration
step "hsm";         tier hsm
step "e2e";         npx playwright test -c tests/e2e/playwright.config.ts
step "electron";    npx playwright test -c tests/electron/playwright.config.ts
