#include "sagelint/engine.hpp"

#include <algorithm>
#include <tuple>

#include "sagelint/justification.hpp"

namespace sagelint {
namespace {

// A justification as the engine weighs it, wherever it is written.
struct JustificationText {
  std::string_view text;
  std::string origin;  // "tag 'sagelint:justify:SMD007'", "Metadata sagelint.justify.SMD007"
};

std::optional<JustificationText> find_justification(const Resource& subject, std::string_view rule_id) {
  for (const WrittenJustification& written : subject.justifications) {
    if (written.rule_id == rule_id) return JustificationText{written.text, written.origin};
  }
  for (const Tag& tag : subject.tags) {
    const std::string_view key = tag.key;
    if (key.starts_with(kJustifyTagPrefix) && key.substr(kJustifyTagPrefix.size()) == rule_id) {
      return JustificationText{tag.value, "tag " + quoted(key)};
    }
  }
  return std::nullopt;
}

// Applies the subject's justification, if it has one: either the finding becomes suppressed,
// or its message says why the justification was not accepted.
void apply_justification(Finding& finding, const RuleContext& context) {
  if (finding.subject == nullptr) return;
  const std::optional<JustificationText> written = find_justification(*finding.subject, finding.rule->id);
  if (!written) return;
  const auto reject = [&](const std::string& why) {
    finding.message += "; the justification in " + written->origin + " is not accepted: " + why;
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
  const Justification justification = parse_justification(written->text);
  if (!justification.problem.empty()) return reject(justification.problem);
  if (justification.expires && *justification.expires < context.as_of()) {
    return reject("it expired on " + justification.expires->to_string());
  }
  finding.suppressed = true;
  finding.justification = justification.reason;
  if (justification.expires) finding.justification += " (expires " + justification.expires->to_string() + ")";
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

std::vector<Finding> run_rules(const Model& model, std::span<const Rule* const> rules, const RunOptions& options) {
  std::vector<Finding> findings;
  for (const Rule* rule : rules) {
    const RuleContext context(model, rule->info, options);
    Reporter reporter(rule->info);
    rule->check(context, reporter);
    const auto level = options.levels.find(rule->info.id);
    for (Finding& finding : reporter.take()) {
      if (level != options.levels.end() && takes_configured_level(finding)) finding.level = level->second;
      apply_justification(finding, context);
      findings.push_back(std::move(finding));
    }
  }
  std::sort(findings.begin(), findings.end(),
            [](const Finding& a, const Finding& b) { return order_key(a) < order_key(b); });
  const auto same = [](const Finding& a, const Finding& b) { return order_key(a) == order_key(b); };
  findings.erase(std::unique(findings.begin(), findings.end(), same), findings.end());
  return findings;
}

}  // namespace sagelint
