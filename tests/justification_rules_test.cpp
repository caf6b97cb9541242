// The rules that review justifications and waivers (SMD035–SMD038): what each reports, where,
// and when SMD037 keeps quiet because the run cannot show that a justification is unused.
#include <doctest/doctest.h>

#include <algorithm>

#include "sagelint/catalog.hpp"
#include "sagelint/config.hpp"
#include "test_support.hpp"

using namespace sagelint;
using namespace sagelint::testing;

namespace {

// An IAM domain on the public internet (SMD015, accepted outside production) with a profile
// that lands in Studio (SMD007 reports nothing about it).
constexpr std::string_view kDomain = R"({
  "DomainArn": "arn:aws:sagemaker:eu-west-1:111122223333:domain/d-1",
  "DomainId": "d-1",
  "DomainName": "research-sandbox",
  "AuthMode": "SSO",
  "AppNetworkAccessType": "PublicInternetOnly",
  "DefaultUserSettings": {"DefaultLandingUri": "studio::"}
})";

std::string profile(std::string_view name, std::string_view tags) {
  return R"({"DomainId": "d-1", "UserProfileName": ")" + std::string(name) +
         R"(", "UserSettings": {"DefaultLandingUri": "studio::"}, "Tags": [)" + std::string(tags) + "]}";
}

// A configuration read from text, so that its waivers have real positions; it must outlive
// the findings.
Config config_of(std::string_view text) {
  ConfigLoad load = parse_config(".sagelint.json", std::string(text), all_rules());
  const std::string first_error = load.errors.empty() ? std::string() : load.errors.front();
  REQUIRE_MESSAGE(load.config.has_value(), first_error);
  return std::move(*load.config);
}

RunOptions options_of(const Config& config) {
  RunOptions options;
  options.catalog = all_rules();
  options.settings = config.settings;
  options.waivers = config.waivers;
  options.as_of = Date{2026, 6, 1};
  return options;
}

// "line:col: message\n" of every finding of the rule.
std::string reported(const LintResult& result, std::string_view rule_id) {
  std::string lines;
  for (const Finding* finding : findings_of(result, rule_id)) {
    const Position at = finding->location.file->position(finding->location.begin);
    lines += std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + finding->message + "\n";
  }
  return lines;
}

std::string waivers(std::string_view entries) { return "{\n  \"waivers\": [\n" + std::string(entries) + "\n  ]\n}\n"; }

}  // namespace

