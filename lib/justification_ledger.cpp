#include "sagelint/justification_ledger.hpp"

#include <algorithm>

#include "sagelint/text.hpp"

namespace sagelint {
namespace {

// A member of a tag's {Key, Value} entry, or the entry itself where the format has no such
// member (a plan's tags are a map).
Location member_or_entry(const Value& entry, std::string_view member) {
  const Value part = entry[member];
  return part.is_present() ? part.location() : entry.location();
}

// Marks a justification that names no owner as flawed, when the configuration asks for owners
// and it has no other flaw.
void require_owner(JustificationEntry& entry) {
  Justification& justification = entry.justification;
  if (justification.flaw != JustificationFlaw::none || !justification.owner.empty()) return;
  justification.flaw = JustificationFlaw::missing_owner;
  justification.problem =
      std::string("it names no owner, which the configuration requires (require_justification_owner); ") +
      (entry.source == JustificationSource::waiver ? "give the waiver an 'owner'" : "add owner=NAME");
}

}  // namespace

std::string describe(const JustificationEntry& entry) {
  switch (entry.source) {
    case JustificationSource::tag:
    case JustificationSource::metadata:
      return entry.origin + " of " + entry.resource->description();
    case JustificationSource::waiver:
      return "the waiver of " + entry.rule + " for " + quoted(entry.waiver->resource);
  }
  return entry.origin;
}

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

bool waiver_matches(const Waiver& waiver, std::span<const std::string> names) {
  return std::any_of(names.begin(), names.end(),
                     [&](const std::string& name) { return glob_matches(waiver.resource, name); });
}

JustificationLedger::JustificationLedger(const Model& model, std::span<const Waiver> waivers,
                                         const Settings& settings) {
  const bool owner_required = settings.require_justification_owner;
  for (const Domain& domain : model.domains) add_written_beside(domain, owner_required);
  for (const UserProfile& profile : model.profiles) add_written_beside(profile, owner_required);
  for (const Space& space : model.spaces) add_written_beside(space, owner_required);
  first_waiver_ = entries_.size();
  for (const Waiver& waiver : waivers) {
    JustificationEntry entry;
    entry.source = JustificationSource::waiver;
    entry.waiver = &waiver;
    entry.rule = waiver.rule;
    entry.justification = Justification{waiver.reason, waiver.owner, waiver.expires, JustificationFlaw::none,
                                        short_reason_problem(waiver.reason)};
    if (!entry.justification.problem.empty()) entry.justification.flaw = JustificationFlaw::short_reason;
    const Location& at = waiver.location;
    entry.origin = "the waiver at ";
    if (at.file != nullptr) entry.origin += at.file->path() + ":" + std::to_string(at.file->position(at.begin).line);
    entry.at = at;
    entry.rule_at = waiver.rule_at;
    entry.reason_at = waiver.reason_at;
    entry.expires_at = waiver.expires_at;
    if (owner_required) require_owner(entry);
    entries_.push_back(std::move(entry));
  }
}

void JustificationLedger::add_written_beside(const Resource& resource, bool owner_required) {
  const size_t first = entries_.size();
  for (const WrittenJustification& written : resource.justifications) {
    JustificationEntry entry;
    entry.source = JustificationSource::metadata;
    entry.resource = &resource;
    entry.rule = written.rule_id;
    entry.justification = parse_justification(written.text);
    if (!written.owner.empty()) entry.justification.owner = written.owner;
    entry.origin = written.origin;
    entry.at = written.at;
    entry.rule_at = written.rule_at;
    entry.reason_at = written.reason_at;
    entry.expires_at = written.expires_at;
    entries_.push_back(std::move(entry));
  }
  for (const Tag& tag : resource.tags) {
    if (!tag.key.starts_with(kJustifyTagPrefix)) continue;
    JustificationEntry entry;
    entry.source = JustificationSource::tag;
    entry.resource = &resource;
    entry.rule = std::string(tag.key.substr(kJustifyTagPrefix.size()));
    entry.justification = parse_justification(tag.value);
    entry.origin = "tag " + quoted(tag.key);
    entry.at = tag.node.location();
    entry.rule_at = member_or_entry(tag.node, "Key");
    entry.reason_at = entry.expires_at = member_or_entry(tag.node, "Value");
    entries_.push_back(std::move(entry));
  }
  for (size_t k = first; k < entries_.size(); ++k) {
    if (owner_required) require_owner(entries_[k]);
    beside_[&resource].push_back(k);
  }
}

JustificationEntry* JustificationLedger::find(const Resource& subject, const RuleInfo& rule) {
  if (const auto beside = beside_.find(&subject); beside != beside_.end()) {
    for (size_t k : beside->second) {
      if (entries_[k].rule == rule.id) return &entries_[k];
    }
  }
  std::vector<std::string> names;  // the subject's, once a waiver names the rule
  for (size_t k = first_waiver_; k < entries_.size(); ++k) {
    JustificationEntry& entry = entries_[k];
    if (!rule_matches(rule, entry.rule)) continue;
    if (names.empty()) names = waiver_names(subject);
    if (waiver_matches(*entry.waiver, names)) return &entry;
  }
  return nullptr;
}

JustificationReview::JustificationReview(const JustificationLedger& ledger, std::span<const Rule* const> catalog,
                                         std::span<const Rule* const> rules_run, std::span<const Finding> findings)
    : ledger_(ledger), catalog_(catalog) {
  for (const Rule* rule : rules_run) ran_.insert(rule->info.id);
  for (const Finding& finding : findings) {
    if (finding.not_evaluable && finding.subject != nullptr) not_evaluable_.emplace(finding.rule->id, finding.subject);
  }
}

std::vector<const Rule*> JustificationReview::rules_named(const JustificationEntry& entry) const {
  std::vector<const Rule*> named;
  for (const Rule* rule : catalog_) {
    const bool names = entry.source == JustificationSource::waiver ? rule_matches(rule->info, entry.rule)
                                                                   : rule->info.id == entry.rule;
    if (names) named.push_back(rule);
  }
  return named;
}

bool JustificationReview::judged(const RuleInfo& rule, const Resource& resource) const {
  if (!ran_.contains(rule.id) || resource.summary || resource.domain == nullptr) return false;
  return !not_evaluable_.contains(std::make_pair(rule.id, &resource));
}

}  // namespace sagelint
