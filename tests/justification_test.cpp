// Justifications: `sagelint:justify:<RULE-ID>` tags that turn a finding into a suppressed one.
#include <doctest/doctest.h>

#include "sagelint/justification.hpp"
#include "test_support.hpp"

using namespace sagelint;
using namespace sagelint::testing;

TEST_CASE("a justification is a reason with an optional expiry date") {
  SUBCASE("reason only") {
    const Justification j = parse_justification("break-glass profile for incident response");
    CHECK(j.problem.empty());
    CHECK(j.reason == "break-glass profile for incident response");
    CHECK_FALSE(j.expires.has_value());
  }
  SUBCASE("reason and expiry, in either order") {
    for (std::string_view text : {"migration to Studio in Q3; expires=2026-09-30", "expires=2026-09-30 migration to Studio in Q3"}) {
      CAPTURE(text);
      const Justification j = parse_justification(text);
      CHECK(j.problem.empty());
      CHECK(j.reason == "migration to Studio in Q3");
      REQUIRE(j.expires.has_value());
      CHECK(*j.expires == Date{2026, 9, 30});
    }
  }
  SUBCASE("a reason shorter than ten characters is not accepted") {
    CHECK(parse_justification("legacy").problem == "its reason 'legacy' is shorter than 10 characters");
    CHECK(parse_justification("legacy;expires=2030-01-01").problem ==
          "its reason 'legacy' is shorter than 10 characters");
    CHECK_FALSE(parse_justification("0123456789").problem.size());
  }
  SUBCASE("characters, not bytes, are counted") {
    CHECK_FALSE(parse_justification("ééééééééé").problem.empty());  // 9 characters, 18 bytes
    CHECK(parse_justification("éééééééééé").problem.empty());
  }
  SUBCASE("an expiry that is not a date is not accepted") {
    CHECK(parse_justification("waiting for the port; expires=2026-02-30").problem ==
          "its expiry '2026-02-30' is not a date of the form YYYY-MM-DD");
    CHECK(parse_justification("waiting for the port; expires=soon").problem ==
          "its expiry 'soon' is not a date of the form YYYY-MM-DD");
  }
}

namespace {

// A domain that breaks SMD015 (public internet) and SMD007 (Classic landing), with tags.
std::string domain_with_tags(std::string_view tags) {
  return R"({"DomainId": "d-1", "DomainName": "ml-platform", "AuthMode": "IAM",
  "DefaultUserSettings": {"DefaultLandingUri": "app:JupyterServer:"},
  "AppNetworkAccessType": "PublicInternetOnly",
  "Tags": [)" + std::string(tags) + "]}";
}

RunOptions on(Date day) {
  RunOptions options;
  options.as_of = day;
  return options;
}

}  // namespace

TEST_CASE("a valid justification suppresses the finding of its rule on its resource") {
  TempDir dir;
  const LintResult result = lint_files(
      dir, {{"d.json", domain_with_tags(R"({"Key": "sagelint:justify:SMD007", "Value": "reports need Classic until ML-881 ships; expires=2026-12-31"})")}},
      on(Date{2026, 6, 1}));
  const auto classic = findings_of(result, "SMD007");
  REQUIRE(classic.size() == 1);
  CHECK(classic[0]->suppressed);
  CHECK(justification_text(classic[0]->justification) == "reports need Classic until ML-881 ships (expires 2026-12-31)");
  const auto network = findings_of(result, "SMD015");
  REQUIRE(network.size() == 1);
  CHECK_FALSE(network[0]->suppressed);  // a justification covers one rule only
  CHECK(count_findings(result.findings).suppressed == 1);
}

TEST_CASE("an expired justification does not suppress, and the message says when it expired") {
  TempDir dir;
  const std::string tags = R"({"Key": "sagelint:justify:SMD007", "Value": "reports need Classic; expires=2026-05-31"})";
  SUBCASE("the day after") {
    const LintResult result = lint_files(dir, {{"d.json", domain_with_tags(tags)}}, on(Date{2026, 6, 1}));
    const auto classic = findings_of(result, "SMD007");
    REQUIRE(classic.size() == 1);
    CHECK_FALSE(classic[0]->suppressed);
    CHECK(classic[0]->message.ends_with(
        "; the justification in tag 'sagelint:justify:SMD007' is not accepted: it expired on 2026-05-31"));
  }
  SUBCASE("on the day itself it still holds") {
    const LintResult result = lint_files(dir, {{"d.json", domain_with_tags(tags)}}, on(Date{2026, 5, 31}));
    CHECK(findings_of(result, "SMD007")[0]->suppressed);
  }
}

