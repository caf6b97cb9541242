#!/usr/bin/env bash
# Installs the Debian 12 packages sagelint builds and tests with, if any is missing.
# Needs root or sudo when something has to be installed; does nothing otherwise.
set -euo pipefail

packages=(
  g++ cmake make pkg-config         # toolchain (CMake 3.25 for workflow presets)
  rapidjson-dev libre2-dev libboost-program-options-dev doctest-dev
  libyaml-dev                       # CloudFormation templates in YAML
  python3 python3-jsonschema        # SARIF and JSON schema validation in the test suite
  cmark-gfm                         # GitHub's Markdown renderer: the Markdown report's tests
  chromium chromium-driver          # headless Chromium: the HTML report's tests
  fonts-dejavu-core                 # a font with the report's ✓ and ✗ for the screenshots
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
