// The identity rules under settings other than the defaults, which fixtures cannot set:
// the identity tag key, the generic-name patterns and the environment.
#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace sagelint;
using sagelint::testing::begin_of;
using sagelint::testing::findings_of;
using sagelint::testing::lint_files;
using sagelint::testing::TempDir;

namespace {

NamePattern pattern(std::string_view text) {
  std::string error;
  auto compiled = NamePattern::compile(text, &error);
  REQUIRE_MESSAGE(compiled.has_value(), error);
  return *compiled;
}

constexpr std::string_view kIamBundle = R"({
  "Domains": [{"DomainId": "d-iam0001", "DomainName": "ml-platform", "AuthMode": "IAM"}],
  "UserProfiles": [
    {"DomainId": "d-iam0001", "UserProfileName": "jdoe", "Tags": [{"Key": "owner-id", "Value": "jdoe"}]},
    {"DomainId": "d-iam0001", "UserProfileName": "asmith", "Tags": [{"Key": "studiouserid", "Value": "asmith"}]},
    {"DomainId": "d-iam0001", "UserProfileName": "bot", "Tags": [{"Key": "owner-id", "Value": "svc-etl"}]}
  ]
})";

}  // namespace

TEST_CASE("SMD004 looks for the configured identity tag key") {
  const TempDir dir;
  SUBCASE("the default key, studiouserid") {
    const LintResult result = lint_files(dir, {{"d.json", std::string(kIamBundle)}});
    const auto findings = findings_of(result, "SMD004");
    REQUIRE(findings.size() == 2);
    CHECK(findings[0]->level == Level::warning);
    CHECK(begin_of(*findings[0]).line == 4);
    CHECK(findings[0]->message.find("'studiouserid'") != std::string::npos);
    CHECK(begin_of(*findings[1]).line == 6);
  }
  SUBCASE("another key, with generic names that include service accounts") {
    RunOptions options;
    options.settings.identity_tag_key = "owner-id";
    options.settings.generic_name_patterns.push_back(pattern("^svc-"));
    const LintResult result = lint_files(dir, {{"d.json", std::string(kIamBundle)}}, options);
    const auto findings = findings_of(result, "SMD004");
    REQUIRE(findings.size() == 2);
    CHECK(findings[0]->level == Level::warning);
    CHECK(begin_of(*findings[0]).line == 5);
    CHECK(findings[0]->message.find("has no 'owner-id' tag") != std::string::npos);
    CHECK(begin_of(*findings[1]).line == 6);
    CHECK(findings[1]->message.find("'svc-etl', which names a team") != std::string::npos);
  }
}

TEST_CASE("SMD005 is a note for a domain configured as nonproduction") {
  const TempDir dir;
  const std::string domain = R"({"DomainId": "d-iam0005", "DomainName": "ml-platform", "AuthMode": "IAM"})";
  SUBCASE("unspecified environment: a warning") {
    const auto result = lint_files(dir, {{"d.json", domain}});
    const auto findings = findings_of(result, "SMD005");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0]->level == Level::warning);
    CHECK(begin_of(*findings[0]).line == 1);
  }
  SUBCASE("--env nonprod: a note") {
    RunOptions options;
    options.settings.env.fallback = Environment::nonproduction;
    const auto result = lint_files(dir, {{"d.json", domain}}, options);
    const auto findings = findings_of(result, "SMD005");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0]->level == Level::note);
  }
  SUBCASE("production by domain name: a warning") {
    RunOptions options;
    options.settings.env.fallback = Environment::nonproduction;
    options.settings.env.production_domain_names.push_back(pattern("^ml-platform$"));
    const auto result = lint_files(dir, {{"d.json", domain}}, options);
    const auto findings = findings_of(result, "SMD005");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0]->level == Level::warning);
  }
}

TEST_CASE("SMD020 reports console-generated roles only in production") {
  const TempDir dir;
  const std::string bundle = R"({
  "Domains": [{
    "DomainArn": "arn:aws:sagemaker:eu-west-1:111122223333:domain/d-role0001",
    "DomainId": "d-role0001",
    "DomainName": "ml-platform",
    "DefaultUserSettings": {
      "ExecutionRole": "arn:aws:iam::111122223333:role/service-role/AmazonSageMaker-ExecutionRole-20250605T020811"
    }
  }],
  "UserProfiles": [{
    "DomainId": "d-role0001",
    "UserProfileName": "jdoe",
    "UserSettings": {
      "ExecutionRole": "arn:aws:iam::111122223333:role/service-role/AmazonSageMaker-ExecutionRole-20240112T093000"
    }
  }]
})";
  SUBCASE("unspecified environment: nothing") {
    const auto result = lint_files(dir, {{"d.json", bundle}});
    CHECK(findings_of(result, "SMD020").empty());
  }
  SUBCASE("a production account: the domain default and the profile's own role") {
    RunOptions options;
    options.settings.env.production_accounts.push_back("111122223333");
    const auto result = lint_files(dir, {{"d.json", bundle}}, options);
    const auto findings = findings_of(result, "SMD020");
    REQUIRE(findings.size() == 2);
    CHECK(findings[0]->level == Level::warning);
    CHECK(begin_of(*findings[0]).line == 7);
    CHECK(findings[0]->message.find("production domain 'ml-platform'") != std::string::npos);
    CHECK(findings[1]->level == Level::warning);
    CHECK(begin_of(*findings[1]).line == 14);
  }
}

TEST_CASE("SMD031 judges private space owners by the configured generic names") {
  const TempDir dir;
  const std::string bundle = R"({
  "Domains": [{"DomainId": "d-space001", "DomainName": "ml-platform", "AuthMode": "SSO"}],
  "UserProfiles": [{"DomainId": "d-space001", "UserProfileName": "ml-ops"}],
  "Spaces": [{
    "DomainId": "d-space001",
    "SpaceName": "pipelines",
    "OwnershipSettings": {"OwnerUserProfileName": "ML-Ops"},
    "SpaceSharingSettings": {"SharingType": "Private"}
  }]
})";
  SUBCASE("default patterns: the owner is a person's profile") {
    const auto result = lint_files(dir, {{"d.json", bundle}});
    CHECK(findings_of(result, "SMD031").empty());
  }
  SUBCASE("a pattern for operations accounts") {
    RunOptions options;
    options.settings.generic_name_patterns.push_back(pattern("^ml-ops$"));
    const auto result = lint_files(dir, {{"d.json", bundle}}, options);
    const auto findings = findings_of(result, "SMD031");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0]->level == Level::error);
    CHECK(begin_of(*findings[0]).line == 7);
    CHECK(findings[0]->message.find("owned by 'ML-Ops'") != std::string::npos);
  }
}
