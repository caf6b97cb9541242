#!/usr/bin/env bash
# Runs one fuzz target of the fuzz preset on its seeds (tests/fuzz/seed.sh) for a while:
#   tests/fuzz/run.sh TARGET SECONDS [extra libFuzzer flags]   TARGET: json yaml hcl plan pipeline files
# The corpus grows in build-fuzz/corpus/TARGET, failing inputs land in
# build-fuzz/artifacts/TARGET/, and the log in build-fuzz/logs/TARGET.log.
set -euo pipefail
# The whole script is one group, read before it runs: bash reads a script as it goes, so editing
# this file during a run of hours would otherwise run whatever now sits past the current line.
{
source_dir="$(cd "$(dirname "$0")/../.." && pwd)"
target="$1" seconds="$2"
shift 2
build="$source_dir/build-fuzz"
case "$target" in
  json | plan) dict="$source_dir/tests/fuzz/json.dict" ;;
  yaml) dict="$source_dir/tests/fuzz/yaml.dict" ;;
  hcl) dict="$source_dir/tests/fuzz/hcl.dict" ;;
  pipeline | files)
    # libFuzzer takes one dictionary; these targets read all three formats.
    dict="$build/$target.dict"
    cat "$source_dir"/tests/fuzz/{json,yaml,hcl}.dict >"$dict"
    # run_files's file headers and the extensions that pick a format.
    [[ $target == files ]] && printf '%s\n' 'header="\x0A=== "' 'tf=".tf"' 'json=".json"' 'yaml=".yaml"' \
      'template=".template"' 'subdirectory="modules/"' >>"$dict"
    ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
mkdir -p "$build/corpus/$target" "$build/artifacts/$target" "$build/logs"
exec "$build/tests/fuzz/fuzz_$target" -dict="$dict" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$build/artifacts/$target/" "$@" \
  "$build/corpus/$target" "$build/seeds/$target" 2>&1 | tee "$build/logs/$target.log" |
  grep -E 'pulse|DONE|ERROR|SUMMARY|crash|leak|Timeout|stat::' || true
exit
}
