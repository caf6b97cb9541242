// What a compliance report shows, computed once from a run and rendered as HTML or Markdown:
// findings grouped by domain, each user profile against the headline practices, and the
// exceptions in force.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sagelint/date.hpp"
#include "sagelint/lint.hpp"
#include "sagelint/settings.hpp"

namespace sagelint {

// A practice the report checks every user profile against, and the rules that judge it.
struct Practice {
  std::string_view title;        // "Studio, not Classic"
  std::string_view description;  // one sentence, for the legend
  std::span<const std::string_view> rules;  // rule ids
  // Members of UserSettings the practice is about, dot-separated: a profile that does not set
  // one of them inherits the domain's value, and with it the domain's findings about it.
  std::span<const std::string_view> settings;
};

std::span<const Practice> headline_practices();

enum class PracticeState : uint8_t {
  holds,           // the rules ran and found nothing
  broken,          // an open error or warning about the profile, or about a default it inherits
  justified,       // only justified findings
  unknown,         // a rule could not check it (a value unknown before deployment, no domain)
  not_evaluated,   // none of the practice's rules ran
};

std::string_view symbol(PracticeState state);  // "✓", "✗", "✓ justified", "?", "n.a."
std::string_view meaning(PracticeState state);  // for the legend
std::string_view to_string(Environment environment);  // "production", "non-production", "unspecified"

struct PracticeCell {
  PracticeState state = PracticeState::not_evaluated;
  std::vector<size_t> findings;  // indexes into LintResult::findings that decide the state
  bool inherited = false;        // only findings about the domain's defaults decide it
};

struct ProfileRow {
  const Resource* resource = nullptr;  // a user profile; the domain for its defaults' row
  std::vector<PracticeCell> cells;     // one per headline practice
};

// Findings by level; justified ones apart, whatever their level.
struct LevelCounts {
  size_t errors = 0;
  size_t warnings = 0;
  size_t notes = 0;
  size_t justified = 0;

  void add(const Finding& finding);
  size_t open() const { return errors + warnings + notes; }
};

struct DomainCompliance {
  const Domain* domain = nullptr;  // null: profiles and spaces whose domain is not among the inputs
  Environment environment = Environment::unspecified;
  ProfileRow defaults;               // the domain's DefaultUserSettings, which profiles inherit
  std::vector<ProfileRow> profiles;  // by name
  std::vector<size_t> findings;      // about the domain, its profiles and spaces: open ones first
  LevelCounts counts;
};

struct RuleCount {
  const Rule* rule = nullptr;
  LevelCounts counts;
};

struct Compliance {
  std::vector<DomainCompliance> domains;   // by name; the one without a domain last
  std::vector<size_t> other_findings;      // about no resource: input problems, the configuration
  std::vector<size_t> exceptions;          // justified findings, soonest expiry first
  std::vector<RuleCount> rules;            // every rule evaluated, by id
  FindingCounts counts;
};

// `settings` decide the domains' environments.
Compliance assess_compliance(const LintResult& result, const Settings& settings);

// Whether a justification expiring on `expires` runs out within `days` days after `today`
// (or has already).
bool expires_within(const Date& expires, const Date& today, int days);

}  // namespace sagelint
