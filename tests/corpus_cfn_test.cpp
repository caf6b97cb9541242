// Real CloudFormation templates written by others (../shared/corpus/cfn): every one is read
// without a failure, and its findings and notes are recorded in tests/golden/cfn/<file>.expected.
// Each error-level finding in those files was checked by reading the template; the golden
// files make any change in what sagelint says about real templates visible in review.
//
// SAGELINT_UPDATE_SNAPSHOTS=1 rewrites the golden files; review the diff before committing.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace sagelint;
using namespace sagelint::testing;

namespace {

const fs::path kCorpus = fs::path(SAGELINT_SHARED_DIR) / "corpus" / "cfn";
const fs::path kGolden = fs::path(SAGELINT_SOURCE_DIR) / "tests" / "golden" / "cfn";
const bool kCorpusAvailable = fs::is_directory(kCorpus);

std::string line_of(const Location& at, Level level, const std::string& message) {
  const Position p = at.file ? at.file->position(at.begin) : Position{};
  std::string path = at.file ? fs::path(at.file->path()).filename().string() : "?";
  return path + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + std::string(to_string(level)) +
         ": " + message;
}

}  // namespace

TEST_CASE("every template of the corpus lints without a failure, as its golden file records" *
          doctest::skip(!kCorpusAvailable)) {
  RunOptions options;
  options.as_of = Date{2026, 6, 1};
  const char* update = std::getenv("SAGELINT_UPDATE_SNAPSHOTS");
  const bool updating = update != nullptr && std::string_view(update) == "1";
  size_t templates = 0;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kCorpus)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    CAPTURE(file.filename().string());
    const std::vector<std::string> paths{file.string()};
    const LintResult result = lint(paths, all_rules(), options);
    CHECK(result.inputs_failed() == 0);
    std::string golden;
    for (const Finding& finding : result.findings) {
      golden += line_of(finding.location, finding.level, finding.message) + " [" + std::string(finding.rule->id) + "]";
      if (finding.suppressed) golden += " (suppressed: " + finding.justification + ")";
      golden += "\n";
    }
    for (const Diagnostic& note : result.model.notes) golden += line_of(note.location, note.level, note.message) + "\n";
    const fs::path expected = kGolden / (file.filename().string() + ".expected");
    if (updating) std::ofstream(expected, std::ios::binary) << golden;
    REQUIRE_MESSAGE(fs::exists(expected), "missing golden file " << expected.string());
    CHECK(golden == read_file(expected));
    ++templates;
  }
  CHECK(templates >= 18);
}
