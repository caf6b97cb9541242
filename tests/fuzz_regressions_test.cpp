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

TEST_CASE("the files fuzz entry splits its input at === lines into safe relative paths") {
  using sagelint::fuzz::split_files;
  const auto files = split_files("{}\n=== ../../etc/passwd\nroot\n=== a b/./c$.tf\nx = 1\n===  \n[]");
  REQUIRE(files.size() == 4);
  CHECK(files[0].path == "input.json");
  CHECK(files[0].bytes == "{}\n");
  CHECK(files[1].path == "etc/passwd");
  CHECK(files[1].bytes == "root\n");
  CHECK(files[2].path == "ab/c.tf");
  CHECK(files[2].bytes == "x = 1\n");
  CHECK(files[3].path == "input.json");
  CHECK(files[3].bytes == "[]");
  CHECK(split_files("=== a.json\n{").size() == 1);  // no empty file before a first header
  CHECK(split_files("").size() == 1);
  std::string many;
  for (int i = 0; i < 40; ++i) many += "=== f" + std::to_string(i) + ".json\n{}\n";
  CHECK(split_files(many).size() == 32);
  // A module and a template that do not parse, and a domain described in two files: each is
  // read from disk and rejected or merged with its place inside its own file.
  CHECK(sagelint::fuzz::run_files("=== m/main.tf\na = {\n=== t.yaml\na: [\n=== d1.json\n{\"DomainId\": \"d-1\", "
                                  "\"DomainName\": \"x\"}\n=== d2.json\n{\"DomainId\": \"d-1\", \"DomainName\": \"x\"}")
            .empty());
}