TEST_CASE("an unused waiver is reported at its rule when the run read the resources it matches") {
  TempDir dir;
  const Config config = config_of(waivers(
      R"(    {"rule": "SMD007", "resource": "jdoe", "reason": "reports still need Classic, ML-881"},
    {"rule": "SMD015", "resource": "research-*", "reason": "public datasets only, SEC-1187"})"));
  const LintResult result = lint_files(dir, {{"d.json", std::string(kDomain)}, {"p.json", profile("jdoe", "")}},
                                       options_of(config));
  // The SMD015 waiver justifies the domain's finding; the SMD007 one justifies nothing.
  CHECK(findings_of(result, "SMD015").front()->suppressed);
  CHECK(reported(result, "SMD037") ==
        "3:14: the waiver of SMD007 for 'jdoe' justifies nothing: it matches user profile 'jdoe', but no finding "
        "about it; remove it\n");
  const Finding* unused = findings_of(result, "SMD037").front();
  CHECK(unused->location.file->path() == ".sagelint.json");
  CHECK(unused->subject == nullptr);
  CHECK(unused->level == Level::warning);
}

TEST_CASE("an unused waiver is not reported when the run cannot show it is unused") {
  TempDir dir;
  SUBCASE("it matches no resource of the run and names no file") {
    const Config config = config_of(
        waivers(R"(    {"rule": "SMD007", "resource": "someone-else", "reason": "reports still need Classic, ML-881"})"));
    const LintResult result = lint_files(dir, {{"d.json", std::string(kDomain)}}, options_of(config));
    CHECK(findings_of(result, "SMD037").empty());
  }
  SUBCASE("it names a file the run did not read") {
    const Config config = config_of(waivers(
        R"(    {"rule": "SMD015", "resource": "infra/other.yaml#Domain", "reason": "public datasets, SEC-1187"})"));
    const LintResult result = lint_files(dir, {{"d.json", std::string(kDomain)}}, options_of(config));
    CHECK(findings_of(result, "SMD037").empty());
  }
  SUBCASE("the rule it names did not run") {
    const Config config = config_of(
        waivers(R"(    {"rule": "SMD007", "resource": "jdoe", "reason": "reports still need Classic, ML-881"})"));
    std::vector<const Rule*> rules;
    for (const Rule* rule : all_rules()) {
      if (rule->info.id != "SMD007") rules.push_back(rule);
    }
    const std::vector<std::string> paths{dir.write("d.json", kDomain), dir.write("p.json", profile("jdoe", ""))};
    const LintResult result = lint(paths, rules, options_of(config));
    CHECK(findings_of(result, "SMD037").empty());
    CHECK(findings_of(result, "SMD036").empty());  // a rule not selected is still a rule
  }
  SUBCASE("the profile's domain is not among the inputs") {
    const Config config = config_of(
        waivers(R"(    {"rule": "SMD007", "resource": "jdoe", "reason": "reports still need Classic, ML-881"})"));
    const LintResult result = lint_files(dir, {{"p.json", profile("jdoe", "")}}, options_of(config));
    CHECK(findings_of(result, "SMD037").empty());
  }
}

TEST_CASE("a waiver for a file#logical id that the file no longer defines is unused") {
  TempDir dir;
  const std::string stack = R"(Resources:
  StudioDomain:
    Type: AWS::SageMaker::Domain
    Properties:
      DomainName: research-sandbox
      AuthMode: SSO
      AppNetworkAccessType: VpcOnly
      SubnetIds: [subnet-1]
      VpcId: vpc-1
)";
  const Config config = config_of(waivers(
      R"(    {"rule": "SMD015", "resource": "*stack.yaml#SandboxDomain", "reason": "public datasets, SEC-1187"})"));
  const LintResult result = lint_files(dir, {{"stack.yaml", stack}}, options_of(config));
  CHECK(reported(result, "SMD037") == "3:14: the waiver of SMD015 for '*stack.yaml#SandboxDomain' justifies nothing: "
                                      "no resource of " + dir.file("stack.yaml") + " matches it; remove it\n");
}

TEST_CASE("a justification beside a resource is unused when its rule judged the resource and reported nothing") {
  TempDir dir;
  const std::string justify_classic =
      R"({"Key": "sagelint:justify:SMD007", "Value": "reports still need Classic, ML-881"})";
  SUBCASE("reported at the tag's key") {
    const LintResult result = lint_files(
        dir, {{"d.json", std::string(kDomain)}, {"p.json", profile("jdoe", justify_classic)}}, options_of(Config{}));
    CHECK(reported(result, "SMD037") ==
          "1:116: tag 'sagelint:justify:SMD007' of user profile 'jdoe' justifies nothing: SMD007 reports nothing "
          "about user profile 'jdoe'; remove it\n");
  }
  SUBCASE("a rule that does not judge that kind of resource") {
    const LintResult result = lint_files(
        dir,
        {{"d.json", std::string(kDomain)},
         {"p.json", profile("jdoe", R"({"Key": "sagelint:justify:SMD015", "Value": "public datasets, SEC-1187"})")}},
        options_of(Config{}));
    CHECK(reported(result, "SMD037").ends_with("justifies nothing: SMD015 judges domains, not user profiles; remove "
                                               "it\n"));
  }
  SUBCASE("not when the rule could not judge the resource") {
    // The domain's landing page is a template parameter without a default: unknown.
    const std::string stack = R"(Parameters:
  Landing:
    Type: String
Resources:
  StudioDomain:
    Type: AWS::SageMaker::Domain
    Metadata:
      sagelint:
        justify:
          SMD007: "reports still need Classic, ML-881"
    Properties:
      DomainName: research-sandbox
      AuthMode: SSO
      AppNetworkAccessType: VpcOnly
      DefaultUserSettings:
        DefaultLandingUri: !Ref Landing
)";
    const LintResult result = lint_files(dir, {{"stack.yaml", stack}}, options_of(Config{}));
    REQUIRE(findings_of(result, "SMD007").size() == 1);
    CHECK(findings_of(result, "SMD007").front()->not_evaluable);
    CHECK(findings_of(result, "SMD037").empty());
  }
}

TEST_CASE("a waiver or justification that names no rule is reported where it names it") {
  TempDir dir;
  const Config config = config_of(waivers(
      R"(    {"rule": "vpc-only-networks", "resource": "research-*", "reason": "public datasets only, SEC-1187"})"));
  const LintResult result = lint_files(
      dir,
      {{"d.json", std::string(kDomain)},
       {"p.json", profile("jdoe", R"({"Key": "sagelint:justify:profile-name-not-generic", "Value": "break-glass profile"})")}},
      options_of(config));
  CHECK(reported(result, "SMD036") ==
        "3:14: the waiver of vpc-only-networks for 'research-*' names no rule: 'vpc-only-networks' is not a rule id, "
        "a rule name or the start of an id, so it justifies nothing; `sagelint rules` lists the ids\n"
        "1:116: tag 'sagelint:justify:profile-name-not-generic' of user profile 'jdoe' names no rule: "
        "'profile-name-not-generic' is not the id of a rule; write 'SMD003' (profile-name-not-generic)\n");
  CHECK(findings_of(result, "SMD037").empty());  // unknown is reported once, as unknown
  CHECK_FALSE(findings_of(result, "SMD015").front()->suppressed);
}

TEST_CASE("an expired waiver is reported at its date, the day after it expires") {
  TempDir dir;
  const Config config = config_of(waivers(R"(    {"rule": "SMD015", "resource": "research-*",
     "reason": "public datasets only, SEC-1187", "owner": "jdoe",
     "expires": "2026-05-31"})"));
  RunOptions options = options_of(config);
  options.as_of = Date{2026, 5, 31};
  CHECK(findings_of(lint_files(dir, {{"d.json", std::string(kDomain)}}, options), "SMD035").empty());
  options.as_of = Date{2026, 6, 1};
  const LintResult result = lint_files(dir, {{"d.json", std::string(kDomain)}}, options);
  CHECK(reported(result, "SMD035") ==
        "5:17: the waiver of SMD015 for 'research-*' expired on 2026-05-31 (owner: jdoe), so what it justified is "
        "reported again; renew it with a new date, or remove it\n");
  CHECK(findings_of(result, "SMD037").empty());  // it still matches the finding
}

TEST_CASE("require_justification_owner rejects justifications and waivers that name no owner") {
  TempDir dir;
  Config config = config_of(R"({"require_justification_owner": true, "waivers": [
  {"rule": "SMD015", "resource": "research-*", "reason": "public datasets only, SEC-1187"}
]})");
  const std::string owned = R"({"Key": "sagelint:justify:SMD003", "Value": "break-glass profile owner=platform-team"})";
  const std::string unowned = R"({"Key": "sagelint:justify:SMD003", "Value": "break-glass profile for incidents"})";
  const LintResult result = lint_files(
      dir, {{"d.json", std::string(kDomain)}, {"a.json", profile("admin", owned)}, {"b.json", profile("test", unowned)}},
      options_of(config));
  const auto generic = findings_of(result, "SMD003");
  REQUIRE(generic.size() == 2);
  CHECK(generic[0]->suppressed);
  CHECK(generic[0]->justification.reason == "break-glass profile");
  CHECK(generic[0]->justification.owner == "platform-team");
  CHECK_FALSE(generic[1]->suppressed);
  CHECK_FALSE(findings_of(result, "SMD015").front()->suppressed);
  const std::string lines = reported(result, "SMD038");
  CHECK(lines.starts_with("2:3: the waiver of SMD015 for 'research-*' is not accepted: it names no owner, which the "
                          "configuration requires (require_justification_owner); give the waiver an 'owner'\n"));
  CHECK(lines.ends_with("tag 'sagelint:justify:SMD003' of user profile 'test' is not accepted: it names no owner, "
                           "which the configuration requires (require_justification_owner); add owner=NAME\n"));
}

TEST_CASE("findings of the justification rules are not themselves justified") {
  TempDir dir;
  const std::string tags = R"({"Key": "sagelint:justify:SMD099", "Value": "an id from another tool"},
                              {"Key": "sagelint:justify:SMD036", "Value": "we know, leave it alone please"})";
  const LintResult result =
      lint_files(dir, {{"d.json", std::string(kDomain)}, {"p.json", profile("jdoe", tags)}}, options_of(Config{}));
  const auto unknown = findings_of(result, "SMD036");
  REQUIRE(unknown.size() == 1);
  CHECK_FALSE(unknown.front()->suppressed);
}
