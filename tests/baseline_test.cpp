// Baselines: fingerprints that survive reformatting and reordering, the states a comparison
// gives, and the SARIF log read back. The command line's side is in cli_test.cpp.
#include <doctest/doctest.h>
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <map>

#include "sagelint/baseline.hpp"
#include "sagelint/sarif_report.hpp"
#include "test_support.hpp"

using namespace sagelint;
using namespace sagelint::testing;

namespace {

// An export bundle with findings of many rules, on domains, profiles, tags and nested settings.
const std::string kBundle = R"({"Domains": [
  {"DomainId": "d-1", "DomainName": "ml", "AuthMode": "IAM", "AppNetworkAccessType": "PublicInternetOnly",
   "DefaultUserSettings": {"ExecutionRole": "arn:aws:iam::111122223333:role/r",
     "DefaultLandingUri": "app:JupyterServer:",
     "JupyterLabAppSettings": {"AppLifecycleManagement": {"IdleSettings": {"LifecycleManagement": "ENABLED",
                                                                           "IdleTimeoutInMinutes": 900}}}},
   "Tags": [{"Key": "Environment", "Value": "dev"},
            {"Key": "bad key!", "Value": "x"}, {"Key": "other key!", "Value": "y"}]},
  {"DomainId": "d-2", "DomainName": "research", "AuthMode": "SSO", "AppNetworkAccessType": "PublicInternetOnly",
   "DefaultUserSettings": {"ExecutionRole": "arn:aws:iam::111122223333:role/r", "DefaultLandingUri": "studio::"},
   "Tags": [{"Key": "Environment", "Value": "prod"}]}],
 "UserProfiles": [
  {"DomainId": "d-1", "UserProfileName": "team", "Tags": [{"Key": "Owner", "Value": "a"}]},
  {"DomainId": "d-1", "UserProfileName": "admin", "Tags": [{"Key": "Owner", "Value": "b"}]},
  {"DomainId": "d-1", "UserProfileName": "jdoe", "UserSettings": {"SecurityGroups": ["sg-1", "sg-2"]}}]}
)";

// The same JSON value written back: every object's members and the lists the fingerprint names by
// content (resources, tags, strings) in reverse order, compact or indented by four.
void write_reordered(const rapidjson::Value& value, rapidjson::PrettyWriter<rapidjson::StringBuffer>& w, int depth) {
  if (value.IsObject()) {
    w.StartObject();
    for (auto it = value.MemberEnd(); it != value.MemberBegin();) {
      --it;
      w.Key(it->name.GetString(), it->name.GetStringLength());
      write_reordered(it->value, w, depth + 1);
    }
    w.EndObject();
  } else if (value.IsArray()) {
    const auto& array = value.GetArray();
    const bool by_content = std::all_of(array.begin(), array.end(), [](const rapidjson::Value& element) {
      return element.IsString() || (element.IsObject() && element.HasMember("Key"));
    });
    std::vector<const rapidjson::Value*> elements;
    for (const rapidjson::Value& element : array) elements.push_back(&element);
    if (by_content || depth == 1) std::reverse(elements.begin(), elements.end());
    w.StartArray();
    for (const rapidjson::Value* element : elements) write_reordered(*element, w, depth + 1);
    w.EndArray();
  } else {
    value.Accept(w);
  }
}

std::string reordered_json(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str(), text.size());
  REQUIRE_FALSE(document.HasParseError());
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.SetIndent(' ', 4);
  write_reordered(document, w, 0);
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

// The SARIF log of `result`, as `sagelint baseline` would write it, read back as a baseline.
Baseline baseline_of(const LintResult& result, const TempDir& dir) {
  SarifOptions options;
  options.source_root = dir.path().generic_string();
  const BaselineLoad load = parse_baseline("baseline.sarif", sarif_report(result, all_rules(), options));
  REQUIRE_MESSAGE(load.baseline.has_value(), load.error);
  return *load.baseline;
}

// "new 1, unchanged 20", for readable failures.
std::string tally(const BaselineComparison& comparison) {
  std::map<std::string, size_t> counts;
  for (BaselineState state : comparison.states) ++counts[std::string(to_string(state))];
  if (!comparison.absent.empty()) counts["absent"] = comparison.absent.size();
  std::string text;
  for (const auto& [state, count] : counts) text += (text.empty() ? "" : ", ") + state + " " + std::to_string(count);
  return text;
}

