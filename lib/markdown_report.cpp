// The Markdown compliance report: headings, paragraphs and tables only, as GitHub and GitLab
// render them, without raw HTML. Every text from the inputs goes through markdown_escaped;
// anchors are made from fixed words and numbers, never from names, so links always resolve.
#include <algorithm>

#include "sagelint/compliance.hpp"
#include "sagelint/compliance_report.hpp"
#include "sagelint/markup.hpp"
#include "sagelint/text.hpp"
#include "sagelint/version.hpp"

namespace sagelint {
namespace {

std::string text(std::string_view raw) { return markdown_escaped(raw); }
std::string number(size_t n) { return std::to_string(n); }

std::string where(const Location& at) {
  if (at.file == nullptr) return {};
  const Position begin = at.file->position(at.begin);
  return at.file->path() + ":" + std::to_string(begin.line) + ":" + std::to_string(begin.column);
}

std::string finding_number(size_t k) { return "F" + number(k + 1); }

class MarkdownReport {
 public:
  MarkdownReport(const LintResult& result, const ReportScope& scope)
      : result_(result), scope_(scope), compliance_(assess_compliance(result, scope.settings)) {}

  std::string render() {
    out_ += "# SageMaker AI Studio compliance report\n\n";
    out_ += scope_.date.to_string() + " · sagelint " + std::string(kVersion) + "\n\n";
    scope_section();
    summary_section();
    domain_sections();
    other_findings_section();
    exceptions_section();
    rules_section();
    legend_section();
    return std::move(out_);
  }

 private:
  void scope_section() {
    out_ += "## Scope\n\n| | |\n|---|---|\n";
    std::string inputs;
    for (const std::string& input : scope_.inputs) inputs += (inputs.empty() ? "" : ", ") + text(input);
    out_ += "| Inputs | " + inputs + " |\n";
    out_ += "| Files read | " + number(result_.files_read());
    if (result_.inputs_failed() > 0) out_ += ", " + number(result_.inputs_failed()) + " could not be read";
    out_ += " |\n";
    // A report cut short by a limit must say so where its scope is stated.
    for (const Diagnostic& limit : result_.model.limits_reached) {
      out_ += "| Incomplete | " + text(limit.message) + " |\n";
    }
    out_ += "| Resources | " + count_of(result_.model.domains.size(), "domain", "domains") + ", " +
            count_of(result_.model.profiles.size(), "user profile", "user profiles") + ", " +
            count_of(result_.model.spaces.size(), "space", "spaces") + " |\n";
    out_ += "| Rules | " + number(result_.rules.size()) + " evaluated ([list](#rules-evaluated)) |\n";
    out_ += "| Configuration | " +
            (scope_.configuration.empty() ? std::string("built-in defaults") : text(scope_.configuration)) + " |\n";
    out_ += "| Date | " + scope_.date.to_string() + " (justifications are valid through their expiry day) |\n";
    out_ += "| Tool | sagelint " + std::string(kVersion) + " |\n\n";
  }

  void summary_section() {
    const FindingCounts& counts = compliance_.counts;
    out_ += "## Summary\n\n";
    out_ += "**" + number(counts.errors) + "** errors · **" + number(counts.warnings) + "** warnings · **" +
            number(counts.notes) + "** notes · **" + number(counts.suppressed) + "** justified · **" +
            number(compliance_.domains.size()) + "** domains\n\n";
    chart();
    out_ += "### Findings by rule\n\n| Rule | Name | Errors | Warnings | Notes | Justified |\n"
            "|---|---|---:|---:|---:|---:|\n";
    for (const RuleCount& rule : compliance_.rules) {
      if (rule.counts.open() + rule.counts.justified == 0) continue;
      out_ += "| " + std::string(rule.rule->info.id) + " | " + text(rule.rule->info.name) + " | " +
              number(rule.counts.errors) + " | " + number(rule.counts.warnings) + " | " + number(rule.counts.notes) +
              " | " + number(rule.counts.justified) + " |\n";
    }
    out_ += "\n";
  }

