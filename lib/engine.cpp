#include "sagelint/engine.hpp"

#include <algorithm>
#include <tuple>

#include "sagelint/justification_ledger.hpp"
#include "sagelint/settings.hpp"
#include "sagelint/text.hpp"

namespace sagelint {
namespace {

// Applies the subject's justification, written beside it or in a waiver, if it has one: either
// the finding becomes suppressed, or its message says why the justification was not accepted.
void apply_justification(Finding& finding, const RuleContext& context, JustificationLedger& ledger) {
  if (finding.subject == nullptr) return;
  JustificationEntry* entry = ledger.find(*finding.subject, *finding.rule);
  if (entry == nullptr) return;
  ++entry->matched_findings;
  const bool external = entry->source == JustificationSource::waiver;
  const auto reject = [&](const std::string& why) {
    finding.message += "; " + std::string(external ? "" : "the justification in ") + entry->origin +
                       " is not accepted: " + why;
  };
  switch (finding.rule->justification) {
    case JustificationPolicy::not_accepted:
      return reject("this rule cannot be justified");
    case JustificationPolicy::allowed_outside_production:
      if (context.is_production(*finding.subject)) return reject("this rule cannot be justified in production");
      break;
    case JustificationPolicy::allowed:
    case JustificationPolicy::required:
      break;
  }
  const Justification& justification = entry->justification;
  if (!justification.problem.empty()) return reject(justification.problem);
  if (justification.expires && *justification.expires < context.as_of()) {
    finding.justification_expired = true;
    return reject("it expired on " + justification.expires->to_string());
  }
  finding.suppressed = true;
  finding.suppressed_externally = external;
  finding.justification = justification;
}

// A configured level replaces the level of a rule's judgements, not of the notes it adds
// beside them (information, values it cannot evaluate), unless notes are all the rule gives.
bool takes_configured_level(const Finding& finding) {
  if (finding.not_evaluable) return false;
  return finding.level != Level::note || finding.rule->level == Level::note;
}

auto order_key(const Finding& f) {
  const std::string_view path = f.location.file ? std::string_view(f.location.file->path()) : std::string_view();
  return std::make_tuple(path, f.location.begin, f.location.end, f.rule->id, std::string_view(f.message));
}

}  // namespace

RuleRun run_rules(const Model& model, std::span<const Rule* const> rules, const RunOptions& options) {
  JustificationLedger ledger(model, options.waivers, options.settings);
  std::vector<Finding> findings;
  const auto run = [&](const Rule& rule, const RuleContext& context, bool justify) {
    Reporter reporter(rule.info);
    rule.check(context, reporter);
    const auto level = options.levels.find(rule.info.id);
    for (Finding& finding : reporter.take()) {
      if (level != options.levels.end() && takes_configured_level(finding)) finding.level = level->second;
      if (justify) apply_justification(finding, context, ledger);
      findings.push_back(std::move(finding));
    }
  };
  // Findings beyond the limit are not collected: once a rule crosses it, no further rule runs,
  // so memory stays bounded by the limit and one rule's findings.
  const auto over_limit = [&] { return findings.size() > options.limits.max_findings; };
  std::vector<const Rule*> reviewers;
  for (const Rule* rule : rules) {
    if (over_limit()) break;
    if (rule->info.applies_to & kAppliesToJustifications) {
      reviewers.push_back(rule);
    } else {
      run(*rule, RuleContext(model, rule->info, options), true);
    }
  }
  // The rules that review justifications run last, over what the others made of them; their
  // own findings cannot be justified (a justification of a justification would need reviewing too).
  if (!reviewers.empty() && !over_limit()) {
    const JustificationReview review(ledger, options.catalog.empty() ? rules : options.catalog, rules, findings);
    for (const Rule* rule : reviewers) run(*rule, RuleContext(model, rule->info, options, &review), false);
  }
  std::sort(findings.begin(), findings.end(),
            [](const Finding& a, const Finding& b) { return order_key(a) < order_key(b); });
  const auto same = [](const Finding& a, const Finding& b) { return order_key(a) == order_key(b); };
  findings.erase(std::unique(findings.begin(), findings.end(), same), findings.end());
  RuleRun result;
  result.truncated = over_limit();
  if (result.truncated) findings.resize(options.limits.max_findings);
  result.findings = std::move(findings);
  return result;
}

}  // namespace sagelint
