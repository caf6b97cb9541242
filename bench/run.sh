#!/usr/bin/env bash
# Times `sagelint check` against a bare parse of the same bytes (see bench/README.md): an
# organisation export against RapidJSON, a template with 50 conditions and 200 resources
# against libyaml.
#
#   bench/run.sh [BUILD_DIR]     BUILD_DIR defaults to build/ in the repository
#
# Generates bench/data/ once (bundle.json and files/), then times every command on both
# layouts with hyperfine when it is installed, else with a loop of its own, and prints the
# median seconds with the ratio to the bare DOM parse of the same layout. Only ratios
# within one run mean anything: shared machines are noisy.
#
# Environment: RUNS (default 10) timed runs per command, WARMUP (default 1) untimed runs first.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-$repo/build}" && pwd)
runs=${RUNS:-10}
warmup=${WARMUP:-1}
sagelint=$build/sagelint
generate_org=$build/bench/generate_org
generate_template=$build/bench/generate_template
bare_parse=$build/bench/bare_parse
bare_yaml=$build/bench/bare_yaml

for tool in "$sagelint" "$generate_org" "$generate_template" "$bare_parse" "$bare_yaml"; do
  if [[ ! -x $tool ]]; then
    echo "run.sh: $tool is missing; build first: cmake --build $build" >&2
    exit 2
  fi
done

# Paths in sagelint's report are relative to the working directory; keep them short.
cd "$repo"
data=bench/data
if [[ ! -f $data/bundle.json ]]; then
  echo "Generating $data (once; remove the directory to regenerate) ..."
  "$generate_org" "$data"
fi
if [[ ! -f $data/template.yaml ]]; then
  "$generate_template" "$data/template.yaml" --conditions 50 --resources 200
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# sagelint exits 1 when it finds problems, which the synthetic organisation has; 2 is a failure.
# Reports go to standard output redirected to /dev/null, never `-o /dev/null`: sagelint writes
# -o files through a temporary file and a rename, which would replace /dev/null itself.
sagelint_command() {  # FORMAT INPUT
  printf '%q check --format %q %q > /dev/null; test $? -le 1' "$sagelint" "$1" "$2"
}

# One benchmark: NAME and a shell command; appends "NAME MEDIAN MIN" to $scratch/results.
time_with_loop() {
  local name=$1 command=$2 i start end
  for ((i = 0; i < warmup; i++)); do bash -c "$command" > /dev/null; done
  : > "$scratch/samples"
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s.%N)
    bash -c "$command" > /dev/null
    end=$(date +%s.%N)
    awk -v start="$start" -v end="$end" 'BEGIN { printf "%.6f\n", end - start }' >> "$scratch/samples"
  done
  sort -g "$scratch/samples" | awk -v name="$name" '
    { sample[NR] = $1 }
    END {
      median = NR % 2 ? sample[(NR + 1) / 2] : (sample[NR / 2] + sample[NR / 2 + 1]) / 2
      printf "%s %.4f %.4f\n", name, median, sample[1]
    }' >> "$scratch/results"
}

# All benchmarks of one layout in one hyperfine call: NAME COMMAND NAME COMMAND ...
time_with_hyperfine() {
  local arguments=() csv=$scratch/hyperfine.csv
  while (($#)); do
    arguments+=(--command-name "$1" "$2")
    shift 2
  done
  hyperfine --shell bash --style basic --runs "$runs" --warmup "$warmup" --export-csv "$csv" "${arguments[@]}" >&2
  awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) column[$i] = i; next }
           { printf "%s %.4f %.4f\n", $column["command"], $column["median"], $column["min"] }' "$csv" >> "$scratch/results"
}

benchmark_layout() {  # LAYOUT INPUT: the first benchmark of a layout is its baseline
  local layout=$1 input=$2
  local benchmarks=()
  if [[ $layout == template ]]; then
    benchmarks+=("$layout/bare-yaml" "$(printf '%q %q' "$bare_yaml" "$input")")
  else
    benchmarks+=(
      "$layout/bare-dom" "$(printf '%q %q' "$bare_parse" "$input")"
      "$layout/bare-sax-iterative" "$(printf '%q --sax-iterative %q' "$bare_parse" "$input")"
    )
  fi
  benchmarks+=(
    "$layout/sagelint-text" "$(sagelint_command text "$input")"
    "$layout/sagelint-sarif" "$(sagelint_command sarif "$input")"
    "$layout/sagelint-json" "$(sagelint_command json "$input")"
  )
  # A failing command should stop the run before it is timed, with its own error message.
  local i
  for ((i = 1; i < ${#benchmarks[@]}; i += 2)); do
    bash -c "${benchmarks[i]}" > /dev/null || { echo "run.sh: failed: ${benchmarks[i]}" >&2; exit 1; }
  done
  if command -v hyperfine > /dev/null; then
    time_with_hyperfine "${benchmarks[@]}"
  else
    for ((i = 0; i < ${#benchmarks[@]}; i += 2)); do time_with_loop "${benchmarks[i]}" "${benchmarks[i + 1]}"; done
  fi
}

peak_rss_kib() {  # COMMAND...
  { /usr/bin/time -v "$@" 2>&1 > /dev/null || true; } | awk -F': ' '/Maximum resident set size/ { print $2 }'
}

echo "Machine: $(nproc) CPUs, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
echo "Data:    $data/bundle.json $(stat -c %s "$data/bundle.json") bytes;" \
     "$data/files/ $("$bare_parse" "$data/files");" \
     "$data/template.yaml $(wc -l < "$data/template.yaml") lines, $("$bare_yaml" "$data/template.yaml")"
findings=$("$sagelint" check --format text "$data/bundle.json" 2> /dev/null | tail -n 1 || true)
echo "Findings: $findings"
if command -v hyperfine > /dev/null; then
  echo "Timing:  hyperfine, $runs runs after $warmup warm-up run(s), warm page cache"
else
  echo "Timing:  a loop of $runs runs after $warmup warm-up run(s) (hyperfine is not installed), warm page cache"
fi
echo

: > "$scratch/results"
benchmark_layout bundle "$data/bundle.json"
benchmark_layout files "$data/files"
benchmark_layout template "$data/template.yaml"

echo
awk '
  BEGIN { printf "%-28s %10s %10s %12s\n", "benchmark", "median s", "min s", "vs baseline" }
  {
    split($1, part, "/")
    if (!(part[1] in baseline)) baseline[part[1]] = $2
    printf "%-28s %10.3f %10.3f %11.2fx\n", $1, $2, $3, $2 / baseline[part[1]]
  }' "$scratch/results"

if [[ -x /usr/bin/time ]]; then
  echo
  echo "Peak RSS, bundle: sagelint check (text) $(peak_rss_kib "$sagelint" check --format text "$data/bundle.json") KiB;" \
       "bare DOM $(peak_rss_kib "$bare_parse" "$data/bundle.json") KiB;" \
       "bare SAX $(peak_rss_kib "$bare_parse" --sax-iterative "$data/bundle.json") KiB"
  echo "Peak RSS, files:  sagelint check (text) $(peak_rss_kib "$sagelint" check --format text "$data/files") KiB;" \
       "bare DOM $(peak_rss_kib "$bare_parse" "$data/files") KiB"
else
  echo "Peak RSS: /usr/bin/time is not installed (Debian: apt-get install time)"
fi
