// CI formats: JUnit XML (a test case per rule and resource) and GitHub workflow annotations.
#include <doctest/doctest.h>

#include <algorithm>

#include "sagelint/ci_report.hpp"
#include "test_support.hpp"

using namespace sagelint;
using namespace sagelint::testing;

namespace {

// SMD015 fails the domain; its SMD007 finding is justified; SMD003 finds nothing.
constexpr std::string_view kDomain = R"({"DomainId": "d-1", "DomainName": "ml-platform", "AuthMode": "SSO",
  "AppNetworkAccessType": "PublicInternetOnly",
  "DefaultUserSettings": {"DefaultLandingUri": "app:JupyterServer:"},
  "Tags": [{"Key": "sagelint:justify:SMD007", "Value": "reports need Classic until ML-881"}]})";

LintResult lint_with(const TempDir& dir, std::string_view domain, std::vector<std::string_view> rule_ids) {
  std::vector<const Rule*> rules;
  for (const Rule* rule : all_rules()) {
    if (std::find(rule_ids.begin(), rule_ids.end(), rule->info.id) != rule_ids.end()) rules.push_back(rule);
  }
  const std::vector<std::string> paths{dir.write("d.json", domain)};
  return lint(paths, rules, RunOptions{});
}

}  // namespace

TEST_CASE("JUnit has a test case per rule and resource, failed, skipped when justified, passed otherwise") {
  TempDir dir;
  const std::string xml = junit_report(lint_with(dir, kDomain, {"SMD003", "SMD007", "SMD015"}), Level::warning);
  CHECK(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"sagelint\" tests=\"3\" "
                        "failures=\"1\" errors=\"0\" skipped=\"1\""));
  // SMD003 judges user profiles, and there is none: one passing case for the inputs.
  CHECK(xml.find("<testsuite name=\"SMD003 profile-name-not-generic\" tests=\"1\" failures=\"0\" errors=\"0\" "
                 "skipped=\"0\" time=\"0\">\n    <testcase classname=\"sagelint.SMD003\" name=\"every input\" "
                 "time=\"0\"/>") != std::string::npos);
  CHECK(xml.find("<testsuite name=\"SMD007 default-landing-studio\" tests=\"1\" failures=\"0\" errors=\"0\" "
                 "skipped=\"1\"") != std::string::npos);
  CHECK(xml.find("<skipped message=\"justified: reports need Classic until ML-881\"/>") != std::string::npos);
  CHECK(xml.find("<testsuite name=\"SMD015 vpc-only-network\" tests=\"1\" failures=\"1\"") != std::string::npos);
  CHECK(xml.find("<failure type=\"warning\" message=\"domain &#39;ml-platform&#39; sends Studio traffic") !=
        std::string::npos);
  // Below the fail level, a finding is output, not a failure.
  const std::string lenient = junit_report(lint_with(dir, kDomain, {"SMD015"}), Level::error);
  CHECK(lenient.find("failures=\"0\"") != std::string::npos);
  CHECK(lenient.find("<system-out>") != std::string::npos);
}

TEST_CASE("JUnit escapes names and keeps control characters out of the XML") {
  TempDir dir;
  const std::string xml = junit_report(
      lint_with(dir, "{\"DomainId\": \"d-1\", \"DomainName\": \"a<b>&\\u0001c\", \"AppNetworkAccessType\": "
                     "\"PublicInternetOnly\"}",
                {"SMD015"}),
      Level::warning);
  CHECK(xml.find("a&lt;b&gt;&amp;\\x01c") != std::string::npos);
  CHECK(xml.find('\x01') == std::string::npos);
}

TEST_CASE("GitHub annotations name file, line, columns and rule, escaped as workflow commands require") {
  TempDir dir;
  const LintResult result = lint_with(
      dir, "{\"DomainId\": \"d-1\", \"DomainName\": \"100%,\\nx: y\", \"AppNetworkAccessType\": \"PublicInternetOnly\"}",
      {"SMD015"});
  const std::string annotations = github_report(result);
  CHECK(annotations == "::warning file=" + dir.file("d.json") +
                           ",line=1,col=74,endLine=1,endColumn=93,title=SMD015 vpc-only-network::domain '100%25,\\x0ax: "
                           "y' sends Studio traffic through the public internet (AppNetworkAccessType is "
                           "'PublicInternetOnly'); expected 'VpcOnly'\n");
  CHECK(github_report(lint_with(dir, kDomain, {"SMD007"})).empty());  // justified: no annotation
}
