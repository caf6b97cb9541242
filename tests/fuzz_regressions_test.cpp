// The inputs the fuzzers failed on, replayed with the normal build: tests/fuzz/regressions/
// <target>/ holds them, and each goes through the same entry its libFuzzer target calls
// (tests/fuzz/fuzz_entry.hpp), so a fix that regresses shows here without clang or libFuzzer.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "fuzz/fuzz_entry.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using sagelint::testing::read_file;

namespace {

std::vector<fs::path> sorted_entries(const fs::path& directory) {
  std::vector<fs::path> entries;
  for (const fs::directory_entry& entry : fs::directory_iterator(directory)) entries.push_back(entry.path());
  std::sort(entries.begin(), entries.end());
  return entries;
}

}  // namespace

TEST_CASE("fuzz regression inputs replay without a crash and every rejection says why and where") {
  const fs::path root = fs::path(SAGELINT_SOURCE_DIR) / "tests" / "fuzz" / "regressions";
  REQUIRE(fs::is_directory(root));
  size_t replayed = 0;
  for (const fs::path& directory : sorted_entries(root)) {
    const std::string target = directory.filename().string();
    const sagelint::fuzz::Entry entry = sagelint::fuzz::entry_named(target);
    REQUIRE_MESSAGE(static_cast<bool>(entry), "no fuzz target is called " << target);
    for (const fs::path& input : sorted_entries(directory)) {
      CAPTURE(input.string());
      for (const std::string& violation : entry(read_file(input))) FAIL_CHECK(violation);
      ++replayed;
    }
  }
  CHECK(replayed > 0);
}

TEST_CASE("every fuzz entry finds a message and a position inside the file in a truncated input's rejection") {
  // Each input is rejected by its loader; the entry returns a violation for a rejection without
  // a message or whose span falls outside the file, so these hold the check itself to account.
  CHECK(sagelint::fuzz::run_json("{\"a\": ").empty());
  CHECK(sagelint::fuzz::run_yaml("a: [").empty());
  CHECK(sagelint::fuzz::run_hcl("a = {").empty());
  CHECK(sagelint::fuzz::run_plan("[1,").empty());
  CHECK(sagelint::fuzz::run_pipeline("0{").empty());
  CHECK_FALSE(static_cast<bool>(sagelint::fuzz::entry_named("nothing")));
  // And they are rejections, not inputs a loader took: otherwise the checks above hold vacuously.
  const auto rejected = [](auto load, const std::string& text) {
    const sagelint::SourceFile file("t", "/t", text);
    return load(file).failure.has_value();
  };
  CHECK(rejected([](const sagelint::SourceFile& f) { return sagelint::load_json(f); }, "{\"a\": "));
  CHECK(rejected([](const sagelint::SourceFile& f) { return sagelint::load_yaml(f); }, "a: ["));
  CHECK(rejected([](const sagelint::SourceFile& f) { return sagelint::load_hcl(f); }, "a = {"));
  CHECK(rejected([](const sagelint::SourceFile& f) { return sagelint::load_json(f); }, "[1,"));
}
