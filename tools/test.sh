#!/usr/bin/env bash
# Installs the dependencies if needed, then configures, builds and runs the whole test suite,
# twice: the optimised build, then a build under AddressSanitizer and UndefinedBehaviorSanitizer
# where any report aborts the test that caused it (build-asan/; see CMakePresets.json).
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh
cmake --workflow --preset default
cmake --workflow --preset asan
