#!/usr/bin/env bash
# Installs the dependencies if needed, then configures, builds and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh
cmake --workflow --preset default
