// The rule fixtures: fixtures/<RULE-ID>/{pass,fail}/<case>, where a case is a file or a
// directory of files linted together. Every finding of the case's rule is compared with the
// snapshot <case>.expected beside it (required for failing cases, optional for passing
// ones); a failing case needs an unsuppressed finding of its rule, and a passing case may have
// none, besides notes that the rule cannot check something (those go in a snapshot too, so
// a passing case's snapshot is required when it has them). SMD000 findings are
// always part of the snapshot, so a fixture that stops parsing cannot pass unnoticed.
//
// SAGELINT_UPDATE_SNAPSHOTS=1 rewrites the snapshots; review the diff before committing.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sagelint/catalog.hpp"
#include "sagelint/lint.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace sagelint;

namespace {

const fs::path kFixtures = fs::path(SAGELINT_SOURCE_DIR) / "fixtures";

// Justification expiry dates in fixtures are written against this day.
constexpr Date kFixtureDay{2026, 6, 1};


struct CaseRun {
  std::string snapshot;
  size_t open_findings_of_rule = 0;  // unsuppressed judgements: not "cannot be checked" notes
  size_t findings_of_rule = 0;
};

// "path:line:col: level: message" with the path relative to the case's directory.
std::string snapshot_line(const Location& at, Level level, const std::string& message, const std::string& prefix) {
  std::string path = at.file ? at.file->path() : "?";
  if (path.starts_with(prefix)) path.erase(0, prefix.size());
  const Position begin = at.file ? at.file->position(at.begin) : Position{};
  return path + ":" + std::to_string(begin.line) + ":" + std::to_string(begin.column) + ": " +
         std::string(to_string(level)) + ": " + message;
}

// The snapshot of a case: the findings of `rule_id` and of SMD000, or with an empty
// `rule_id` every finding and every note.
CaseRun run_case(const fs::path& case_path, std::string_view rule_id) {
  RunOptions options;
  options.as_of = kFixtureDay;
  // Paths relative to the source directory, the tests' working directory, keep messages
  // that mention other files short and stable.
  const std::string relative = fs::relative(case_path, SAGELINT_SOURCE_DIR).generic_string();
  const std::vector<std::string> paths{relative};
  const LintResult result = lint(paths, all_rules(), options);
  const std::string prefix = fs::path(relative).parent_path().generic_string() + "/";
  const bool every_rule = rule_id.empty();

  CaseRun run;
  for (const Finding& finding : result.findings) {
    const bool of_rule = every_rule || finding.rule->id == rule_id;
    if (!of_rule && finding.rule->id != "SMD000") continue;
    if (of_rule) {
      ++run.findings_of_rule;
      if (!finding.suppressed && !finding.not_evaluable) ++run.open_findings_of_rule;
    }
    run.snapshot += snapshot_line(finding.location, finding.level, finding.message, prefix) + " [" +
                    std::string(finding.rule->id) + "]";
    if (finding.suppressed) run.snapshot += " (suppressed: " + justification_text(finding.justification) + ")";
    run.snapshot += "\n";
  }
  if (every_rule) {
    for (const Diagnostic& note : result.model.notes) {
      run.snapshot += snapshot_line(note.location, note.level, note.message, prefix) + "\n";
    }
  }
  return run;
}

bool updating_snapshots() {
  const char* update = std::getenv("SAGELINT_UPDATE_SNAPSHOTS");
  return update != nullptr && std::string_view(update) == "1";
}

fs::path snapshot_path(const fs::path& case_path) {
  fs::path path = case_path;
  path.replace_filename(case_path.stem().string() + ".expected");
  if (fs::is_directory(case_path)) path = case_path.parent_path() / (case_path.filename().string() + ".expected");
  return path;
}

std::vector<fs::path> cases_in(const fs::path& directory) {
  std::vector<fs::path> cases;
  if (!fs::is_directory(directory)) return cases;
  for (const auto& entry : fs::directory_iterator(directory)) {
    if (entry.path().extension() == ".expected") continue;
    cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

void check_case(const fs::path& case_path, std::string_view rule_id, bool failing) {
  const CaseRun run = run_case(case_path, rule_id);
  const fs::path expected_path = snapshot_path(case_path);
  if (updating_snapshots() && (failing || fs::exists(expected_path) || run.findings_of_rule > 0)) {
    std::ofstream(expected_path, std::ios::binary) << run.snapshot;
  }
  if (failing) {
    CHECK_MESSAGE(run.open_findings_of_rule > 0, "a failing fixture must produce an unsuppressed " << rule_id);
  } else {
    CHECK_MESSAGE(run.open_findings_of_rule == 0, "a passing fixture must not produce an unsuppressed " << rule_id
                                                                                                   << ":\n"
                                                                                                   << run.snapshot);
  }
  if (failing || fs::exists(expected_path)) {
    REQUIRE_MESSAGE(fs::exists(expected_path), "missing snapshot " << expected_path.string()
                                                                     << " (run with SAGELINT_UPDATE_SNAPSHOTS=1)");
    CHECK(run.snapshot == sagelint::testing::read_file(expected_path));
  }
}

// A case whose snapshot holds every finding and every note, whatever its rule.
void check_every_finding(const fs::path& case_path) {
  const CaseRun run = run_case(case_path, "");
  const fs::path expected_path = snapshot_path(case_path);
  if (updating_snapshots()) std::ofstream(expected_path, std::ios::binary) << run.snapshot;
  REQUIRE_MESSAGE(fs::exists(expected_path), "missing snapshot " << expected_path.string());
  CHECK(run.snapshot == sagelint::testing::read_file(expected_path));
}

}  // namespace

// Each input format has its rule fixtures: API exports in fixtures/<RULE-ID>/, CloudFormation
// templates in fixtures/cfn/<RULE-ID>/, Terraform modules in fixtures/terraform/<RULE-ID>/.
const fs::path kFormatRoots[] = {kFixtures, kFixtures / "cfn", kFixtures / "terraform"};

TEST_CASE("every rule in the catalog has passing and failing fixtures in every format") {
  for (const fs::path& root : kFormatRoots) {
    for (const Rule* rule : all_rules()) {
      const fs::path directory = root / std::string(rule->info.id);
      CAPTURE(directory.string());
      CHECK_MESSAGE(!cases_in(directory / "pass").empty(), "no passing fixture for " << rule->info.id);
      CHECK_MESSAGE(!cases_in(directory / "fail").empty(), "no failing fixture for " << rule->info.id);
    }
  }
}

TEST_CASE("rule fixtures produce exactly the findings in their snapshots") {
  for (const fs::path& root : kFormatRoots) {
    for (const Rule* rule : all_rules()) {
      const std::string id(rule->info.id);
      for (const bool failing : {false, true}) {
        for (const fs::path& case_path : cases_in(root / id / (failing ? "fail" : "pass"))) {
          const std::string name = fs::relative(case_path, kFixtures).generic_string();
          SUBCASE(name.c_str()) { check_case(case_path, id, failing); }
        }
      }
    }
  }
}

// Template and module fixtures, fixtures/cfn/templates/<case> and
// fixtures/terraform/modules/<case>: what evaluating a template or module does to the findings
// of every rule (parameter and variable defaults, conditions, AWS::NoValue, dynamic blocks,
// Metadata justifications, CDK output, modules in several files, links to exported domains).
// Each snapshot holds every finding and every note of its case.
TEST_CASE("template fixtures produce exactly the findings and notes in their snapshots") {
  std::vector<fs::path> cases = cases_in(kFixtures / "cfn" / "templates");
  for (const fs::path& module : cases_in(kFixtures / "terraform" / "modules")) cases.push_back(module);
  CHECK(cases.size() >= 7);
  for (const fs::path& case_path : cases) {
    const std::string name = fs::relative(case_path, kFixtures).generic_string();
    SUBCASE(name.c_str()) { check_every_finding(case_path); }
  }
}

// Terraform plan fixtures, fixtures/terraform/plan/<case>: `terraform show -json` output as
// the model sees it (blocks, values unknown until apply, tags, child modules, for_each
// instances linked to their domain through the configuration). Each snapshot holds every
// finding and every note of its case.
TEST_CASE("terraform plan fixtures produce exactly the findings and notes in their snapshots") {
  const std::vector<fs::path> cases = cases_in(kFixtures / "terraform" / "plan");
  CHECK(!cases.empty());
  for (const fs::path& case_path : cases) {
    const std::string name = fs::relative(case_path, kFixtures).generic_string();
    SUBCASE(name.c_str()) { check_every_finding(case_path); }
  }
}
