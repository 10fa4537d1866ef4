#!/bin/sh
# Lints every BPMN model in processes/ with bpmnlint (rules: .bpmnlintrc).
# Called by `mvn verify` (exec-maven-plugin) and usable on its own: sh scripts/lint-models.sh
#
# Without Node.js the lint is skipped with a message, so a machine with only Java and Maven
# still builds; with CI set (as .ci/run does) a missing Node.js fails the build instead.
set -eu

cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1 || ! command -v npx >/dev/null 2>&1; then
  if [ -n "${CI:-}" ]; then
    echo "FAILED: bpmnlint needs Node.js (npm), and CI is set: install Node 20 (.ci/run does)" >&2
    exit 1
  fi
  echo "SKIPPED: bpmnlint needs Node.js (npm); install Node 20 or run .ci/run"
  exit 0
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "WARNING: Node.js $(node --version) is older than bpmnlint's minimum (Node 20); install Node 20" >&2
fi

# Install the pinned lint tooling when it is missing or older than package-lock.json.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

echo "bpmnlint: processes/*.bpmn (rules: .bpmnlintrc)"
if ! npx --no bpmnlint processes/*.bpmn; then
  echo "FAILED: bpmnlint found errors in processes/*.bpmn (listed above)" >&2
  exit 1
fi
echo "bpmnlint: no errors"