// Lints `before` and then `after` written to the same file names, and compares the second run
// with the first one's baseline.
BaselineComparison compare_runs(const std::vector<std::pair<std::string, std::string>>& before,
                                const std::vector<std::pair<std::string, std::string>>& after,
                                RunOptions options = {}) {
  TempDir dir;
  const Baseline baseline = baseline_of(lint_files(dir, before), dir);
  const LintResult result = lint_files(dir, after, options);
  REQUIRE(result.fingerprints.size() == result.findings.size());
  return compare_with_baseline(result.findings, result.fingerprints, baseline);
}

size_t findings_in(const std::vector<std::pair<std::string, std::string>>& files) {
  TempDir dir;
  return lint_files(dir, files).findings.size();
}

const std::string kTemplate = R"(AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  NetworkAccess:
    Type: String
    Default: PublicInternetOnly
Resources:
  StudioDomain:
    Type: AWS::SageMaker::Domain
    Properties:
      DomainName: ml-platform
      AuthMode: IAM
      AppNetworkAccessType: !Ref NetworkAccess
      VpcId: vpc-1
      SubnetIds: [subnet-1]
      DefaultUserSettings:
        ExecutionRole: arn:aws:iam::111122223333:role/r
        DefaultLandingUri: 'app:JupyterServer:'
        AutoMountHomeEFS: Enabled
  TeamProfile:
    Type: AWS::SageMaker::UserProfile
    Properties:
      DomainId: !GetAtt StudioDomain.DomainId
      UserProfileName: team
      Tags:
        - Key: Owner
          Value: a
        - Key: CostCenter
          Value: '1'
)";

// The template above with its resources, their properties and the tags in another order, other
// indentation, flow style and quoting: the same resources, every line moved.
const std::string kTemplateReordered = R"(Resources:
    TeamProfile:
        Properties:
            Tags: [{Value: '1', Key: CostCenter}, {Key: Owner, Value: a}]
            UserProfileName: "team"
            DomainId: {"Fn::GetAtt": [StudioDomain, DomainId]}
        Type: AWS::SageMaker::UserProfile


    StudioDomain:
        Type: "AWS::SageMaker::Domain"
        Properties:
            DefaultUserSettings: {AutoMountHomeEFS: Enabled, DefaultLandingUri: 'app:JupyterServer:',
                                  ExecutionRole: 'arn:aws:iam::111122223333:role/r'}
            SubnetIds:
                - subnet-1
            VpcId: vpc-1
            AppNetworkAccessType: {Ref: NetworkAccess}
            AuthMode: IAM
            DomainName: ml-platform
Parameters:
    NetworkAccess: {Default: PublicInternetOnly, Type: String}
AWSTemplateFormatVersion: "2010-09-09"
)";

const std::string kModule = R"(variable "network_access" {
  type    = string
  default = "PublicInternetOnly"
}

resource "aws_sagemaker_domain" "studio" {
  domain_name             = "ml-platform"
  auth_mode               = "IAM"
  app_network_access_type = var.network_access
  vpc_id                  = "vpc-1"
  subnet_ids              = ["subnet-1"]

  default_user_settings {
    execution_role      = "arn:aws:iam::111122223333:role/r"
    default_landing_uri = "app:JupyterServer:"
    auto_mount_home_efs = "Enabled"
  }
}

resource "aws_sagemaker_user_profile" "team" {
  domain_id         = aws_sagemaker_domain.studio.id
  user_profile_name = "team"
  tags = {
    Owner      = "a"
    CostCenter = "1"
  }
}
)";

// Split over two files of the module, blocks and attributes in another order, other spacing.
const std::string kModuleProfiles = R"(resource "aws_sagemaker_user_profile" "team" {
  tags = { CostCenter = "1", Owner = "a" }
  user_profile_name = "team"
  domain_id = aws_sagemaker_domain.studio.id
}
)";
const std::string kModuleDomain = R"(resource "aws_sagemaker_domain" "studio" {
  default_user_settings {
    auto_mount_home_efs = "Enabled"
    default_landing_uri = "app:JupyterServer:"
    execution_role = "arn:aws:iam::111122223333:role/r"
  }
  subnet_ids = ["subnet-1"]
  vpc_id = "vpc-1"
  app_network_access_type = var.network_access
  auth_mode = "IAM"
  domain_name = "ml-platform"
}

variable "network_access" {
  default = "PublicInternetOnly"
  type = string
}
)";

}  // namespace

