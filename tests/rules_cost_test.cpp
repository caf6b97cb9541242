// The cost rules (SMD027–SMD030, SMD032, SMD034) under settings other than the defaults, which
// the fixtures cannot set.
#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace sagelint;
using namespace sagelint::testing;

namespace {

// A domain whose JupyterLab idle timeout is 120 minutes, users may choose up to 150, and whose
// Code Editor is hidden.
constexpr std::string_view kIdleDomain = R"({
  "DomainId": "d-abc123",
  "DomainName": "ml-platform",
  "AuthMode": "IAM",
  "DefaultUserSettings": {
    "StudioWebPortalSettings": {"HiddenAppTypes": ["JupyterServer", "CodeEditor"]},
    "JupyterLabAppSettings": {
      "AppLifecycleManagement": {
        "IdleSettings": {
          "LifecycleManagement": "ENABLED",
          "IdleTimeoutInMinutes": 120,
          "MinIdleTimeoutInMinutes": 60,
          "MaxIdleTimeoutInMinutes": 150
        }
      }
    }
  }
})";

}  // namespace

TEST_CASE("idle-shutdown-enabled compares timeouts with idle_max_minutes") {
  TempDir dir;
  SUBCASE("the default of 240 minutes accepts 120 and 150") {
    const LintResult result = lint_files(dir, {{"d.json", std::string(kIdleDomain)}});
    CHECK(findings_of(result, "SMD027").empty());
  }
  SUBCASE("60 minutes flags the timeout and the maximum") {
    RunOptions options;
    options.settings.idle_max_minutes = 60;
    const LintResult result = lint_files(dir, {{"d.json", std::string(kIdleDomain)}}, options);
    const auto findings = findings_of(result, "SMD027");
    REQUIRE(findings.size() == 2);
    CHECK(findings[0]->level == Level::warning);
    CHECK(begin_of(*findings[0]).line == 11);
    CHECK(findings[0]->message ==
          "JupyterLab apps of domain 'ml-platform' shut down only after 120 idle minutes; expected at most 60 "
          "(idle_max_minutes)");
    CHECK(begin_of(*findings[1]).line == 13);
    CHECK(findings[1]->message.starts_with("users of domain 'ml-platform' may set a JupyterLab idle timeout of up to "
                                           "150 minutes; expected at most 120"));
  }
}

TEST_CASE("idle-settings-coherent notes timeouts users can change when enforce_fixed_idle is set") {
  TempDir dir;
  SUBCASE("off by default") {
    const LintResult result = lint_files(dir, {{"d.json", std::string(kIdleDomain)}});
    CHECK(findings_of(result, "SMD028").empty());
  }
  SUBCASE("on") {
    RunOptions options;
    options.settings.enforce_fixed_idle = true;
    const LintResult result = lint_files(dir, {{"d.json", std::string(kIdleDomain)}}, options);
    const auto findings = findings_of(result, "SMD028");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0]->level == Level::note);
    CHECK(begin_of(*findings[0]).line == 9);
    CHECK(findings[0]->message.starts_with("the JupyterLab idle settings of domain 'ml-platform' let users choose"));
  }
}

TEST_CASE("shared-space-idle-shutdown compares a shared space's timeout with idle_max_minutes") {
  TempDir dir;
  const std::string space = R"({
  "DomainId": "d-abc123",
  "SpaceName": "churn-model",
  "SpaceSharingSettings": {"SharingType": "Shared"},
  "SpaceSettings": {
    "AppType": "CodeEditor",
    "CodeEditorAppSettings": {"AppLifecycleManagement": {"IdleSettings": {"IdleTimeoutInMinutes": 120}}}
  }
})";
  RunOptions options;
  options.settings.idle_max_minutes = 90;
  const LintResult result = lint_files(dir, {{"s.json", space}}, options);
  const auto findings = findings_of(result, "SMD029");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]->level == Level::warning);
  CHECK(begin_of(*findings[0]).line == 7);
  CHECK(findings[0]->message ==
        "Code Editor apps of shared space 'churn-model' shut down only after 120 idle minutes; expected at most 90 "
        "(idle_max_minutes)");
}

TEST_CASE("space-storage-bounded compares the maximum volume size with ebs_max_gb") {
  TempDir dir;
  const std::string domain = R"({
  "DomainId": "d-abc123",
  "DomainName": "ml-platform",
  "DefaultUserSettings": {
    "SpaceStorageSettings": {
      "DefaultEbsStorageSettings": {"DefaultEbsVolumeSizeInGb": 5, "MaximumEbsVolumeSizeInGb": 100}
    }
  }
})";
  RunOptions options;
  options.settings.ebs_max_gb = 50;
  const LintResult result = lint_files(dir, {{"d.json", domain}}, options);
  const auto findings = findings_of(result, "SMD030");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]->level == Level::note);
  CHECK(begin_of(*findings[0]).line == 6);
  CHECK(findings[0]->message ==
        "users of the default user settings of domain 'ml-platform' may grow space volumes to 100 GB; expected at "
        "most 50 GB (ebs_max_gb)");
}

TEST_CASE("shared-space-governed and tags-valid-and-required read their tag keys from the settings") {
  TempDir dir;
  const std::string bundle = R"({
  "Domains": [{
    "DomainId": "d-abc123",
    "DomainName": "ml-platform",
    "TagPropagation": "ENABLED",
    "DefaultSpaceSettings": {"ExecutionRole": "arn:aws:iam::111122223333:role/sagemaker-shared-spaces"},
    "Tags": [{"Key": "Team", "Value": "fraud"}]
  }],
  "Spaces": [{
    "DomainId": "d-abc123",
    "SpaceName": "churn-model",
    "SpaceSharingSettings": {"SharingType": "Shared"},
    "Tags": [{"Key": "Project", "Value": "churn"}, {"Key": "Owner", "Value": "jdoe"},
             {"Key": "sagelint:justify:SMD032", "Value": "churn team pairs on features"}]
  }]
})";
  RunOptions options;
  options.settings.shared_space_tag_keys = {"Project", "Team"};
  options.settings.required_tag_keys = {"Team"};
  const LintResult result = lint_files(dir, {{"b.json", bundle}}, options);

  const auto shared = findings_of(result, "SMD032");
  REQUIRE(shared.size() == 2);  // the justification finding and the missing tag, both accepted by it
  CHECK(begin_of(*shared[0]).line == 12);
  CHECK(shared[0]->suppressed);
  CHECK(shared[1]->level == Level::warning);
  CHECK(begin_of(*shared[1]).line == 13);
  CHECK(shared[1]->message ==
        "shared space 'churn-model' lacks the tag 'Team', which attributes its cost (shared_space_tag_keys)");
  CHECK(shared[1]->suppressed);

  const auto tags = findings_of(result, "SMD034");
  REQUIRE(tags.size() == 1);
  CHECK(tags[0]->level == Level::warning);
  CHECK(begin_of(*tags[0]).line == 13);
  CHECK(tags[0]->message == "space 'churn-model' lacks the required tag 'Team' (required_tag_keys)");
}
