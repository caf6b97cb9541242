#include <algorithm>
#include <map>

#include "sagelint/ci_report.hpp"
#include "sagelint/markup.hpp"

namespace sagelint {
namespace {

// XML text and attribute values: the HTML escapes are XML's too, and `printable` keeps out the
// control characters XML 1.0 does not allow.
std::string xml(std::string_view text) { return html_escaped(text); }

std::string place(const Location& at) {
  if (at.file == nullptr) return "sagelint";
  const Position begin = at.file->position(at.begin);
  return at.file->path() + ":" + std::to_string(begin.line) + ":" + std::to_string(begin.column);
}

// One test case: a rule judging one resource, or the inputs of one file.
struct TestCase {
  std::string name;
  Location at;
  std::vector<const Finding*> findings;
};

bool applies(const RuleInfo& rule, ResourceKind kind) {
  switch (kind) {
    case ResourceKind::domain: return (rule.applies_to & kAppliesToDomain) != 0;
    case ResourceKind::user_profile: return (rule.applies_to & kAppliesToUserProfile) != 0;
    case ResourceKind::space: return (rule.applies_to & kAppliesToSpace) != 0;
  }
  return false;
}

// The rule's test cases: the resources it applies to, in the model's order, then one per file
// for findings about no such resource (input problems, justifications, waivers).
std::vector<TestCase> test_cases(const RuleInfo& rule, const Model& model, std::span<const Finding* const> findings) {
  std::vector<TestCase> cases;
  std::map<const Resource*, size_t> by_resource;
  const auto add = [&](const Resource& resource) {
    if (!applies(rule, resource.kind)) return;
    by_resource.emplace(&resource, cases.size());
    cases.push_back(TestCase{resource.description(), resource.root.location(), {}});
  };
  for (const Domain& domain : model.domains) add(domain);
  for (const UserProfile& profile : model.profiles) add(profile);
  for (const Space& space : model.spaces) add(space);
  std::map<std::string, size_t> by_file;
  for (const Finding* finding : findings) {
    const auto resource = by_resource.find(finding->subject);
    if (resource != by_resource.end()) {
      cases[resource->second].findings.push_back(finding);
      continue;
    }
    const std::string file = finding->location.file ? finding->location.file->path() : std::string("sagelint");
    const auto [it, added] = by_file.emplace(file, cases.size());
    if (added) cases.push_back(TestCase{file, finding->location, {}});
    cases[it->second].findings.push_back(finding);
  }
  if (cases.empty()) cases.push_back(TestCase{"every input", {}, {}});
  return cases;
}

struct CaseOutcome {
  std::vector<const Finding*> failing;  // open, at or above the fail level
  std::vector<const Finding*> other;    // open below it, justified, not evaluable
  bool skipped = false;                 // nothing failing, nothing open: justified or not checkable
  std::string skip_reason;
};

CaseOutcome outcome_of(const TestCase& test, std::optional<Level> fail_level) {
  CaseOutcome outcome;
  bool open = false;
  for (const Finding* finding : test.findings) {
    const bool judged = !finding->suppressed && !finding->not_evaluable;
    if (judged && fail_level && finding->level >= *fail_level) {
      outcome.failing.push_back(finding);
    } else {
      outcome.other.push_back(finding);
    }
    open |= judged;
  }
  if (outcome.failing.empty() && !open && !test.findings.empty()) {
    outcome.skipped = true;
    const Finding& first = *test.findings.front();
    outcome.skip_reason = first.suppressed ? "justified: " + justification_text(first.justification) : first.message;
  }
  return outcome;
}

std::string line_of(const Finding& finding) {
  std::string line = place(finding.location) + ": " + std::string(to_string(finding.level)) + ": " + finding.message;
  if (finding.suppressed) line += " (justified: " + justification_text(finding.justification) + ")";
  return line + "\n";
}

}  // namespace

std::string junit_report(const LintResult& result, std::optional<Level> fail_level) {
  std::vector<const Rule*> rules = result.rules;
  std::sort(rules.begin(), rules.end(), [](const Rule* a, const Rule* b) { return a->info.id < b->info.id; });
  std::map<std::string_view, std::vector<const Finding*>> by_rule;
  for (const Finding& finding : result.findings) by_rule[finding.rule->id].push_back(&finding);

  std::string suites;
  size_t tests = 0, failures = 0, skipped = 0;
  for (const Rule* rule : rules) {
    const RuleInfo& info = rule->info;
    const std::vector<TestCase> cases = test_cases(info, result.model, by_rule[info.id]);
    std::string body;
    size_t suite_failures = 0, suite_skipped = 0;
    for (const TestCase& test : cases) {
      const CaseOutcome outcome = outcome_of(test, fail_level);
      body += "    <testcase classname=\"sagelint." + std::string(info.id) + "\" name=\"" + xml(test.name) + "\"";
      if (test.at.file != nullptr) {
        body += " file=\"" + xml(test.at.file->path()) + "\" line=\"" +
                std::to_string(test.at.file->position(test.at.begin).line) + "\"";
      }
      if (outcome.failing.empty() && !outcome.skipped && outcome.other.empty()) {
        body += " time=\"0\"/>\n";
        continue;
      }
      body += " time=\"0\">\n";
      if (!outcome.failing.empty()) {
        ++suite_failures;
        const Finding& first = *outcome.failing.front();
        body += "      <failure type=\"" + std::string(to_string(first.level)) + "\" message=\"" + xml(first.message) +
                "\">";
        for (const Finding* finding : outcome.failing) body += xml(line_of(*finding));
        body += "</failure>\n";
      } else if (outcome.skipped) {
        ++suite_skipped;
        body += "      <skipped message=\"" + xml(outcome.skip_reason) + "\"/>\n";
      }
      if (!outcome.other.empty()) {
        body += "      <system-out>";
        for (const Finding* finding : outcome.other) body += xml(line_of(*finding));
        body += "</system-out>\n";
      }
      body += "    </testcase>\n";
    }
    suites += "  <testsuite name=\"" + std::string(info.id) + " " + xml(info.name) + "\" tests=\"" +
              std::to_string(cases.size()) + "\" failures=\"" + std::to_string(suite_failures) +
              "\" errors=\"0\" skipped=\"" + std::to_string(suite_skipped) + "\" time=\"0\">\n" + body +
              "  </testsuite>\n";
    tests += cases.size();
    failures += suite_failures;
    skipped += suite_skipped;
  }
  // What stopped the run from checking everything is an error of the run, not a rule's failure.
  const std::vector<const Diagnostic*> errors = result.errors_outside_findings();
  if (!errors.empty()) {
    suites += "  <testsuite name=\"sagelint run\" tests=\"" + std::to_string(errors.size()) +
              "\" failures=\"0\" errors=\"" + std::to_string(errors.size()) + "\" skipped=\"0\" time=\"0\">\n";
    for (const Diagnostic* error : errors) {
      suites += "    <testcase classname=\"sagelint.run\" name=\"" + xml(error->message) + "\" time=\"0\">\n" +
                "      <error message=\"" + xml(error->message) + "\"/>\n    </testcase>\n";
    }
    suites += "  </testsuite>\n";
    tests += errors.size();
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"sagelint\" tests=\"" + std::to_string(tests) +
         "\" failures=\"" + std::to_string(failures) + "\" errors=\"" + std::to_string(errors.size()) +
         "\" skipped=\"" + std::to_string(skipped) + "\" time=\"0\">\n" + suites + "</testsuites>\n";
}

}  // namespace sagelint
