// The UI-hygiene rules (SMD019, SMD022–SMD026) with settings other than the defaults, and the
// paths of their checks that fixtures cannot reach.
#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace sagelint;
using namespace sagelint::testing;

namespace {

// A domain whose DefaultUserSettings are `settings` (a JSON object's members).
std::string domain_with(const std::string& settings) {
  return R"({
  "DomainId": "d-abc123",
  "DomainName": "ml-platform",
  "AuthMode": "IAM",
  "DefaultUserSettings": {
    "DefaultLandingUri": "studio::",
)" + settings + R"(
  }
}
)";
}

}  // namespace

TEST_CASE("hide-unused-tools leaves out the tools the organisation allows") {
  TempDir dir;
  const std::string domain = domain_with(R"(    "StudioWebPortalSettings": {
      "HiddenMlTools": ["LakeraGuard", "DeepchecksLLMEvaluation", "Fiddler"]
    })");

  SUBCASE("by default a tool left out is reported") {
    const LintResult result = lint_files(dir, {{"d.json", domain}});
    const auto findings = findings_of(result, "SMD023");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0]->level == Level::warning);
    CHECK(begin_of(*findings[0]).line == 8);
    CHECK(findings[0]->message.find("'Comet'") != std::string::npos);
    CHECK(findings[0]->message.find("hiding is visibility only") != std::string::npos);
  }
  SUBCASE("an allowed tool need not be hidden") {
    RunOptions options;
    options.settings.allowed_tools = {"Comet"};
    const LintResult result = lint_files(dir, {{"d.json", domain}}, options);
    CHECK(findings_of(result, "SMD023").empty());
  }
}

TEST_CASE("hide-unused-tools reports unused app types from the configuration") {
  TempDir dir;
  const std::string domain = domain_with(R"(    "StudioWebPortalSettings": {
      "HiddenAppTypes": ["JupyterServer"],
      "HiddenMlTools": ["LakeraGuard", "Comet", "DeepchecksLLMEvaluation", "Fiddler"]
    })");
  RunOptions options;
  options.settings.unused_app_types = {"Canvas", "JupyterServer"};
  const LintResult result = lint_files(dir, {{"d.json", domain}}, options);
  const auto findings = findings_of(result, "SMD023");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]->level == Level::warning);
  CHECK(begin_of(*findings[0]).line == 8);
  CHECK(findings[0]->message.find("HiddenAppTypes does not include 'Canvas'") != std::string::npos);
}

TEST_CASE("instance-type-guardrail checks default instance types against the approved list") {
  TempDir dir;
  const std::string domain = domain_with(
      R"(    "JupyterLabAppSettings": {"DefaultResourceSpec": {"InstanceType": "ml.g5.xlarge"}},
    "CodeEditorAppSettings": {"DefaultResourceSpec": {"InstanceType": "ml.t3.medium"}},
    "KernelGatewayAppSettings": {"DefaultResourceSpec": {"InstanceType": "system"}})");

  SUBCASE("an empty approved list approves every type that is not denied") {
    const LintResult result = lint_files(dir, {{"d.json", domain}});
    for (const Finding* finding : findings_of(result, "SMD026")) {
      CHECK(finding->message.find("AppSettings to") == std::string::npos);
    }
  }
  SUBCASE("a type outside the approved globs is reported; system always passes") {
    RunOptions options;
    options.settings.approved_instance_types = {"ml.t3.*", "ml.m5.*"};
    const LintResult result = lint_files(dir, {{"d.json", domain}}, options);
    std::vector<const Finding*> defaults;
    for (const Finding* finding : findings_of(result, "SMD026")) {
      if (finding->message.find("AppSettings to") != std::string::npos) defaults.push_back(finding);
    }
    REQUIRE(defaults.size() == 1);
    CHECK(defaults[0]->level == Level::warning);
    CHECK(begin_of(*defaults[0]).line == 7);
    CHECK(defaults[0]->message.find("to 'ml.g5.xlarge', which is not an approved instance type") != std::string::npos);
    CHECK(defaults[0]->message.find("sagemaker:InstanceTypes") != std::string::npos);
  }
}

TEST_CASE("instance-type-guardrail hides the API's instance types that match the denied globs") {
  TempDir dir;
  const std::string domain = domain_with(R"(    "StudioWebPortalSettings": {
      "HiddenInstanceTypes": ["ml.g5.48xlarge"]
    })");
  RunOptions options;
  options.settings.denied_instance_types = {"ml.g5.4*"};
  const LintResult result = lint_files(dir, {{"d.json", domain}}, options);
  const auto findings = findings_of(result, "SMD026");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]->level == Level::warning);
  CHECK(begin_of(*findings[0]).line == 8);
  CHECK(findings[0]->message.find("shows 1 denied instance type ") != std::string::npos);
  CHECK(findings[0]->message.find("'ml.g5.4xlarge'") != std::string::npos);
}

TEST_CASE("hidden-values-valid suggests the nearest valid value") {
  TempDir dir;
  const std::string domain = domain_with(R"(    "StudioWebPortalSettings": {
      "HiddenMlTools": ["Pipeline", "jumpstart", "Notebooks"],
      "HiddenInstanceTypes": ["ml.t3.meduim"]
    })");
  const LintResult result = lint_files(dir, {{"d.json", domain}});
  const auto findings = findings_of(result, "SMD022");
  REQUIRE(findings.size() == 4);
  for (const Finding* finding : findings) CHECK(finding->level == Level::error);
  CHECK(findings[0]->message.find("did you mean 'Pipelines'?") != std::string::npos);
  CHECK(findings[1]->message.find("did you mean 'JumpStart'?") != std::string::npos);
  CHECK(findings[2]->message.ends_with("; the API rejects it"));
  CHECK(begin_of(*findings[3]).line == 9);
  CHECK(findings[3]->message.find("did you mean 'ml.t3.medium'?") != std::string::npos);
}

TEST_CASE("the UI rules' messages follow the house style") {
  TempDir dir;
  const std::string domain = domain_with(R"(    "SharingSettings": {"NotebookOutputOption": "Allowed"},
    "RStudioServerProAppSettings": {"AccessStatus": "ENABLED"},
    "JupyterLabAppSettings": {"DefaultResourceSpec": {"InstanceType": "ml.p5.48xlarge"}},
    "StudioWebPortalSettings": {
      "HiddenAppTypes": ["RStudio", "RStudioServerPro"],
      "HiddenMlTools": []
    })");
  const LintResult result = lint_files(dir, {{"d.json", domain}});
  for (const std::string_view id : {"SMD019", "SMD022", "SMD023", "SMD025", "SMD026"}) {
    const auto findings = findings_of(result, id);
    CHECK_MESSAGE(!findings.empty(), id);
    for (const Finding* finding : findings) CHECK_MESSAGE(llvm_style(finding->message), finding->message);
  }
}
