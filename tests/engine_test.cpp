// The rule engine and the catalog: metadata, options, ordering.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "sagelint/engine.hpp"
#include "sagelint/rule_docs.hpp"
#include "test_support.hpp"

using namespace sagelint;
using namespace sagelint::testing;

TEST_CASE("the catalog is sorted by id, and ids and names are unique and well formed") {
  const auto rules = all_rules();
  REQUIRE(rules.size() >= 11);
  std::set<std::string_view> names;
  for (size_t i = 0; i < rules.size(); ++i) {
    const RuleInfo& rule = rules[i]->info;
    CAPTURE(rule.id);
    if (i > 0) CHECK(rules[i - 1]->info.id < rule.id);
    CHECK(rule.id.size() == 6);
    CHECK(rule.id.starts_with("SMD"));
    CHECK(names.insert(rule.name).second);
    CHECK(std::all_of(rule.name.begin(), rule.name.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }));
    CHECK_FALSE(rule.summary.empty());
    CHECK(rule.summary.size() <= 1024);
    CHECK_FALSE(rule.description.empty());
    CHECK(rule.description.size() <= 1024);
    CHECK(rule.summary.ends_with("."));
    CHECK(static_cast<bool>(rules[i]->check));
    for (std::string_view key : rule.settings) {
      CAPTURE(key);
      CHECK(find_setting_info(key) != nullptr);
    }
  }
}

TEST_CASE("every rule's documentation has the fixed headings in order") {
  for (const Rule* rule : all_rules()) {
    CAPTURE(rule->info.id);
    const std::string page = rule_markdown(rule->info);
    size_t at = 0;
    for (std::string_view heading : {"## What it does\n", "## Why it matters\n", "## Example\n", "## Use instead\n",
                                     "## Configuration\n", "## References\n"}) {
      const size_t found = page.find(heading, at);
      CHECK_MESSAGE(found != std::string::npos, "missing or misplaced " << heading);
      if (found != std::string::npos) at = found;
    }
  }
}

TEST_CASE("find_rule takes an id in any case or a name") {
  REQUIRE(find_rule("SMD007") != nullptr);
  CHECK(find_rule("smd007") == find_rule("SMD007"));
  CHECK(find_rule("default-landing-studio") == find_rule("SMD007"));
  CHECK(find_rule("SMD999") == nullptr);
}

TEST_CASE("a setting changes what the rule reports") {
  TempDir dir;
  const std::string profiles = R"({"UserProfiles": [
    {"DomainId": "d-1", "UserProfileName": "svc-batch", "UserSettings": {}},
    {"DomainId": "d-1", "UserProfileName": "shared", "UserSettings": {}}]})";
  RunOptions options;
  options.settings.generic_name_patterns = {*NamePattern::compile("^svc-", nullptr)};
  const LintResult result = lint_files(dir, {{"p.json", profiles}}, options);
  const auto generic = findings_of(result, "SMD003");
  REQUIRE(generic.size() == 1);
  CHECK(generic[0]->message.starts_with("user profile name 'svc-batch' is generic"));
}

TEST_CASE("a configured level replaces a rule's level, but not the notes it adds beside its findings") {
  TempDir dir;
  const std::string domain = R"({"DomainId": "d-1", "DomainName": "ml", "AuthMode": "SSO",
    "AppNetworkAccessType": "PublicInternetOnly", "DefaultUserSettings": {"ExecutionRole": "arn:aws:iam::1:role/r"}})";
  RunOptions options;
  options.levels["SMD015"] = Level::error;
  const LintResult result = lint_files(dir, {{"d.json", domain}}, options);
  const auto network = findings_of(result, "SMD015");
  REQUIRE(network.size() == 1);
  CHECK(network[0]->level == Level::error);

  // A rule that reports notes only gets the configured level for them.
  const std::string big_volumes = R"({"DomainId": "d-2", "DomainName": "big", "AuthMode": "SSO",
    "DefaultUserSettings": {"SpaceStorageSettings": {"DefaultEbsStorageSettings":
      {"DefaultEbsVolumeSizeInGb": 500, "MaximumEbsVolumeSizeInGb": 1000}}}})";
  options.levels["SMD030"] = Level::warning;
  const LintResult storage = lint_files(dir, {{"s.json", big_volumes}}, options);
  const auto bounded = findings_of(storage, "SMD030");
  REQUIRE_FALSE(bounded.empty());
  for (const Finding* finding : bounded) CHECK(finding->level == Level::warning);
}

TEST_CASE("findings are ordered by file, position and rule, and identical findings appear once") {
  TempDir dir;
  const LintResult result = lint_files(dir, {{"b.json", R"({"DomainId": "d-2", "DomainName": "b_b"})"},
                                             {"a.json", R"({"DomainId": "d-1", "DomainName": "a_a", "AuthMode": "IAM"})"}});
  REQUIRE(result.findings.size() >= 2);
  for (size_t i = 1; i < result.findings.size(); ++i) {
    const Finding& previous = result.findings[i - 1];
    const Finding& current = result.findings[i];
    const auto key = [](const Finding& f) {
      return std::make_tuple(f.location.file->path(), f.location.begin, f.rule->id, f.message);
    };
    CHECK(key(previous) < key(current));
  }
  CHECK(result.findings.front().location.file->path().ends_with("a.json"));
}

TEST_CASE("rules are selected and ignored by id, name or id prefix") {
  const auto ids = [](const RuleSelection& selection) {
    std::vector<std::string_view> out;
    for (const Rule* rule : selection.rules) out.push_back(rule->info.id);
    return out;
  };
  CHECK(select_rules({}, {}).rules.size() == all_rules().size());
  CHECK(ids(select_rules({"SMD00"}, {})) == std::vector<std::string_view>{"SMD000", "SMD001", "SMD002", "SMD003", "SMD004",
                                                                         "SMD005", "SMD006", "SMD007", "SMD008", "SMD009"});
  CHECK(ids(select_rules({"smd007", "names-valid"}, {})) == std::vector<std::string_view>{"SMD007", "SMD033"});
  CHECK(ids(select_rules({"SMD01"}, {"SMD014"})) ==
        std::vector<std::string_view>{"SMD010", "SMD011", "SMD012", "SMD013", "SMD015", "SMD016", "SMD017", "SMD018",
                                      "SMD019"});
  CHECK(select_rules({"SMD9"}, {}).error == "no rule matches 'SMD9'; sagelint rules lists them");
  CHECK(select_rules({}, {"S"}).error == "no rule matches 'S'; sagelint rules lists them");
}

// CTest cuts a test's name at ';' (doctest_discover_tests lists names as a CMake list), and
// doctest then runs no case of the cut name, so such a test would pass without running.
TEST_CASE("no test case has a semicolon in its name, which CTest would cut and so never run") {
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(SAGELINT_SOURCE_DIR) / "tests")) {
    if (entry.path().extension() != ".cpp") continue;
    std::istringstream lines{sagelint::testing::read_file(entry.path())};
    for (std::string line; std::getline(lines, line);) {
      if (!line.starts_with("TEST_CASE(\"")) continue;
      CAPTURE(line);
      CHECK(line.substr(0, line.find("\")")).find(';') == std::string::npos);
    }
  }
}
