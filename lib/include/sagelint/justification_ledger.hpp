// Every justification a run can use, wherever it is written (tags and template Metadata beside
// resources, waivers in the configuration), and how many findings each one was matched to.
// The engine consults it while it justifies findings; the rules that review justifications
// (expired, naming no rule, unused, incomplete) read it afterwards.
#pragma once

#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "sagelint/justification.hpp"
#include "sagelint/location.hpp"
#include "sagelint/model.hpp"
#include "sagelint/rule.hpp"
#include "sagelint/settings.hpp"

namespace sagelint {

enum class JustificationSource : uint8_t { tag, metadata, waiver };

struct JustificationEntry {
  JustificationSource source = JustificationSource::tag;
  const Resource* resource = nullptr;  // the resource it is written beside; null for a waiver
  const Waiver* waiver = nullptr;      // the waiver, for waivers
  // The rule as written: an id beside resources; an id, name or id prefix in a waiver.
  std::string rule;
  Justification justification;  // its `problem` also says when a required owner is missing
  std::string origin;           // how a finding's message names it: "tag 'sagelint:justify:SMD007'"
  Location at;                  // the whole entry
  Location rule_at;             // where it names the rule
  Location reason_at;           // its reason (and owner)
  Location expires_at;          // its expiry date
  size_t matched_findings = 0;  // findings it was the justification of, accepted or not
};

// "tag 'sagelint:justify:SMD007' of user profile 'jdoe'", "the waiver of SMD007 for 'jdoe*'":
// how the justification rules name an entry.
std::string describe(const JustificationEntry& entry);

// The names a waiver's `resource` pattern is matched against: the resource's ARN, its name,
// and "<file>#<logical id or address>" for resources of templates and modules.
std::vector<std::string> waiver_names(const Resource& resource);
// Whether `waiver.resource` matches one of a resource's `waiver_names`.
bool waiver_matches(const Waiver& waiver, std::span<const std::string> names);

class JustificationLedger {
 public:
  // The justifications beside the model's resources and in `waivers`, which must outlive the
  // ledger. With settings.require_justification_owner, one that names no owner has a problem.
  JustificationLedger(const Model& model, std::span<const Waiver> waivers, const Settings& settings);

  // The entry that justifies `rule`'s findings about `subject`: one written beside it first,
  // then the first waiver that names the rule and matches the resource; null when none does.
  JustificationEntry* find(const Resource& subject, const RuleInfo& rule);

  std::span<const JustificationEntry> entries() const { return entries_; }

 private:
  void add_written_beside(const Resource& resource, bool owner_required);

  std::vector<JustificationEntry> entries_;  // those beside resources first, then the waivers
  std::unordered_map<const Resource*, std::vector<size_t>> beside_;  // entries by resource
  size_t first_waiver_ = 0;
};

// What a run made of its justifications, for the rules that review them, which run after
// every other rule.
class JustificationReview {
 public:
  // `catalog`: every rule there is; `rules_run`: the rules of this run, whose `findings`
  // (justified or not) the ledger has seen.
  JustificationReview(const JustificationLedger& ledger, std::span<const Rule* const> catalog,
                      std::span<const Rule* const> rules_run, std::span<const Finding> findings);

  std::span<const JustificationEntry> entries() const { return ledger_.entries(); }
  std::span<const Rule* const> catalog() const { return catalog_; }
  // The rules of the catalog an entry names: the one whose id it gives beside a resource; for
  // a waiver, every rule its id, name or id prefix matches.
  std::vector<const Rule*> rules_named(const JustificationEntry& entry) const;
  // Whether `rule` ran in this run and could judge `resource`: not a list-* summary, its
  // domain among the inputs, no value the rule needed unknown.
  bool judged(const RuleInfo& rule, const Resource& resource) const;

 private:
  const JustificationLedger& ledger_;
  std::span<const Rule* const> catalog_;
  std::unordered_set<std::string_view> ran_;  // rule ids
  std::set<std::pair<std::string_view, const Resource*>> not_evaluable_;  // rule id, resource
};

}  // namespace sagelint
