#!/usr/bin/env bash
# Installs the dependencies, builds build/sagelint, and lints the bundled sample export.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh
cmake --preset default
cmake --build --preset default

echo
echo "\$ build/sagelint check fixtures/sample"
status=0
build/sagelint check fixtures/sample || status=$?
# Exit 1 means "findings": the sample is meant to have some. Exit 2 means it could not run.
[ "$status" -le 1 ]
