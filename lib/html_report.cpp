// The HTML compliance report: one file, inline CSS, no script and no external resource, so it
// opens offline, can be archived as evidence and prints as it shows. Every text from the
// inputs goes through html_escaped.
#include <algorithm>

#include "sagelint/compliance.hpp"
#include "sagelint/compliance_report.hpp"
#include "sagelint/markup.hpp"
#include "sagelint/text.hpp"
#include "sagelint/version.hpp"

namespace sagelint {
namespace {

constexpr std::string_view kStyle = R"css(
:root { --error: #b42318; --warning: #b54708; --note: #475467; --ok: #067647; --muted: #667085; --line: #d0d5dd; }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #101828;
       margin: 0 auto; padding: 24px 32px 48px; max-width: 1200px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 24px 0 6px; }
h4 { font-size: 14px; margin: 16px 0 6px; }
.subtitle, .muted { color: var(--muted); }
table { border-collapse: collapse; margin: 8px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: #f2f4f7; font-weight: 600; }
dl.scope { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
dl.scope dt { font-weight: 600; } dl.scope dd { margin: 0; }
.tiles { display: flex; gap: 12px; flex-wrap: wrap; margin: 8px 0 16px; }
.tile { border: 1px solid var(--line); border-radius: 8px; padding: 8px 16px; min-width: 120px; }
.tile b { display: block; font-size: 22px; }
.error { color: var(--error); } .warning { color: var(--warning); } .note { color: var(--note); }
.chart td.bar { width: 60%; }
.bar span { display: inline-block; height: 12px; vertical-align: middle; }
.bar .e { background: var(--error); } .bar .w { background: #f79009; } .bar .n { background: #98a2b3; }
table.matrix td { text-align: center; white-space: nowrap; }
table.matrix tr.defaults th { background: #f9fafb; font-style: italic; }
td.holds { color: var(--ok); } td.broken { color: var(--error); font-weight: 600; background: #fef3f2; }
td.justified { color: #6941c6; } td.unknown, td.not_evaluated { color: var(--muted); }
td a { color: inherit; }
ol.findings { padding-left: 28px; } ol.findings li { margin: 4px 0; }
.level { display: inline-block; min-width: 56px; font-weight: 600; }
code, .where { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12.5px; }
.where { color: var(--muted); word-break: break-all; }
li.justified { color: var(--muted); }
tr.soon td { background: #fffaeb; }
.legend li { margin: 2px 0; }
@media print {
  body { padding: 0; max-width: none; font-size: 11px; }
  h2 { break-after: avoid; } table, li { break-inside: avoid; } a { text-decoration: none; }
}
)css";

std::string text(std::string_view raw) { return html_escaped(raw); }
std::string number(size_t n) { return std::to_string(n); }

std::string where(const Location& at) {
  if (at.file == nullptr) return {};
  const Position begin = at.file->position(at.begin);
  return at.file->path() + ":" + std::to_string(begin.line) + ":" + std::to_string(begin.column);
}

std::string finding_anchor(size_t k) { return "finding-" + number(k + 1); }

class HtmlReport {
 public:
  HtmlReport(const LintResult& result, const ReportScope& scope)
      : result_(result), scope_(scope), compliance_(assess_compliance(result, scope.settings)) {}

  std::string render() {
    out_ += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += "<title>SageMaker AI Studio compliance report, " + scope_.date.to_string() + "</title>\n";
    out_ += "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
    out_ += "<header>\n<h1>SageMaker AI Studio compliance report</h1>\n<p class=\"subtitle\">" +
            scope_.date.to_string() + " · sagelint " + std::string(kVersion) + "</p>\n</header>\n";
    scope_section();
    summary_section();
    domain_sections();
    other_findings_section();
    exceptions_section();
    rules_section();
    legend_section();
    out_ += "</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  void scope_section() {
    out_ += "<section id=\"scope\">\n<h2>Scope</h2>\n<dl class=\"scope\">\n";
    std::string inputs;
    for (const std::string& input : scope_.inputs) inputs += (inputs.empty() ? "" : ", ") + ("<code>" + text(input) + "</code>");
    out_ += "<dt>Inputs</dt><dd>" + inputs + "</dd>\n";
    out_ += "<dt>Files read</dt><dd>" + number(result_.files_read());
    if (result_.inputs_failed() > 0) out_ += ", " + number(result_.inputs_failed()) + " could not be read";
    out_ += "</dd>\n";
    // A report cut short by a limit must say so where its scope is stated.
    for (const Diagnostic& limit : result_.model.limits_reached) {
      out_ += "<dt>Incomplete</dt><dd>" + text(limit.message) + "</dd>\n";
    }
    out_ += "<dt>Resources</dt><dd>" + count_of(result_.model.domains.size(), "domain", "domains") + ", " +
            count_of(result_.model.profiles.size(), "user profile", "user profiles") + ", " +
            count_of(result_.model.spaces.size(), "space", "spaces") + "</dd>\n";
    out_ += "<dt>Rules</dt><dd>" + number(result_.rules.size()) + " evaluated (<a href=\"#rules\">list</a>)</dd>\n";
    out_ += "<dt>Configuration</dt><dd>" +
            (scope_.configuration.empty() ? std::string("built-in defaults")
                                          : "<code>" + text(scope_.configuration) + "</code>") +
            "</dd>\n";
    out_ += "<dt>Date</dt><dd>" + scope_.date.to_string() + " (justifications are valid through their expiry day)</dd>\n";
    out_ += "<dt>Tool</dt><dd>sagelint " + std::string(kVersion) + "</dd>\n</dl>\n</section>\n";
  }

  void summary_section() {
    const FindingCounts& counts = compliance_.counts;
    out_ += "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"tiles\">\n";
    const auto tile = [&](std::string_view css, size_t n, std::string_view label) {
      out_ += "<div class=\"tile " + std::string(css) + "\"><b>" + number(n) + "</b>" + std::string(label) + "</div>\n";
    };
    tile("error", counts.errors, "errors");
    tile("warning", counts.warnings, "warnings");
    tile("note", counts.notes, "notes");
    tile("", counts.suppressed, "justified");
    tile("", compliance_.domains.size(), "domains");
    out_ += "</div>\n";
    chart();
    out_ += "<h3>Findings by rule</h3>\n<table>\n<thead><tr><th>Rule</th><th>Name</th><th>Errors</th><th>Warnings</th>"
            "<th>Notes</th><th>Justified</th></tr></thead>\n<tbody>\n";
    for (const RuleCount& rule : compliance_.rules) {
      if (rule.counts.open() + rule.counts.justified == 0) continue;
      out_ += "<tr><td><code>" + std::string(rule.rule->info.id) + "</code></td><td>" + text(rule.rule->info.name) +
              "</td><td>" + number(rule.counts.errors) + "</td><td>" + number(rule.counts.warnings) + "</td><td>" +
              number(rule.counts.notes) + "</td><td>" + number(rule.counts.justified) + "</td></tr>\n";
    }
    out_ += "</tbody>\n</table>\n</section>\n";
  }

  // Findings per domain as horizontal bars, errors, warnings and notes stacked.
  void chart() {
    size_t most = 1;
    for (const DomainCompliance& domain : compliance_.domains) most = std::max(most, domain.counts.open());
    out_ += "<h3>Findings per domain</h3>\n<table class=\"chart\">\n<thead><tr><th>Domain</th><th>Open findings</th>"
            "<th>Errors</th><th>Warnings</th><th>Notes</th></tr></thead>\n<tbody>\n";
    const auto segment = [&](std::string_view css, size_t n) {
      if (n == 0) return std::string();
      const double percent = 100.0 * static_cast<double>(n) / static_cast<double>(most);
      char width[32];
      std::snprintf(width, sizeof width, "%.1f%%", percent);
      return "<span class=\"" + std::string(css) + "\" style=\"width:" + width + "\"></span>";
    };
    for (size_t d = 0; d < compliance_.domains.size(); ++d) {
      const DomainCompliance& domain = compliance_.domains[d];
      const LevelCounts& c = domain.counts;
      out_ += "<tr><td><a href=\"#domain-" + number(d + 1) + "\">" + domain_name(domain) + "</a></td><td class=\"bar\">" +
              segment("e", c.errors) + segment("w", c.warnings) + segment("n", c.notes) + "</td><td>" +
              number(c.errors) + "</td><td>" + number(c.warnings) + "</td><td>" + number(c.notes) + "</td></tr>\n";
    }
    out_ += "</tbody>\n</table>\n";
  }

  std::string domain_name(const DomainCompliance& domain) const {
    if (domain.domain == nullptr) return "profiles and spaces whose domain is not among the inputs";
    return text(domain.domain->display_name());
  }

  void domain_sections() {
    out_ += "<section id=\"domains\">\n<h2>Domains</h2>\n";
    for (size_t d = 0; d < compliance_.domains.size(); ++d) {
      const DomainCompliance& domain = compliance_.domains[d];
      out_ += "<section id=\"domain-" + number(d + 1) + "\">\n<h3>";
      out_ += domain.domain ? "Domain " + domain_name(domain) : "Without their domain";
      out_ += "</h3>\n";
      if (domain.domain != nullptr) domain_facts(*domain.domain, domain);
      matrix(domain);
      findings_list(domain.findings, "Findings");
      out_ += "</section>\n";
    }
    out_ += "</section>\n";
  }

  void domain_facts(const Domain& domain, const DomainCompliance& assessed) {
    const auto fact = [&](std::string_view label, const Value& value) {
      const auto known = value.string();
      out_ += "<dt>" + std::string(label) + "</dt><dd>" +
              (known ? "<code>" + text(*known) + "</code>"
                     : std::string(value.is_unknown() ? "known at deployment" : "not set")) +
              "</dd>\n";
    };
    out_ += "<dl class=\"scope\">\n";
    fact("Domain id", domain.id);
    fact("AuthMode", domain.root["AuthMode"]);
    fact("AppNetworkAccessType", domain.root["AppNetworkAccessType"]);
    out_ += "<dt>Environment</dt><dd>" + std::string(to_string(assessed.environment)) + "</dd>\n";
    out_ += "<dt>Members</dt><dd>" + count_of(domain.profiles.size(), "user profile", "user profiles") + ", " +
            count_of(domain.spaces.size(), "space", "spaces") + "</dd>\n";
    out_ += "<dt>Written in</dt><dd class=\"where\">" + text(where(domain.root.location())) + "</dd>\n</dl>\n";
  }

  void matrix(const DomainCompliance& domain) {
    if (domain.profiles.empty() && domain.domain == nullptr) return;
    out_ += "<table class=\"matrix\">\n<thead><tr><th>User profile</th>";
    for (const Practice& practice : headline_practices()) {
      out_ += "<th title=\"" + text(practice.description) + "\">" + text(practice.title) + "</th>";
    }
    out_ += "</tr></thead>\n<tbody>\n";
    if (domain.domain != nullptr) row(domain.defaults, "domain defaults", "defaults");
    for (const ProfileRow& profile : domain.profiles) row(profile, text(profile.resource->display_name()), "");
    out_ += "</tbody>\n</table>\n";
    if (domain.profiles.empty()) out_ += "<p class=\"muted\">No user profile of this domain is among the inputs.</p>\n";
  }

  void row(const ProfileRow& row, const std::string& label, std::string_view css) {
    out_ += css.empty() ? "<tr>" : "<tr class=\"" + std::string(css) + "\">";
    out_ += "<th>" + label + "</th>";
    for (size_t p = 0; p < row.cells.size(); ++p) {
      const PracticeCell& cell = row.cells[p];
      std::string shown(symbol(cell.state));
      if (cell.inherited) shown += " ↑";
      std::string title;
      for (size_t k : cell.findings) {
        title += (title.empty() ? "" : "\n") + std::string(result_.findings[k].rule->id) + ": " +
                 result_.findings[k].message;
      }
      out_ += "<td class=\"" + std::string(state_class(cell.state)) + "\"";
      if (!title.empty()) out_ += " title=\"" + text(title) + "\"";
      out_ += ">";
      out_ += cell.findings.empty() ? shown
                                    : "<a href=\"#" + finding_anchor(cell.findings.front()) + "\">" + shown + "</a>";
      out_ += "</td>";
    }
    out_ += "</tr>\n";
  }

  static std::string_view state_class(PracticeState state) {
    switch (state) {
      case PracticeState::holds: return "holds";
      case PracticeState::broken: return "broken";
      case PracticeState::justified: return "justified";
      case PracticeState::unknown: return "unknown";
      case PracticeState::not_evaluated: return "not_evaluated";
    }
    return "unknown";
  }

  void findings_list(const std::vector<size_t>& findings, std::string_view heading) {
    out_ += "<h4>" + std::string(heading) + "</h4>\n";
    if (findings.empty()) {
      out_ += "<p class=\"muted\">None.</p>\n";
      return;
    }
    out_ += "<ol class=\"findings\">\n";
    for (size_t k : findings) {
      const Finding& finding = result_.findings[k];
      const std::string level(to_string(finding.level));
      out_ += "<li id=\"" + finding_anchor(k) + "\"" + (finding.suppressed ? " class=\"justified\"" : "") + ">";
      out_ += "<span class=\"level " + level + "\">" + (finding.suppressed ? std::string("justified") : level) +
              "</span> <code>" + std::string(finding.rule->id) + "</code> " + text(finding.message);
      if (finding.suppressed) out_ += " <em>Justification: " + text(justification_text(finding.justification)) + "</em>";
      out_ += "<br><span class=\"where\">" + text(where(finding.location)) + "</span></li>\n";
    }
    out_ += "</ol>\n";
  }

  void other_findings_section() {
    if (compliance_.other_findings.empty()) return;
    out_ += "<section id=\"other\">\n<h2>Other findings</h2>\n<p>About the inputs and the configuration rather than a "
            "resource: files that could not be read, justifications and waivers.</p>\n";
    findings_list(compliance_.other_findings, "Findings");
    out_ += "</section>\n";
  }

  void exceptions_section() {
    out_ += "<section id=\"exceptions\">\n<h2>Exceptions in force</h2>\n";
    if (compliance_.exceptions.empty()) {
      out_ += "<p class=\"muted\">No finding is justified.</p>\n</section>\n";
      return;
    }
    size_t soon = 0;
    for (size_t k : compliance_.exceptions) {
      const auto& expires = result_.findings[k].justification.expires;
      if (expires && expires_within(*expires, scope_.date, kExpiringSoonDays)) ++soon;
    }
    out_ += "<p>" + count_of(compliance_.exceptions.size(), "justified finding", "justified findings") + "; " +
            number(soon) + " of them expire within " + number(kExpiringSoonDays) +
            " days (highlighted), and findings whose justification has expired are open again.</p>\n";
    out_ += "<table>\n<thead><tr><th>Expires</th><th>Rule</th><th>Resource</th><th>Reason</th><th>Owner</th>"
            "<th>Written in</th></tr></thead>\n<tbody>\n";
    for (size_t k : compliance_.exceptions) {
      const Finding& finding = result_.findings[k];
      const auto& expires = finding.justification.expires;
      const bool expiring = expires && expires_within(*expires, scope_.date, kExpiringSoonDays);
      out_ += expiring ? "<tr class=\"soon\">" : "<tr>";
      out_ += "<td>" + (expires ? expires->to_string() : std::string("never")) + "</td><td><a href=\"#" +
              finding_anchor(k) + "\"><code>" + std::string(finding.rule->id) + "</code></a></td><td>" +
              (finding.subject ? text(finding.subject->description()) : std::string()) + "</td><td>" +
              text(finding.justification.reason) + "</td><td>" +
              (finding.justification.owner.empty() ? std::string("<span class=\"muted\">none given</span>")
                                                   : text(finding.justification.owner)) +
              "</td><td>" + (finding.suppressed_externally ? "waiver" : "beside the resource") + "</td></tr>\n";
    }
    out_ += "</tbody>\n</table>\n</section>\n";
  }

  void rules_section() {
    out_ += "<section id=\"rules\">\n<h2>Rules evaluated</h2>\n<table>\n<thead><tr><th>Rule</th><th>Name</th>"
            "<th>Level</th><th>Checks</th></tr></thead>\n<tbody>\n";
    for (const RuleCount& rule : compliance_.rules) {
      const RuleInfo& info = rule.rule->info;
      out_ += "<tr><td><code>" + std::string(info.id) + "</code></td><td>" + text(info.name) + "</td><td>" +
              std::string(to_string(info.level)) + "</td><td>" + text(info.summary) + "</td></tr>\n";
    }
    out_ += "</tbody>\n</table>\n</section>\n";
  }

  void legend_section() {
    out_ += "<section id=\"legend\">\n<h2>Reading the profile tables</h2>\n<ul class=\"legend\">\n";
    for (PracticeState state : {PracticeState::holds, PracticeState::broken, PracticeState::justified,
                                PracticeState::unknown, PracticeState::not_evaluated}) {
      out_ += "<li><b>" + std::string(symbol(state)) + "</b>: " + text(meaning(state)) + "</li>\n";
    }
    out_ += "</ul>\n<p>The practices:</p>\n<ul class=\"legend\">\n";
    for (const Practice& practice : headline_practices()) {
      std::string rules;
      for (std::string_view id : practice.rules) rules += (rules.empty() ? "" : ", ") + std::string(id);
      out_ += "<li><b>" + text(practice.title) + "</b>: " + text(practice.description) + " (" + rules + ")</li>\n";
    }
    out_ += "</ul>\n<p>The <i>domain defaults</i> row holds the findings about the domain itself and its "
            "DefaultUserSettings; a profile that does not set a value itself inherits the default, and with it "
            "the finding (↑).</p>\n</section>\n";
  }

  const LintResult& result_;
  const ReportScope& scope_;
  const Compliance compliance_;
  std::string out_;
};

}  // namespace

std::string html_compliance_report(const LintResult& result, const ReportScope& scope) {
  return HtmlReport(result, scope).render();
}

}  // namespace sagelint
