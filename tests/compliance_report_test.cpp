// The compliance report: the profile-by-practice assessment, the exceptions in force, escaping
// of everything that comes from the inputs, and the same bytes for the same inputs and date.
#include <doctest/doctest.h>

#include <filesystem>

#include "sagelint/compliance.hpp"
#include "sagelint/compliance_report.hpp"
#include "sagelint/markup.hpp"
#include "sagelint/text.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace sagelint;
using namespace sagelint::testing;

namespace {

constexpr Date kReportDay{2026, 11, 28};

RunOptions on_report_day() {
  RunOptions options;
  options.as_of = kReportDay;
  return options;
}

ReportScope scope_of(std::vector<std::string> inputs) {
  ReportScope scope;
  scope.date = kReportDay;
  scope.inputs = std::move(inputs);
  return scope;
}

size_t practice_index(std::string_view title) {
  const auto practices = headline_practices();
  for (size_t p = 0; p < practices.size(); ++p) {
    if (practices[p].title == title) return p;
  }
  FAIL("no practice " << title);
  return 0;
}

const ProfileRow& row_of(const Compliance& compliance, std::string_view profile) {
  for (const DomainCompliance& domain : compliance.domains) {
    for (const ProfileRow& row : domain.profiles) {
      if (row.resource->display_name() == profile) return row;
    }
  }
  FAIL("no profile " << profile);
  return compliance.domains.front().profiles.front();
}

// A domain that lands in Classic by default, a profile that inherits it, one that overrides
// it, and one whose Classic landing is justified.
constexpr std::string_view kDomain = R"({"DomainId": "d-1", "DomainName": "ml-platform", "AuthMode": "SSO",
  "AppNetworkAccessType": "VpcOnly", "SubnetIds": ["subnet-1"],
  "DefaultUserSettings": {"DefaultLandingUri": "app:JupyterServer:", "ExecutionRole": "arn:aws:iam::1:role/r"}})";

std::string profile(std::string_view name, std::string_view settings, std::string_view tags = "") {
  return R"({"DomainId": "d-1", "UserProfileName": ")" + std::string(name) + R"(", "UserSettings": {)" +
         std::string(settings) + R"(}, "Tags": [)" + std::string(tags) + "]}";
}

}  // namespace

TEST_CASE("markup escaping shows text from the inputs as text") {
  CHECK(html_escaped("<img src=x onerror=alert(1)> & \"'") == "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;&#39;");
  CHECK(markdown_escaped("*a* [b](c) | <d> `e` _f_ #g ~h~ &i; !j") ==
        "\\*a\\* \\[b\\](c) \\| \\<d\\> \\`e\\` \\_f\\_ \\#g \\~h\\~ \\&i; \\!j");
  CHECK(markdown_escaped("see http://x.example and www.y.example, not a:b") ==
        "see http\\://x.example and www\\.y.example, not a:b");
  CHECK(markdown_escaped("two\nlines") == "two\\x0alines");
  for (const auto& escape : {&printable, &html_escaped, &markdown_escaped}) {
    CHECK((*escape)("\x1b[31mred\x1b[0m") .find('\x1b') == std::string::npos);
    CHECK((*escape)("bell\a, del\x7f, csi\xc2\x9b, tab\tok") .find_first_of("\a\x7f") == std::string::npos);
  }
  CHECK(printable("\x1b[31mred") == "\\x1b[31mred");
  CHECK(printable("csi\xc2\x9b") == "csi\\u009b");
  CHECK(printable("bad \xff byte") == "bad \xEF\xBF\xBD byte");
  CHECK(printable("tab and é stay\t") == "tab and é stay\t");
  CHECK(printable("a line\nfile.yaml:1:1: error: forged\r") == "a line\\x0afile.yaml:1:1: error: forged\\x0d");
  CHECK(quoted("shared-space\n") == "'shared-space\\x0a'");
}

TEST_CASE("each profile is judged against the practices, with the domain defaults it inherits") {
  TempDir dir;
  const LintResult result = lint_files(
      dir,
      {{"d.json", std::string(kDomain)},
       {"inherits.json", profile("asmith", "")},
       {"overrides.json", profile("bjones", R"("DefaultLandingUri": "studio::")")},
       {"justified.json",
        profile("cwu", R"("DefaultLandingUri": "app:JupyterServer:")",
                R"({"Key": "sagelint:justify:SMD007", "Value": "reports need Classic until ML-881 expires=2026-12-15"})")}},
      on_report_day());
  const Compliance compliance = assess_compliance(result, Settings::defaults());
  const size_t studio = practice_index("Studio, not Classic");
  REQUIRE(compliance.domains.size() == 1);
  const DomainCompliance& domain = compliance.domains.front();
  CHECK(domain.defaults.cells[studio].state == PracticeState::broken);

  const PracticeCell& inherited = row_of(compliance, "asmith").cells[studio];
  CHECK(inherited.state == PracticeState::broken);
  CHECK(inherited.inherited);
  REQUIRE_FALSE(inherited.findings.empty());
  CHECK(result.findings[inherited.findings.front()].subject == &result.model.domains.front());

  // bjones sets its own landing page: the domain's SMD007 is not its problem; SMD009 (Classic
  // shown in the UI) it still inherits.
  const PracticeCell& overridden = row_of(compliance, "bjones").cells[studio];
  for (size_t k : overridden.findings) CHECK(result.findings[k].rule->id != "SMD007");

  CHECK(row_of(compliance, "cwu").cells[practice_index("Personal name")].state == PracticeState::holds);
  REQUIRE(compliance.exceptions.size() == 1);
  const Finding& exception = result.findings[compliance.exceptions.front()];
  CHECK(exception.rule->id == "SMD007");
  CHECK(exception.justification.expires == Date{2026, 12, 15});
  CHECK(expires_within(*exception.justification.expires, kReportDay, kExpiringSoonDays));
  CHECK_FALSE(expires_within(Date{2027, 1, 1}, kReportDay, kExpiringSoonDays));
}