TEST_CASE("baseline: an export bundle reformatted and reordered keeps every finding unchanged") {
  const size_t findings = findings_in({{"export/bundle.json", kBundle}});
  REQUIRE(findings > 15);
  const BaselineComparison comparison =
      compare_runs({{"export/bundle.json", kBundle}}, {{"export/bundle.json", reordered_json(kBundle)}});
  CHECK(tally(comparison) == "unchanged " + std::to_string(findings));
}

TEST_CASE("baseline: an export split into one file per resource is still the same resources") {
  // Exports are identified by kind, domain id and name, not by the file that holds them.
  rapidjson::Document bundle;
  bundle.Parse(kBundle.c_str());
  std::vector<std::pair<std::string, std::string>> files;
  for (const char* list : {"Domains", "UserProfiles"}) {
    for (const rapidjson::Value& resource : bundle[list].GetArray()) {
      rapidjson::StringBuffer buffer;
      rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
      resource.Accept(w);
      files.emplace_back("split/" + std::to_string(files.size()) + ".json", buffer.GetString());
    }
  }
  // Split, the profiles read as describe outputs of their own and say a little more (SMD021
  // judges the shared role instead of saying it cannot): every finding of the bundle is still
  // matched, none is absent.
  const BaselineComparison comparison = compare_runs({{"export/bundle.json", kBundle}}, files);
  CHECK(comparison.absent.empty());
  CHECK(comparison.count(BaselineState::unchanged) + comparison.count(BaselineState::updated) ==
        findings_in({{"export/bundle.json", kBundle}}));
}

TEST_CASE("baseline: a CloudFormation template reformatted and reordered keeps every finding unchanged") {
  const size_t findings = findings_in({{"infra/studio.yaml", kTemplate}});
  REQUIRE(findings > 5);
  const BaselineComparison comparison =
      compare_runs({{"infra/studio.yaml", kTemplate}}, {{"infra/studio.yaml", kTemplateReordered}});
  CHECK(tally(comparison) == "unchanged " + std::to_string(findings));
}

TEST_CASE("baseline: a Terraform module reformatted, reordered and split over files keeps every finding unchanged") {
  const size_t findings = findings_in({{"tf/main.tf", kModule}});
  REQUIRE(findings > 5);
  const BaselineComparison comparison =
      compare_runs({{"tf/main.tf", kModule}}, {{"tf/main.tf", kModuleDomain}, {"tf/profiles.tf", kModuleProfiles}});
  CHECK(tally(comparison) == "unchanged " + std::to_string(findings));
}

TEST_CASE("baseline: a new violation is new, a fixed one absent, a changed message or level updated") {
  std::string after = kBundle;
  // Fixed: one of the two tag keys AWS rejects is gone (SMD034 there).
  const std::string other_key = R"(, {"Key": "other key!", "Value": "y"})";
  REQUIRE(after.find(other_key) != std::string::npos);
  after.erase(after.find(other_key), other_key.size());
  // Changed message: the idle timeout is still too long, but another value.
  after.replace(after.find("900"), 3, "600");
  // New: another generic profile name.
  after.replace(after.find(R"({"DomainId": "d-1", "UserProfileName": "team")"), 0,
                R"({"DomainId": "d-1", "UserProfileName": "shared", "Tags": [{"Key": "Owner", "Value": "c"}]},)");

  TempDir dir;
  const LintResult before = lint_files(dir, {{"bundle.json", kBundle}});
  const Baseline baseline = baseline_of(before, dir);
  const LintResult result = lint_files(dir, {{"bundle.json", after}});
  const BaselineComparison comparison = compare_with_baseline(result.findings, result.fingerprints, baseline);

  const auto state_of = [&](std::string_view rule, std::string_view text) {
    for (size_t i = 0; i < result.findings.size(); ++i) {
      const Finding& f = result.findings[i];
      if (f.rule->id == rule && f.message.find(text) != std::string::npos) {
        return std::string(to_string(comparison.states[i]));
      }
    }
    return std::string("no such finding");
  };
  CHECK(state_of("SMD003", "'shared'") == "new");
  CHECK(state_of("SMD003", "'team'") == "unchanged");
  CHECK(state_of("SMD027", "600 idle minutes") == "updated");
  CHECK(state_of("SMD007", "Studio Classic") == "unchanged");
  REQUIRE(!comparison.absent.empty());
  CHECK(comparison.absent.size() == 1);
  CHECK(comparison.absent[0].rule_id == "SMD034");
  CHECK(comparison.absent[0].message.find("'other key!'") != std::string::npos);
  CHECK(state_of("SMD034", "'bad key!'") == "unchanged");
  CHECK(comparison.count(BaselineState::new_finding) + comparison.count(BaselineState::unchanged) +
            comparison.count(BaselineState::updated) ==
        result.findings.size());

  SUBCASE("a level the configuration changes makes the finding updated, not new") {
    RunOptions options;
    options.levels.emplace("SMD003", Level::error);
    const LintResult relevelled = lint_files(dir, {{"bundle.json", kBundle}}, options);
    const BaselineComparison again = compare_with_baseline(relevelled.findings, relevelled.fingerprints, baseline);
    CHECK(again.count(BaselineState::new_finding) == 0);
    CHECK(again.count(BaselineState::updated) == 2);  // the 'team' and 'admin' profiles
    CHECK(again.absent.empty());
  }
  SUBCASE("--fail-on-new fails on the new finding only") {
    CHECK(has_new_findings_at(result.findings, comparison, Level::warning));
    CHECK_FALSE(has_new_findings_at(result.findings, comparison, Level::error));  // SMD003 is a warning
    CHECK_FALSE(has_new_findings_at(result.findings, comparison, std::nullopt));
  }
}

