#!/usr/bin/env bash
# The pre-commit hook's entry (.pre-commit-hooks.yaml): pre-commit runs it in
# the user's repository with the staged minutes as arguments. The CLI is built
# in pre-commit's clone of this repository on the first run (its output goes
# to stderr, so the findings stay alone on stdout), then `followthrough lint`
# checks the files; its exit code is the hook's (0 clean, 1 errors, 2 a broken
# config or register).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/build-cli.sh" >&2
exec node "$root/packages/cli/bin/followthrough.js" lint "$@"
