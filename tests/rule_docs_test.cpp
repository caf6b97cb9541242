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
  for (const Rule* rule : all_rules()) check_page(docs / (std::string(rule->info.id) + ".md"), rule_markdown(rule->info));
  check_page(docs / "README.md", rule_index_markdown(all_rules()));
  size_t pages = 0;
  for (const auto& entry : fs::directory_iterator(docs)) pages += entry.path().extension() == ".md";
  CHECK_MESSAGE(pages == all_rules().size() + 1, "docs/rules has pages of rules that no longer exist");
}

TEST_CASE("pascal_case turns rule names into SARIF rule names") {
  CHECK(pascal_case("default-landing-studio") == "DefaultLandingStudio");
  CHECK(pascal_case("sso-profile-binding") == "SsoProfileBinding");
  CHECK(pascal_case("invalid-input") == "InvalidInput");
}
