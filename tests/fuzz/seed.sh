#!/usr/bin/env bash
# Builds the fuzzers' seed corpora under build-fuzz/seeds/<target>/ from the fixtures and the
# shared reference material, by extension. Copies, not links, so libFuzzer's -merge and
# minimisation never touch the originals; nothing here is committed.
#   tests/fuzz/seed.sh [SHARED_DIR]   (default: ../shared beside the source tree)
set -euo pipefail
source_dir="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${1:-$source_dir/../shared}"
seeds="$source_dir/build-fuzz/seeds"

rm -rf "$seeds"
mkdir -p "$seeds"/{json,yaml,hcl,plan,pipeline,files}

# Files under the given directories whose names end in one of the extensions, NUL-separated.
find_by_extension() {
  local -a dirs=() patterns=()
  for arg in "$@"; do
    if [[ $arg == .* ]]; then
      patterns+=(-o -name "*$arg")
    elif [[ -d $arg ]]; then
      dirs+=("$arg")
    fi
  done
  ((${#dirs[@]})) || return 0
  find "${dirs[@]}" -type f \( -false "${patterns[@]}" \) -print0
}

# Copies each file into a target's seed directory under a name made from its path, so two
# files called main.tf do not overwrite each other; `prefix` goes before the bytes (the
# pipeline target reads its format from the first byte).
add_seeds() {
  local target="$1" prefix="$2"
  shift 2
  while IFS= read -r -d '' file; do
    local name="${file#"$source_dir"/}"
    name="${name#"$shared"/}"
    { printf '%s' "$prefix"; cat "$file"; } >"$seeds/$target/${name//\//_}"
  done < <(find_by_extension "$@")
}

# tests/fuzz/seeds holds what the fixtures lack: intrinsic functions, HCL expressions and
# templates the module evaluator resolves, a plan with module instances (found by replaying
# the corpora with -print_coverage=1).
hand_written="$source_dir/tests/fuzz/seeds"
json_dirs=("$source_dir/fixtures" "$source_dir/tests/sarif/inputs" "$hand_written" "$shared/corpus"
  "$shared/suites/JSONTestSuite")
yaml_dirs=("$source_dir/fixtures" "$source_dir/tests/sarif/inputs" "$hand_written" "$shared/corpus")
hcl_dirs=("$source_dir/fixtures" "$hand_written" "$shared/corpus" "$shared/suites/hcl-specsuite")

add_seeds json '' "${json_dirs[@]}" .json
add_seeds yaml '' "${yaml_dirs[@]}" .yaml .yml .template
add_seeds hcl '' "${hcl_dirs[@]}" .tf .hcl
# Every JSON document is a plausible start for a plan: the fixtures hold only one real plan,
# and libFuzzer finds the plan's keys from the dictionary.
add_seeds plan '' "${json_dirs[@]}" .json
# '0' JSON, '1' YAML, '2' HCL: see run_pipeline in fuzz_entry.hpp. Only inputs that may hold
# SageMaker resources; the JSON suite's parser cases are the json target's.
add_seeds pipeline 0 "$source_dir/fixtures" "$hand_written" "$shared/corpus" .json
add_seeds pipeline 1 "$source_dir/fixtures" "$hand_written" "$shared/corpus" .yaml .yml .template
add_seeds pipeline 2 "$source_dir/fixtures" "$hand_written" "$shared/corpus" .tf

# The files target takes several files in one input, each after a line "=== PATH" (run_files
# in fuzz_entry.hpp): one seed per directory that holds inputs, with the files directly in it,
# and one of the whole bundled sample, whose layout has subdirectories.
add_directory_seed() {
  local directory="$1" depth="$2" suffix="${3:-}" name="${1#"$source_dir"/}"
  name="${name#"$shared"/}$suffix"
  local found=0
  while IFS= read -r -d '' file; do
    printf '=== %s\n' "${file#"$directory"/}"
    cat "$file"
    found=1
  done < <(find "$directory" -maxdepth "$depth" -type f \( -name '*.json' -o -name '*.yaml' -o -name '*.yml' \
             -o -name '*.template' -o -name '*.tf' \) -print0 | sort -z) >"$seeds/files/${name//\//_}"
  ((found)) || rm "$seeds/files/${name//\//_}"
}
while IFS= read -r -d '' directory; do
  add_directory_seed "$directory" 1
done < <(find "$source_dir/fixtures" "$hand_written" "$shared/corpus" -type d -print0)
add_directory_seed "$source_dir/fixtures/sample" 8 _tree
add_directory_seed "$hand_written" 8 _tree

for target in json yaml hcl plan pipeline files; do
  echo "$target: $(find "$seeds/$target" -type f | wc -l) seeds in ${seeds#"$source_dir"/}/$target"
done
