#!/usr/bin/env bash
# Builds the end-to-end tests and runs them: every out/e2e/*.e2e.js, or the scenario names
# given as arguments (`test/e2e/run.sh probe neovim`). Needs scripts/setup-e2e.sh to have
# run once on this machine. The Presend scenarios also need presend.vsix and dist/server.js,
# which `npm run package` builds; `npm run test:e2e` builds them and then calls this script.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO_ROOT"

if [ ! -x .e2e/code-server/node_modules/.bin/code-server ] || ! command -v nvim > /dev/null || [ ! -x /usr/bin/chromium ]; then
  echo "e2e: code-server, Neovim or Chromium is missing; run scripts/setup-e2e.sh as root first" >&2
  exit 1
fi

# A clean build, so that a scenario deleted or renamed in the sources leaves no stale
# out/e2e/*.e2e.js behind to run (the build info lives in out/e2e too).
rm -rf out/e2e
npx tsc -b test/e2e

files=()
if [ $# -eq 0 ]; then
  files=(out/e2e/*.e2e.js)
else
  for name in "$@"; do
    files+=("out/e2e/$name.e2e.js")
  done
fi

# One scenario at a time: each starts its own code-server and Chromium, and two sessions
# at once would compete for the machine's 2 cores and risk timeouts.
node --test --test-concurrency=1 --test-reporter=spec "${files[@]}"
