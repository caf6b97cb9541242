// Waivers: exceptions recorded in the configuration rather than beside the resource, matched
// by ARN, name or "<file>#<logical id>" with globs, valid through the end of their expiry day.
#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include "sagelint/catalog.hpp"
#include "sagelint/config.hpp"
#include "sagelint/sarif_report.hpp"
#include "test_support.hpp"

using namespace sagelint;
using namespace sagelint::testing;

namespace {

// SMD015 (public internet) is the one finding of this domain that a waiver may suppress
// outside production.
constexpr std::string_view kPublicDomain = R"({
  "DomainArn": "arn:aws:sagemaker:eu-west-1:111122223333:domain/d-1",
  "DomainId": "d-1",
  "DomainName": "research-sandbox",
  "AuthMode": "SSO",
  "AppNetworkAccessType": "PublicInternetOnly"
})";

constexpr std::string_view kPublicTemplate = R"(Resources:
  SandboxDomain:
    Type: AWS::SageMaker::Domain
    Properties:
      DomainName: research-sandbox
      AuthMode: SSO
      AppNetworkAccessType: PublicInternetOnly
      DefaultUserSettings:
        ExecutionRole: arn:aws:iam::111122223333:role/sm-research
      SubnetIds: [subnet-1]
      VpcId: vpc-1
)";

Waiver waiver(std::string rule, std::string resource, std::optional<Date> expires = std::nullopt) {
  Waiver result;
  result.rule = std::move(rule);
  result.resource = std::move(resource);
  result.reason = "public datasets only, approved in SEC-1187";
  result.owner = "jdoe";
  result.expires = expires;
  return result;
}

const Finding* network_finding(const LintResult& result) {
  const auto findings = findings_of(result, "SMD015");
  REQUIRE(findings.size() == 1);
  return findings[0];
}

}  // namespace

TEST_CASE("a waiver matches a resource by ARN, name or file#logical id, with globs") {
  TempDir dir;
  const std::string template_path = dir.file("stack.yaml");
  struct Case {
    std::string resource;
    bool from_template;
    bool suppressed;
  };
  for (const Case& c : {Case{"arn:aws:sagemaker:eu-west-1:111122223333:domain/d-1", false, true},
                        Case{"arn:aws:sagemaker:*:111122223333:domain/*", false, true},
                        Case{"arn:aws:sagemaker:*:444455556666:domain/*", false, false},
                        Case{"research-sandbox", false, true}, Case{"research-*", false, true},
                        Case{"ml-*", false, false}, Case{"*stack.yaml#SandboxDomain", true, true},
                        Case{template_path + "#SandboxDomain", true, true}, Case{"*#OtherDomain", true, false},
                        Case{"research-sandbox", true, true}}) {
    CAPTURE(c.resource);
    RunOptions options;
    options.waivers = {waiver("SMD015", c.resource)};
    const LintResult result =
        c.from_template ? lint_files(dir, {{"stack.yaml", std::string(kPublicTemplate)}}, options)
                        : lint_files(dir, {{"d.json", std::string(kPublicDomain)}}, options);
    const Finding* finding = network_finding(result);
    CHECK(finding->suppressed == c.suppressed);
    CHECK(finding->suppressed_externally == c.suppressed);
    if (c.suppressed) CHECK(finding->justification.reason == "public datasets only, approved in SEC-1187");
  }
}

TEST_CASE("a waiver names its rule by id, name or prefix, and applies to that rule only") {
  TempDir dir;
  for (const char* rule : {"SMD015", "vpc-only-network", "SMD01"}) {
    RunOptions options;
    options.waivers = {waiver(rule, "research-sandbox")};
    const LintResult result = lint_files(dir, {{"d.json", std::string(kPublicDomain)}}, options);
    CHECK(network_finding(result)->suppressed);
  }
  RunOptions options;
  options.waivers = {waiver("SMD007", "research-sandbox")};
  const LintResult other_rule = lint_files(dir, {{"d.json", std::string(kPublicDomain)}}, options);
  CHECK_FALSE(network_finding(other_rule)->suppressed);
}

TEST_CASE("a waiver is valid through the end of its expiry day, UTC") {
  TempDir dir;
  RunOptions options;
  options.waivers = {waiver("SMD015", "research-sandbox", Date{2026, 6, 30})};
  options.as_of = Date{2026, 6, 30};
  const LintResult first = lint_files(dir, {{"d.json", std::string(kPublicDomain)}}, options);
  const Finding* on_the_day = network_finding(first);
  CHECK(on_the_day->suppressed);
  CHECK(justification_text(on_the_day->justification) == "public datasets only, approved in SEC-1187 (expires 2026-06-30)");
  options.as_of = Date{2026, 7, 1};
  const LintResult second = lint_files(dir, {{"d.json", std::string(kPublicDomain)}}, options);
  const Finding* day_after = network_finding(second);
  CHECK_FALSE(day_after->suppressed);
  CHECK(day_after->message.ends_with("is not accepted: it expired on 2026-06-30"));
}

