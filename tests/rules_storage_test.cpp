// The storage, RStudio, network and encryption rules (SMD011–SMD013, SMD016–SMD018) under
// settings other than the defaults, which fixtures cannot set.
#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace sagelint;
using sagelint::testing::begin_of;
using sagelint::testing::findings_of;
using sagelint::testing::lint_files;
using sagelint::testing::TempDir;

namespace {

// An RStudio domain with two profiles that turn RStudio on; the export carries their tags
// (none), so only licensed_rstudio_users can license them.
constexpr std::string_view kRStudioDomain = R"({
  "Domains": [{
    "DomainId": "d-rstudio1",
    "DomainName": "r-analytics",
    "AuthMode": "IAM",
    "DomainSettings": {
      "RStudioServerProDomainSettings": {"DomainExecutionRoleArn": "arn:aws:iam::111122223333:role/rstudio-domain"}
    },
    "DefaultUserSettings": {
      "ExecutionRole": "arn:aws:iam::111122223333:role/sagemaker-r",
      "StudioWebPortalSettings": {"HiddenAppTypes": ["JupyterServer"]}
    }
  }],
  "UserProfiles": [
    {
      "DomainId": "d-rstudio1",
      "UserProfileName": "jdoe",
      "UserSettings": {"RStudioServerProAppSettings": {"AccessStatus": "ENABLED"}},
      "Tags": []
    },
    {
      "DomainId": "d-rstudio1",
      "UserProfileName": "asmith",
      "UserSettings": {"RStudioServerProAppSettings": {"AccessStatus": "ENABLED"}},
      "Tags": []
    }
  ]
})";

}  // namespace

TEST_CASE("SMD012 accepts the profiles named in licensed_rstudio_users") {
  TempDir dir;
  RunOptions options;
  options.settings.licensed_rstudio_users = {"jdoe"};
  const LintResult result = lint_files(dir, {{"d.json", std::string(kRStudioDomain)}}, options);
  const auto findings = findings_of(result, "SMD012");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]->level == Level::warning);
  CHECK(begin_of(*findings[0]).line == 24);
  CHECK(findings[0]->message.find("user profile 'asmith'") == 0);
}

TEST_CASE("SMD012 treats every domain as unlicensed when rstudio_licensed is false") {
  TempDir dir;
  RunOptions options;
  options.settings.rstudio_licensed = false;
  options.settings.licensed_rstudio_users = {"jdoe", "asmith"};
  const LintResult result = lint_files(dir, {{"d.json", std::string(kRStudioDomain)}}, options);
  const auto findings = findings_of(result, "SMD012");
  // The domain shows RStudio; both profiles enable it although no licence is held.
  REQUIRE(findings.size() == 3);
  CHECK(begin_of(*findings[0]).line == 11);
  CHECK(findings[0]->message.find("shows RStudio although no RStudio licence is configured") != std::string::npos);
  CHECK(begin_of(*findings[1]).line == 18);
  CHECK(begin_of(*findings[2]).line == 24);
  for (const Finding* finding : findings) CHECK(finding->level == Level::warning);
}

TEST_CASE("SMD012 still hides RStudio on a domain without it when rstudio_licensed is true") {
  TempDir dir;
  RunOptions options;
  options.settings.rstudio_licensed = true;
  const LintResult result = lint_files(dir, {{"d.json", R"({
  "DomainId": "d-abc123",
  "DomainName": "ml-platform",
  "AuthMode": "IAM",
  "DefaultUserSettings": {"ExecutionRole": "arn:aws:iam::111122223333:role/sagemaker"}
})"}}, options);
  const auto findings = findings_of(result, "SMD012");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]->level == Level::warning);
  CHECK(begin_of(*findings[0]).line == 5);
  CHECK(findings[0]->message.find("although it has no RStudioServerProDomainSettings") != std::string::npos);
}

TEST_CASE("SMD017 accepts VpcOnlyTrustedAccounts listed in trusted_accounts") {
  TempDir dir;
  const std::string domain = R"({
  "DomainId": "d-abc123",
  "DomainName": "ml-platform",
  "AuthMode": "IAM",
  "AppNetworkAccessType": "VpcOnly",
  "DomainSettings": {
    "DockerSettings": {"EnableDockerAccess": "ENABLED", "VpcOnlyTrustedAccounts": ["444455556666", "999999999999"]}
  },
  "DefaultUserSettings": {"ExecutionRole": "arn:aws:iam::111122223333:role/sagemaker"}
})";
  RunOptions options;
  options.settings.trusted_accounts = {"444455556666"};
  const LintResult result = lint_files(dir, {{"d.json", domain}}, options);
  const auto findings = findings_of(result, "SMD017");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0]->level == Level::warning);
  CHECK(findings[0]->message.find("EnableDockerAccess is 'ENABLED'") != std::string::npos);
  CHECK(findings[1]->level == Level::warning);
  CHECK(begin_of(*findings[1]).line == 7);
  CHECK(findings[1]->message.find("trusts account '999999999999'") != std::string::npos);
}