  // Open findings per domain as bars of block characters, errors first.
  void chart() {
    constexpr size_t kWidth = 30;
    size_t most = 1;
    for (const DomainCompliance& domain : compliance_.domains) most = std::max(most, domain.counts.open());
    out_ += "### Findings per domain\n\n| Domain | Open findings | Errors | Warnings | Notes |\n|---|---|---:|---:|---:|\n";
    for (size_t d = 0; d < compliance_.domains.size(); ++d) {
      const DomainCompliance& domain = compliance_.domains[d];
      const LevelCounts& c = domain.counts;
      const auto blocks = [&](size_t n, std::string_view block) {
        const size_t width = n == 0 ? 0 : std::max<size_t>(1, n * kWidth / most);
        std::string bar;
        for (size_t i = 0; i < width; ++i) bar += block;
        return bar;
      };
      out_ += "| [" + domain_name(domain) + "](#domain-" + number(d + 1) + ") | " + blocks(c.errors, "█") +
              blocks(c.warnings, "▓") + blocks(c.notes, "░") + " " + number(c.open()) + " | " + number(c.errors) +
              " | " + number(c.warnings) + " | " + number(c.notes) + " |\n";
    }
    out_ += "\n█ errors ▓ warnings ░ notes\n\n";
  }

  std::string domain_name(const DomainCompliance& domain) const {
    if (domain.domain == nullptr) return "without their domain";
    return text(domain.domain->display_name());
  }

  void domain_sections() {
    out_ += "## Domains\n\n";
    for (size_t d = 0; d < compliance_.domains.size(); ++d) {
      const DomainCompliance& domain = compliance_.domains[d];
      const std::string anchor = "findings-of-domain-" + number(d + 1);
      out_ += "### Domain " + number(d + 1) + "\n\n";
      if (domain.domain != nullptr) {
        domain_facts(*domain.domain, domain);
      } else {
        out_ += "User profiles and spaces whose domain is not among the inputs.\n\n";
      }
      matrix(domain, anchor);
      out_ += "#### Findings of domain " + number(d + 1) + "\n\n";
      findings_table(domain.findings);
    }
  }

  void domain_facts(const Domain& domain, const DomainCompliance& assessed) {
    const auto fact = [&](const Value& value) {
      const auto known = value.string();
      return known ? text(*known) : std::string(value.is_unknown() ? "known at deployment" : "not set");
    };
    out_ += "**" + text(domain.display_name()) + "**: domain id " + fact(domain.id) + ", AuthMode " +
            fact(domain.root["AuthMode"]) + ", AppNetworkAccessType " + fact(domain.root["AppNetworkAccessType"]) +
            ", environment " + std::string(to_string(assessed.environment)) + "; " +
            count_of(domain.profiles.size(), "user profile", "user profiles") + " and " +
            count_of(domain.spaces.size(), "space", "spaces") + "; written in " + text(where(domain.root.location())) +
            "\n\n";
  }

  void matrix(const DomainCompliance& domain, const std::string& anchor) {
    if (domain.profiles.empty() && domain.domain == nullptr) return;
    out_ += "| User profile |";
    std::string rule_line = "|---|";
    for (const Practice& practice : headline_practices()) {
      out_ += " " + text(practice.title) + " |";
      rule_line += ":---:|";
    }
    out_ += "\n" + rule_line + "\n";
    if (domain.domain != nullptr) row(domain.defaults, "*domain defaults*", anchor);
    for (const ProfileRow& profile : domain.profiles) row(profile, text(profile.resource->display_name()), anchor);
    out_ += "\n";
    if (domain.profiles.empty()) out_ += "No user profile of this domain is among the inputs.\n\n";
  }

  void row(const ProfileRow& row, const std::string& label, const std::string& anchor) {
    out_ += "| " + label + " |";
    for (const PracticeCell& cell : row.cells) {
      std::string shown(symbol(cell.state));
      if (cell.inherited) shown += " ↑";
      if (!cell.findings.empty()) shown = "[" + shown + " " + finding_number(cell.findings.front()) + "](#" + anchor + ")";
      out_ += " " + shown + " |";
    }
    out_ += "\n";
  }