TEST_CASE("a short justification does not suppress") {
  TempDir dir;
  const LintResult result = lint_files(
      dir, {{"d.json", domain_with_tags(R"({"Key": "sagelint:justify:SMD007", "Value": "legacy"})")}}, on(Date{2026, 6, 1}));
  const auto classic = findings_of(result, "SMD007");
  REQUIRE(classic.size() == 1);
  CHECK_FALSE(classic[0]->suppressed);
  CHECK(classic[0]->message.ends_with("is not accepted: its reason 'legacy' is shorter than 10 characters"));
}

TEST_CASE("rules that cannot be justified, or not in production, say so instead of suppressing") {
  TempDir dir;
  SUBCASE("outside production a SMD015 justification is accepted") {
    const LintResult result = lint_files(
        dir, {{"d.json", domain_with_tags(R"({"Key": "sagelint:justify:SMD015", "Value": "public demo data only"})")}});
    CHECK(findings_of(result, "SMD015")[0]->suppressed);
  }
  SUBCASE("in production it is not") {
    const LintResult result = lint_files(
        dir, {{"d.json", domain_with_tags(R"({"Key": "sagelint:justify:SMD015", "Value": "public demo data only"},
                                              {"Key": "Environment", "Value": "production"})")}});
    const auto network = findings_of(result, "SMD015");
    REQUIRE(network.size() == 1);
    CHECK_FALSE(network[0]->suppressed);
    CHECK(network[0]->level == Level::error);
    CHECK(network[0]->message.ends_with("is not accepted: this rule cannot be justified in production"));
  }
  SUBCASE("SMD033 cannot be justified at all") {
    const LintResult result = lint_files(dir, {{"d.json", R"({"DomainId": "d-1", "DomainName": "ml_platform",
      "Tags": [{"Key": "sagelint:justify:SMD033", "Value": "we like underscores very much"}]})"}});
    const auto names = findings_of(result, "SMD033");
    REQUIRE(names.size() == 1);
    CHECK_FALSE(names[0]->suppressed);
    CHECK(names[0]->message.ends_with("is not accepted: this rule cannot be justified"));
  }
}

TEST_CASE("production comes from the resource's tag, then its domain's, then --env") {
  TempDir dir;
  const std::string domain = R"({"DomainId": "d-1", "DomainName": "a", "AuthMode": "IAM", "DefaultUserSettings": {}})";
  SUBCASE("no tag and no --env: not production") {
    const LintResult result = lint_files(dir, {{"d.json", domain}});
    CHECK(findings_of(result, "SMD015")[0]->level == Level::warning);
  }
  SUBCASE("--env prod") {
    RunOptions options;
    options.settings.env.fallback = Environment::production;
    const LintResult result = lint_files(dir, {{"d.json", domain}}, options);
    CHECK(findings_of(result, "SMD015")[0]->level == Level::error);
  }
  SUBCASE("a tag overrides --env") {
    RunOptions options;
    options.settings.env.fallback = Environment::production;
    const LintResult result = lint_files(
        dir, {{"d.json", R"({"DomainId": "d-1", "DomainName": "a", "DefaultUserSettings": {},
                             "Tags": [{"Key": "ENV", "Value": "staging"}]})"}},
        options);
    CHECK(findings_of(result, "SMD015")[0]->level == Level::warning);
  }
  SUBCASE("tag keys and values in any case") {
    for (std::string_view tag : {R"({"Key": "environment", "Value": "PRD"})", R"({"Key": "Stage", "Value": "Production"})"}) {
      CAPTURE(tag);
      const LintResult result = lint_files(
          dir, {{"d.json", R"({"DomainId": "d-1", "DomainName": "a", "DefaultUserSettings": {}, "Tags": [)" + std::string(tag) + "]}"}});
      CHECK(findings_of(result, "SMD015")[0]->level == Level::error);
    }
  }
}
