// What each fuzz target does with one input, shared by the libFuzzer targets (tests/fuzz/
// fuzz_target.cpp) and the regression test that replays their crash inputs with the normal build
// (tests/fuzz_regressions_test.cpp), so a saved input goes through the code that found it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sagelint::fuzz {

// Each entry loads `bytes` as a file held in memory and returns the ways the result broke the
// loaders' contract: a rejection without a message, or without a position inside the file, and
// likewise for what the later stages report. Empty when all is well. Crashes, leaks and
// undefined behaviour are left to the sanitizers.

// load_json.
std::vector<std::string> run_json(std::string_view bytes);
// load_yaml, then the CloudFormation adapter on what loads.
std::vector<std::string> run_yaml(std::string_view bytes);
// load_hcl, then the Terraform module adapter on the file as a module of its own.
std::vector<std::string> run_hcl(std::string_view bytes);
// load_json, then the Terraform plan adapter.
std::vector<std::string> run_plan(std::string_view bytes);
// The first byte picks the format ('0' JSON, '1' YAML, '2' HCL: the byte modulo 3), the rest is
// the file: loader, every adapter the CLI tries, every rule, and the SARIF report.
std::vector<std::string> run_pipeline(std::string_view bytes);
// Several files in one input, written to a fresh temporary directory that `lint` then reads
// as the CLI does (the walk, reading, format by extension, a directory's .tf files as one
// module, resources described twice merged), every rule, and the SARIF report. A line
// "=== PATH" starts the file PATH (letters, digits, '.', '_', '-' and '/' kept; '..' and empty
// parts dropped); bytes before the first such line are the file "input.json".
std::vector<std::string> run_files(std::string_view bytes);

// The files of a run_files input, in order, at most 32: their safe relative paths and bytes.
struct FuzzFile {
  std::string path;
  std::string_view bytes;
};
std::vector<FuzzFile> split_files(std::string_view bytes);

// The entry a target is named for ("json", "yaml", "hcl", "plan", "pipeline", "files"), or null.
using Entry = std::vector<std::string> (*)(std::string_view);
Entry entry_named(std::string_view target);

}  // namespace sagelint::fuzz