TEST_CASE("baseline: a run over its own baseline is all unchanged, and its SARIF says so") {
  TempDir dir;
  LintResult result =
      lint_files(dir, {{"bundle.json", kBundle}, {"infra/studio.yaml", kTemplate}, {"tf/main.tf", kModule}});
  const Baseline baseline = baseline_of(result, dir);
  result.baseline = compare_with_baseline(result.findings, result.fingerprints, baseline);
  CHECK(result.baseline->count(BaselineState::unchanged) == result.findings.size());
  CHECK(result.baseline->absent.empty());
  CHECK_FALSE(has_new_findings_at(result.findings, *result.baseline, Level::note));

  SarifOptions options;
  options.source_root = dir.path().generic_string();
  rapidjson::Document log;
  const std::string sarif = sarif_report(result, all_rules(), options);
  log.Parse(sarif.c_str(), sarif.size());
  REQUIRE_FALSE(log.HasParseError());
  const auto& results = log["runs"][0]["results"];
  REQUIRE(results.Size() == result.findings.size());
  for (const rapidjson::Value& r : results.GetArray()) {
    CHECK(std::string(r["baselineState"].GetString()) == "unchanged");
    CHECK(r["partialFingerprints"].HasMember("primaryLocationLineHash"));
    CHECK(std::string(r["partialFingerprints"]["sagelintResourceFingerprint/v1"].GetString()).size() == 16);
  }
}

TEST_CASE("baseline: brackets and backslashes in a message read back as they were written") {
  // SARIF escapes a message's brackets; a baseline that kept the escapes would call every such
  // finding updated, and write its absent results escaped twice.
  TempDir dir;
  const std::string bundle = R"({"Domains": [{"DomainId": "d-1", "DomainName": "ml", "AuthMode": "IAM",
    "AppNetworkAccessType": "VpcOnly", "DefaultUserSettings": {"DefaultLandingUri": "studio::"},
    "Tags": [{"Key": "Environment", "Value": "dev"}, {"Key": "[x](1) \\[y\\]!", "Value": "v"},
             {"Key": "gone [z]!", "Value": "w"}]}]})";
  LintResult result = lint_files(dir, {{"bundle.json", bundle}});
  const Baseline baseline = baseline_of(result, dir);
  CHECK(std::any_of(baseline.results.begin(), baseline.results.end(), [](const BaselineResult& r) {
    return r.message.find("'[x](1) \\[y\\]!'") != std::string::npos;
  }));
  result.baseline = compare_with_baseline(result.findings, result.fingerprints, baseline);
  CHECK(result.baseline->count(BaselineState::unchanged) == result.findings.size());

  // Without the 'gone [z]!' tag its finding is absent, and written back with one escape per bracket.
  std::string fixed = bundle;
  fixed.replace(fixed.find("gone [z]!"), std::string("gone [z]!").size(), "Owner");
  LintResult after = lint_files(dir, {{"bundle.json", fixed}});
  after.baseline = compare_with_baseline(after.findings, after.fingerprints, baseline);
  REQUIRE(after.baseline->absent.size() == 1);
  CHECK(after.baseline->absent[0].message.find("'gone [z]!'") != std::string::npos);
  SarifOptions options;
  options.source_root = dir.path().generic_string();
  const std::string sarif = sarif_report(after, all_rules(), options);
  CHECK(sarif.find(R"('gone \\[z\\]!')") != std::string::npos);  // JSON for 'gone \[z\]!'
}

