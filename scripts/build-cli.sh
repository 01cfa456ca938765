#!/usr/bin/env bash
# Install and build the followthrough CLI in this checkout, once. The GitHub
# Action (action.yml) and the pre-commit hook (.pre-commit-hooks.yaml) run the
# CLI from a checkout of this repository, since its packages are not on npm:
# npm ci of the CLI's workspace alone (from the lockfile), then turbo builds
# the CLI and the packages it needs. A checkout that is installed and built
# already is left as it is, so the second run of a hook costs nothing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! node -e 'const [major, minor] = process.versions.node.split(".").map(Number); process.exit(major > 20 || (major === 20 && minor >= 19) ? 0 : 1)'; then
  echo "followthrough: Node.js 20.19 or later is needed, found $(node --version); in a workflow, add actions/setup-node with node-version: 20 first" >&2
  exit 1
fi

if [ ! -f node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --workspace @followthrough/cli --include-workspace-root
fi

for package in core remark-recommendations engine report cli; do
  if [ ! -f "packages/$package/dist/index.js" ]; then
    TURBO_TELEMETRY_DISABLED=1 npx turbo run build --filter=@followthrough/cli --output-logs=errors-only
    break
  fi
done
