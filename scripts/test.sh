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
step "unit";        npx vitest run --project unit
step "integration"; npx vitest run --project integration
step "hsm";         npx vitest run --project hsm
step "e2e";         npx playwright test -c tests/e2e/playwright.config.ts
step "electron";    npx playwright test -c tests/electron/playwright.config.ts