TEST_CASE("a justification beside the resource comes before a waiver, and policies apply to both") {
  TempDir dir;
  RunOptions options;
  options.waivers = {waiver("SMD015", "research-sandbox")};
  std::string tagged(kPublicDomain);
  tagged.insert(tagged.rfind('}'), R"(, "Tags": [{"Key": "sagelint:justify:SMD015", "Value": "teaching sandbox only"}])");
  const LintResult tagged_result = lint_files(dir, {{"d.json", tagged}}, options);
  const Finding* in_source = network_finding(tagged_result);
  CHECK(in_source->suppressed);
  CHECK_FALSE(in_source->suppressed_externally);
  CHECK(in_source->justification.reason == "teaching sandbox only");

  // SMD015 accepts no justification in production, wherever it is written.
  options.settings.env.fallback = Environment::production;
  const LintResult production_result = lint_files(dir, {{"d.json", std::string(kPublicDomain)}}, options);
  const Finding* production = network_finding(production_result);
  CHECK_FALSE(production->suppressed);
  CHECK(production->message.ends_with("is not accepted: this rule cannot be justified in production"));
}

TEST_CASE("waived findings are SARIF suppressions of kind external, tags and Metadata are inSource") {
  TempDir dir;
  RunOptions options;
  options.waivers = {waiver("SMD015", "research-sandbox")};
  const LintResult result = lint_files(dir, {{"d.json", std::string(kPublicDomain)}}, options);
  const std::string sarif = sarif_report(result, all_rules(), SarifOptions{});
  rapidjson::Document log;
  log.Parse(sarif.c_str());
  REQUIRE_FALSE(log.HasParseError());
  const auto suppressions_of_smd015 = [](const rapidjson::Document& sarif_log) -> const rapidjson::Value& {
    for (const auto& entry : sarif_log["runs"][0]["results"].GetArray()) {
      if (std::string_view(entry["ruleId"].GetString()) == "SMD015") return entry["suppressions"];
    }
    FAIL("no SMD015 result");
    return sarif_log["runs"];
  };
  const auto& suppressions = suppressions_of_smd015(log);
  REQUIRE(suppressions.Size() == 1);
  CHECK(std::string(suppressions[0]["kind"].GetString()) == "external");
  CHECK(std::string(suppressions[0]["justification"].GetString()) == "public datasets only, approved in SEC-1187");

  std::string tagged(kPublicDomain);
  tagged.insert(tagged.rfind('}'), R"(, "Tags": [{"Key": "sagelint:justify:SMD015", "Value": "teaching sandbox only"}])");
  const LintResult in_source = lint_files(dir, {{"d.json", tagged}}, options);
  rapidjson::Document tagged_log;
  tagged_log.Parse(sarif_report(in_source, all_rules(), SarifOptions{}).c_str());
  CHECK(std::string(suppressions_of_smd015(tagged_log)[0]["kind"].GetString()) == "inSource");
}

TEST_CASE("waivers in the configuration: their fields, and mistakes with their positions") {
  const ConfigLoad load = parse_config("c.json", R"({"waivers": [
    {"rule": "SMD015", "resource": "arn:aws:sagemaker:*:111122223333:domain/*", "reason": "public datasets only",
     "owner": "jdoe", "expires": "2027-01-31"},
    {"rule": "SMD003", "resource": "infra/stack.yaml#BreakGlass", "reason": "break-glass profile for incidents"}]})",
                                       all_rules());
  REQUIRE(load.config.has_value());
  const std::vector<Waiver>& waivers = load.config->waivers;
  REQUIRE(waivers.size() == 2);
  CHECK(waivers[0].rule == "SMD015");
  CHECK(waivers[0].owner == "jdoe");
  CHECK(waivers[0].expires == Date{2027, 1, 31});
  CHECK(waivers[0].location.file->position(waivers[0].location.begin) == Position{2, 5});
  CHECK(waivers[1].owner.empty());
  CHECK_FALSE(waivers[1].expires.has_value());

  const ConfigLoad broken = parse_config("c.json", R"({"waivers": [
    {"rule": "SMD015", "reason": "public datasets only"},
    {"rule": "SMD015", "resource": "x", "reason": "public datasets only", "expires": "31/01/2027"},
    {"rule": "SMD015", "resource": "x", "reason": "public datasets only", "until": "2027-01-31"}]})",
                                         all_rules());
  CHECK_FALSE(broken.config.has_value());
  REQUIRE(broken.errors.size() == 3);
  CHECK(broken.errors[0] == "c.json:2:5: a waiver needs 'resource'");
  CHECK(broken.errors[1] == "c.json:3:86: expires must be a date of the form YYYY-MM-DD, not '31/01/2027'");
  CHECK(broken.errors[2] == "c.json:4:75: unknown key 'until' in a waiver; the keys are rule, resource, reason, "
                            "owner and expires");
}

TEST_CASE("--waivers reads a file of waivers beside the configuration") {
  TempDir dir;
  dir.write("d.json", kPublicDomain);
  dir.write("waivers.json", R"({"waivers": [{"rule": "SMD015", "resource": "research-sandbox",
                                            "reason": "public datasets only", "owner": "jdoe"}]})");
  Config config;
  CHECK(load_waivers(dir.file("waivers.json"), config).empty());
  REQUIRE(config.waivers.size() == 1);
  CHECK(config.waivers[0].resource == "research-sandbox");
  dir.write("bad.json", R"({"waivers": [], "levels": {}})");
  const std::vector<std::string> errors = load_waivers(dir.file("bad.json"), config);
  REQUIRE(errors.size() == 1);
  CAPTURE(errors[0]);
  CHECK(errors[0].ends_with("bad.json:1:17: unknown key 'levels'; a waivers file holds only 'waivers'"));
}
