// Real CloudFormation templates and Terraform files written by others (../shared/corpus/cfn and
// ../shared/corpus/terraform), each linted on its own: what sagelint says of each (findings,
// notes, and for the two Terraform files that are not valid HCL the syntax error Terraform
// itself reports there) is recorded in tests/golden/<format>/<file>.expected. Each error-level
// finding in those files was checked by reading the file; the golden files make any change in
// what sagelint says about real configurations visible in review.
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

const fs::path kShared = fs::path(SAGELINT_SHARED_DIR) / "corpus";
const fs::path kGolden = fs::path(SAGELINT_SOURCE_DIR) / "tests" / "golden";

std::string line_of(const Location& at, Level level, const std::string& message) {
  const Position p = at.file ? at.file->position(at.begin) : Position{};
  std::string path = at.file ? fs::path(at.file->path()).filename().string() : "?";
  return path + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + std::string(to_string(level)) +
         ": " + message;
}

// Lints every file of ../shared/corpus/<format> on its own and compares what is said with its
// golden file; returns how many files were read and how many could not be parsed.
std::pair<size_t, size_t> check_corpus(const std::string& format) {
  RunOptions options;
  options.as_of = Date{2026, 6, 1};
  const char* update = std::getenv("SAGELINT_UPDATE_SNAPSHOTS");
  const bool updating = update != nullptr && std::string_view(update) == "1";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kShared / format)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  size_t failed = 0;
  for (const fs::path& file : files) {
    CAPTURE(file.filename().string());
    const std::vector<std::string> paths{file.string()};
    const LintResult result = lint(paths, all_rules(), options);
    failed += result.inputs_failed();
    std::string golden;
    for (const Finding& finding : result.findings) {
      golden += line_of(finding.location, finding.level, finding.message) + " [" + std::string(finding.rule->id) + "]";
      if (finding.suppressed) golden += " (suppressed: " + justification_text(finding.justification) + ")";
      golden += "\n";
    }
    for (const Diagnostic& note : result.model.notes) golden += line_of(note.location, note.level, note.message) + "\n";
    const fs::path expected = kGolden / format / (file.filename().string() + ".expected");
    if (updating) {
      fs::create_directories(expected.parent_path());
      std::ofstream(expected, std::ios::binary) << golden;
    }
    REQUIRE_MESSAGE(fs::exists(expected), "missing golden file " << expected.string());
    CHECK(golden == read_file(expected));
  }
  return {files.size(), failed};
}

}  // namespace

TEST_CASE("every template of the corpus lints without a failure, as its golden file records" *
          doctest::skip(!fs::is_directory(kShared / "cfn"))) {
  const auto [files, failed] = check_corpus("cfn");
  CHECK(files >= 18);
  CHECK(failed == 0);
}

TEST_CASE("every Terraform file of the corpus lints as its golden file records" *
          doctest::skip(!fs::is_directory(kShared / "terraform"))) {
  const auto [files, failed] = check_corpus("terraform");
  CHECK(files >= 15);
  // admin-iac-studio-mlopsengineer-vpc-only.tf (an unquoted key with a colon, line 182) and
  // admin-iac-testdomain-from-srcdomain-studio-v2.tf (a quoted string over several lines, line
  // 93) are not HCL: `terraform fmt` rejects both at the same places.
  CHECK(failed == 2);
}