  void findings_table(const std::vector<size_t>& findings) {
    if (findings.empty()) {
      out_ += "None.\n\n";
      return;
    }
    out_ += "| # | Level | Rule | Finding | Where |\n|---|---|---|---|---|\n";
    for (size_t k : findings) {
      const Finding& finding = result_.findings[k];
      std::string message = text(finding.message);
      if (finding.suppressed) message += " *Justification: " + text(justification_text(finding.justification)) + "*";
      out_ += "| " + finding_number(k) + " | " +
              (finding.suppressed ? std::string("justified") : std::string(to_string(finding.level))) + " | " +
              std::string(finding.rule->id) + " | " + message + " | " + text(where(finding.location)) + " |\n";
    }
    out_ += "\n";
  }

  void other_findings_section() {
    if (compliance_.other_findings.empty()) return;
    out_ += "## Other findings\n\nAbout the inputs and the configuration rather than a resource: files that could "
            "not be read, justifications and waivers.\n\n";
    findings_table(compliance_.other_findings);
  }

  void exceptions_section() {
    out_ += "## Exceptions in force\n\n";
    if (compliance_.exceptions.empty()) {
      out_ += "No finding is justified.\n\n";
      return;
    }
    std::vector<size_t> soon;
    for (size_t k : compliance_.exceptions) {
      const auto& expires = result_.findings[k].justification.expires;
      if (expires && expires_within(*expires, scope_.date, kExpiringSoonDays)) soon.push_back(k);
    }
    out_ += count_of(compliance_.exceptions.size(), "justified finding", "justified findings") +
            ", soonest expiry first; findings whose justification has expired are open again.\n\n";
    exceptions_table(compliance_.exceptions);
    out_ += "### Expiring within " + number(kExpiringSoonDays) + " days\n\n";
    if (soon.empty()) {
      out_ += "None.\n\n";
    } else {
      exceptions_table(soon);
    }
  }

  void exceptions_table(const std::vector<size_t>& exceptions) {
    out_ += "| Expires | # | Rule | Resource | Reason | Owner | Written in |\n|---|---|---|---|---|---|---|\n";
    for (size_t k : exceptions) {
      const Finding& finding = result_.findings[k];
      const Justification& justification = finding.justification;
      out_ += "| " + (justification.expires ? justification.expires->to_string() : std::string("never")) + " | " +
              finding_number(k) + " | " + std::string(finding.rule->id) + " | " +
              (finding.subject ? text(finding.subject->description()) : std::string()) + " | " +
              text(justification.reason) + " | " +
              (justification.owner.empty() ? std::string("*none given*") : text(justification.owner)) + " | " +
              (finding.suppressed_externally ? "waiver" : "beside the resource") + " |\n";
    }
    out_ += "\n";
  }

  void rules_section() {
    out_ += "## Rules evaluated\n\n| Rule | Name | Level | Checks |\n|---|---|---|---|\n";
    for (const RuleCount& rule : compliance_.rules) {
      const RuleInfo& info = rule.rule->info;
      out_ += "| " + std::string(info.id) + " | " + text(info.name) + " | " + std::string(to_string(info.level)) +
              " | " + text(info.summary) + " |\n";
    }
    out_ += "\n";
  }

  void legend_section() {
    out_ += "## Reading the profile tables\n\n";
    for (PracticeState state : {PracticeState::holds, PracticeState::broken, PracticeState::justified,
                                PracticeState::unknown, PracticeState::not_evaluated}) {
      out_ += "- **" + std::string(symbol(state)) + "**: " + text(meaning(state)) + "\n";
    }
    out_ += "\nThe practices:\n\n";
    for (const Practice& practice : headline_practices()) {
      std::string rules;
      for (std::string_view id : practice.rules) rules += (rules.empty() ? "" : ", ") + std::string(id);
      out_ += "- **" + text(practice.title) + "**: " + text(practice.description) + " (" + rules + ")\n";
    }
    out_ += "\nThe *domain defaults* row holds the findings about the domain itself and its DefaultUserSettings; a "
            "profile that does not set a value itself inherits the default, and with it the finding (↑). A cell's "
            "F-number is the first finding that decides it, in the table of its domain's findings.\n";
  }

  const LintResult& result_;
  const ReportScope& scope_;
  const Compliance compliance_;
  std::string out_;
};

}  // namespace

std::string markdown_compliance_report(const LintResult& result, const ReportScope& scope) {
  return MarkdownReport(result, scope).render();
}

}  // namespace sagelint