TEST_CASE("a practice whose rules did not run is not evaluated, one its rules cannot check is unknown") {
  TempDir dir;
  std::vector<const Rule*> rules;
  for (const Rule* rule : all_rules()) {
    if (!rule->info.id.starts_with("SMD02")) rules.push_back(rule);  // no idle shutdown, no execution role
  }
  const std::vector<std::string> paths{dir.write("p.json", profile("dlee", ""))};  // its domain is missing
  const LintResult result = lint(paths, rules, on_report_day());
  const Compliance compliance = assess_compliance(result, Settings::defaults());
  REQUIRE(compliance.domains.size() == 1);
  CHECK(compliance.domains.front().domain == nullptr);
  const ProfileRow& row = row_of(compliance, "dlee");
  CHECK(row.cells[practice_index("Idle shutdown")].state == PracticeState::not_evaluated);
  CHECK(row.cells[practice_index("Studio, not Classic")].state == PracticeState::unknown);
}

TEST_CASE("reports escape names, tag values and justifications from the inputs") {
  const std::vector<std::string> paths{"fixtures/report/hostile.json"};
  const LintResult result = lint(paths, all_rules(), on_report_day());
  const std::string html = html_compliance_report(result, scope_of(paths));
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<b>tag</b>") == std::string::npos);
  CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(html.find('\x1b') == std::string::npos);
  CHECK(html.find("\\x1b[31mred\\x1b[0m") != std::string::npos);  // the owner, shown as text

  const std::string markdown = markdown_compliance_report(result, scope_of(paths));
  for (size_t at = markdown.find('<'); at != std::string::npos; at = markdown.find('<', at + 1)) {
    CHECK_MESSAGE(markdown[at - 1] == '\\', "an unescaped '<' at " << at);  // raw HTML needs one
  }
  CHECK(markdown.find("\\<img src=x onerror=alert(1)\\>") != std::string::npos);
  CHECK(markdown.find("\\*bold\\* \\[link\\](http\\://evil.example) \\| pipe \\& \\<b\\>tag\\</b\\>") !=
        std::string::npos);
  CHECK(markdown.find('\x1b') == std::string::npos);
}

TEST_CASE("the same inputs and date give the same report bytes") {
  const std::vector<std::string> paths{"fixtures/sample"};
  const std::string first = html_compliance_report(lint(paths, all_rules(), on_report_day()), scope_of(paths));
  const std::string second = html_compliance_report(lint(paths, all_rules(), on_report_day()), scope_of(paths));
  CHECK(first == second);
  CHECK(first.find("2026-11-28") != std::string::npos);
  const std::string markdown = markdown_compliance_report(lint(paths, all_rules(), on_report_day()), scope_of(paths));
  CHECK(markdown == markdown_compliance_report(lint(paths, all_rules(), on_report_day()), scope_of(paths)));
}

TEST_CASE("reports of every fixture directory and of the corpus are generated, every link resolves") {
  const std::vector<std::string> inputs{"fixtures", (fs::path(SAGELINT_SHARED_DIR) / "corpus").string()};
  for (const std::string& input : inputs) {
    CAPTURE(input);
    const std::vector<std::string> paths{input};
    const LintResult result = lint(paths, all_rules(), on_report_day());
    const std::string html = html_compliance_report(result, scope_of(paths));
    // Every in-page link names an element that exists.
    size_t links = 0;
    for (size_t at = html.find("href=\"#"); at != std::string::npos; at = html.find("href=\"#", at + 1)) {
      const size_t end = html.find('"', at + 7);
      const std::string id = html.substr(at + 7, end - at - 7);
      ++links;
      if (html.find("id=\"" + id + "\"") == std::string::npos) FAIL_CHECK("no element " << id);
    }
    CHECK(links > 0);
    CHECK(html.ends_with("</html>\n"));
    const std::string markdown = markdown_compliance_report(result, scope_of(paths));
    CHECK(markdown.find("## Exceptions in force") != std::string::npos);
  }
}

TEST_CASE("the Markdown excerpt in docs/reports.md is the sample's report as it is now") {
  const std::vector<std::string> paths{"fixtures/sample"};
  std::string report = markdown_compliance_report(lint(paths, all_rules(), on_report_day()), scope_of(paths));
  // The excerpt leaves out the links: "[✗ F5](#findings-of-domain-2)" shows as "✗ F5".
  for (std::string_view link_start : {"[✗", "[?"}) {
    for (size_t open = report.find(link_start); open != std::string::npos; open = report.find(link_start, open)) {
      const size_t close = report.find("](#", open);
      const size_t end = report.find(')', close);
      report = report.substr(0, open) + report.substr(open + 1, close - open - 1) + report.substr(end + 1);
    }
  }
  const std::string docs = read_file(fs::path(SAGELINT_SOURCE_DIR) / "docs" / "reports.md");
  size_t excerpt_lines = 0;
  size_t at = 0;
  while ((at = docs.find("\n> ", at)) != std::string::npos) {
    const size_t end = docs.find('\n', at + 1);
    const std::string line = docs.substr(at + 3, end - at - 3);
    at = end;
    if (line.empty()) continue;
    ++excerpt_lines;
    CHECK_MESSAGE(report.find(line + "\n") != std::string::npos, "docs/reports.md has a line the report lacks: " << line);
  }
  CHECK(excerpt_lines >= 8);
}
