// docs/rules is generated from the rule files; this keeps the committed pages in step.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sagelint/catalog.hpp"
#include "sagelint/rule_docs.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace sagelint;

namespace {


void check_page(const fs::path& path, const std::string& generated) {
  CAPTURE(path.string());
  REQUIRE_MESSAGE(fs::exists(path), "missing; run: build/sagelint rules --write-docs docs/rules");
  CHECK_MESSAGE(sagelint::testing::read_file(path) == generated, "out of date; run: build/sagelint rules --write-docs docs/rules");
}

}  // namespace

TEST_CASE("docs/rules holds the generated page of every rule and the index, unchanged") {
  const fs::path docs = fs::path(SAGELINT_SOURCE_DIR) / "docs" / "rules";
  for (const Rule* rule : all_rules()) {
    check_page(docs / (std::string(rule->info.id) + ".md"), rule_markdown(rule->info, rule_examples(rule->info.id)));
  }
  check_page(docs / "README.md", rule_index_markdown(all_rules()));
  size_t pages = 0;
  for (const auto& entry : fs::directory_iterator(docs)) pages += entry.path().extension() == ".md";
  CHECK_MESSAGE(pages == all_rules().size() + 1, "docs/rules has pages of rules that no longer exist");
}

TEST_CASE("every rule's examples are its fixtures as they are now, failing and passing in each format") {
  const std::string regenerate = "; rebuild, then run: build/sagelint rules --write-docs docs/rules";
  for (const RuleExample& example : all_rule_examples()) {
    CAPTURE(example.path);
    const fs::path path = fs::path(SAGELINT_SOURCE_DIR) / example.path;
    REQUIRE_MESSAGE(fs::exists(path), "the example's fixture is gone" << regenerate);
    CHECK_MESSAGE(sagelint::testing::read_file(path) == example.text, "the fixture changed" << regenerate);
    const fs::path snapshot = fs::path(path).replace_extension(".expected");
    if (example.failing) {
      CHECK_FALSE(example.findings.empty());
      const std::string recorded = sagelint::testing::read_file(snapshot);
      std::istringstream lines{std::string(example.findings)};
      for (std::string line; std::getline(lines, line);) {
        CHECK_MESSAGE(recorded.find(line + "\n") != std::string::npos, "the fixture's findings changed" << regenerate);
      }
    }
  }
  for (const Rule* rule : all_rules()) {
    if (rule->info.id == "SMD000") continue;  // its fixtures are broken files, not examples
    CAPTURE(rule->info.id);
    CHECK_MESSAGE(rule_examples(rule->info.id).size() == 6, "a failing and a passing example in each format" << regenerate);
  }
}

TEST_CASE("pascal_case turns rule names into SARIF rule names") {
  CHECK(pascal_case("default-landing-studio") == "DefaultLandingStudio");
  CHECK(pascal_case("sso-profile-binding") == "SsoProfileBinding");
  CHECK(pascal_case("invalid-input") == "InvalidInput");
}

TEST_CASE("the README's rule table lists every rule with its level") {
  const std::string readme = sagelint::testing::read_file(fs::path(SAGELINT_SOURCE_DIR) / "README.md");
  for (const Rule* rule : all_rules()) {
    const std::string id(rule->info.id);
    CAPTURE(id);
    const std::string row = "| [" + id + "](docs/rules/" + id + ".md) | `" + std::string(rule->info.name) + "` | " +
                            std::string(to_string(rule->info.level));
    CHECK(readme.find(row) != std::string::npos);
  }
}