TEST_CASE("baseline: fingerprints are unique in a run and name rule, resource and property path") {
  TempDir dir;
  const LintResult result = lint_files(dir, {{"bundle.json", kBundle}, {"infra/studio.yaml", kTemplate}});
  std::vector<std::string> sorted = result.fingerprints;
  std::sort(sorted.begin(), sorted.end());
  CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());

  const std::vector<std::string> identities = finding_identities(result.model, result.findings);
  const auto has = [&](std::string_view text) {
    return std::any_of(identities.begin(), identities.end(),
                       [&](const std::string& identity) { return identity.find(text) != std::string::npos; });
  };
  CHECK(has("SMD007\ndomain d-1 ml\n/DefaultUserSettings/DefaultLandingUri\n0"));
  CHECK(has("SMD034\ndomain d-1 ml\n/Tags/[Key=bad key!]/Key\n0"));
  CHECK(has("SMD015\ncloudformation " + dir.file("infra/studio.yaml") + " StudioDomain\n/AppNetworkAccessType\n0"));
  CHECK(fingerprint_hash("") == "cbf29ce484222325");  // FNV-1a's offset basis
}

TEST_CASE("baseline: findings that share rule, resource and path are numbered by message") {
  // Two profiles of one domain may say different things about the domain's same setting; and
  // an unparseable file has no resource: its path and message are its identity.
  TempDir dir;
  const LintResult result = lint_files(dir, {{"broken.json", "{\"DomainId\": "}});
  REQUIRE(result.findings.size() == 1);
  const std::vector<std::string> identities = finding_identities(result.model, result.findings);
  CHECK(identities[0].starts_with("SMD000\nfile " + dir.file("broken.json") + "\n"));
  CHECK(identities[0].ends_with("\n0"));
}

TEST_CASE("baseline: a log that is not a usable baseline is an error with its position") {
  const auto error_of = [](const std::string& text) {
    const BaselineLoad load = parse_baseline("old.sarif", text);
    CHECK_FALSE(load.baseline.has_value());
    return load.error;
  };
  CHECK(error_of("{\n  \"runs\": [,") == "old.sarif:2:12: invalid value; expected an object, array, string, number, "
                                          "true, false or null");
  CHECK(error_of("[]") == "old.sarif:1:1: expected an object");
  CHECK(error_of(R"({"version": "2.1.0"})") == "old.sarif:1:1: expected a member \"runs\"");
  CHECK(error_of(R"({"runs": [{"tool": {"driver": {"name": "CodeQL"}}, "results": []}]})") ==
        "old.sarif:1:32: not a sagelint log: tool.driver.name is not \"sagelint\"");
  CHECK(error_of("{\"runs\": [{\"tool\": {\"driver\": {\"name\": \"sagelint\"}},\n \"results\": "
                 "[{\"ruleId\": \"SMD007\", \"message\": {\"text\": \"x\"}, "
                 "\"partialFingerprints\": {\"primaryLocationLineHash\": \"a:1\"}}]}]}") ==
        "old.sarif:2:14: result has no partialFingerprints \"sagelintResourceFingerprint/v1\"; write the baseline "
        "with this version (sagelint baseline)");
  const BaselineLoad missing = read_baseline("/nonexistent/old.sarif");
  CHECK(missing.error == "/nonexistent/old.sarif: cannot read the baseline");
}

TEST_CASE("baseline: results a log marks absent are not read back as findings of that run") {
  const BaselineLoad load = parse_baseline("old.sarif", R"({"runs": [{"tool": {"driver": {"name": "sagelint"}},
    "results": [
      {"ruleId": "SMD007", "level": "error", "message": {"text": "still here"},
       "partialFingerprints": {"sagelintResourceFingerprint/v1": "0000000000000001"}},
      {"ruleId": "SMD015", "message": {"text": "gone before"}, "baselineState": "absent",
       "partialFingerprints": {"sagelintResourceFingerprint/v1": "0000000000000002"}}]}]})");
  REQUIRE(load.baseline.has_value());
  REQUIRE(load.baseline->results.size() == 1);
  CHECK(load.baseline->results[0].rule_id == "SMD007");
  CHECK(load.baseline->results[0].level == "error");
}
