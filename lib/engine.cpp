#include "sagelint/engine.hpp"

#include <algorithm>
#include <tuple>

#include "sagelint/justification.hpp"
#include "sagelint/settings.hpp"
#include "sagelint/text.hpp"

namespace sagelint {
namespace {

// A justification as the engine weighs it, wherever it is written.
struct WrittenReason {
  Justification justification;
  std::string origin;    // "tag 'sagelint:justify:SMD007'", "the waiver at .sagelint.json:12"
  bool external = false;  // a waiver, rather than beside the resource
};

std::optional<WrittenReason> find_in_source(const Resource& subject, std::string_view rule_id) {
  for (const WrittenJustification& written : subject.justifications) {
    if (written.rule_id == rule_id) return WrittenReason{parse_justification(written.text), written.origin};
  }
  for (const Tag& tag : subject.tags) {
    const std::string_view key = tag.key;
    if (key.starts_with(kJustifyTagPrefix) && key.substr(kJustifyTagPrefix.size()) == rule_id) {
      return WrittenReason{parse_justification(tag.value), "tag " + quoted(key)};
    }
  }
  return std::nullopt;
}

// The names a waiver's `resource` pattern is matched against: the resource's ARN, its name,
// and "<file>#<logical id>" for resources of templates and modules.
std::vector<std::string> waiver_names(const Resource& resource) {
  std::vector<std::string> names;
  for (std::string_view arn_member : {"DomainArn", "UserProfileArn", "SpaceArn"}) {
    if (const auto arn = resource.root[arn_member].string()) names.emplace_back(*arn);
  }
  if (const auto name = resource.name.string()) names.emplace_back(*name);
  if (!resource.logical_id.empty() && resource.root.location().file != nullptr) {
    names.push_back(resource.root.location().file->path() + "#" + std::string(resource.logical_id));
  }
  return names;
}

std::optional<WrittenReason> find_waiver(const Resource& subject, const RuleInfo& rule,
                                         std::span<const Waiver> waivers) {
  std::vector<std::string> names;
  for (const Waiver& waiver : waivers) {
    if (!rule_matches(rule, waiver.rule)) continue;
    if (names.empty()) names = waiver_names(subject);
    const bool matches = std::any_of(names.begin(), names.end(),
                                     [&](const std::string& name) { return glob_matches(waiver.resource, name); });
    if (!matches) continue;
    Justification justification{waiver.reason, waiver.expires, {}};
    if (code_point_count(waiver.reason) < kMinJustificationLength) {
      justification.problem = "its reason '" + waiver.reason + "' is shorter than " +
                              std::to_string(kMinJustificationLength) + " characters";
    }
    const Location& at = waiver.location;
    std::string origin = "the waiver at ";
    if (at.file != nullptr) origin += at.file->path() + ":" + std::to_string(at.file->position(at.begin).line);
    return WrittenReason{std::move(justification), std::move(origin), true};
  }
  return std::nullopt;
}

// Applies the subject's justification, written beside it or in a waiver, if it has one: either
// the finding becomes suppressed, or its message says why the justification was not accepted.
// A justification beside the resource comes first.
void apply_justification(Finding& finding, const RuleContext& context, std::span<const Waiver> waivers) {
  if (finding.subject == nullptr) return;
  std::optional<WrittenReason> written = find_in_source(*finding.subject, finding.rule->id);
  if (!written) written = find_waiver(*finding.subject, *finding.rule, waivers);
  if (!written) return;
  const auto reject = [&](const std::string& why) {
    finding.message += "; " + std::string(written->external ? "" : "the justification in ") + written->origin +
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
  const Justification& justification = written->justification;
  if (!justification.problem.empty()) return reject(justification.problem);
  if (justification.expires && *justification.expires < context.as_of()) {
    finding.justification_expired = true;
    return reject("it expired on " + justification.expires->to_string());
  }
  finding.suppressed = true;
  finding.suppressed_externally = written->external;
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
      apply_justification(finding, context, options.waivers);
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
