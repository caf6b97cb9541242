// The rule catalog: every rule sagelint knows, sorted by id.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sagelint/rule.hpp"
#include "sagelint/rule_docs.hpp"

namespace sagelint {

std::span<const Rule* const> all_rules();
// By id ("SMD007", any case) or name ("default-landing-studio"); null when unknown.
const Rule* find_rule(std::string_view id_or_name);

// The rules' examples: for each rule and input format, its shortest failing and passing
// fixture, embedded at build time by tools/gen_rule_examples.py.
std::span<const RuleExample> all_rule_examples();
std::vector<RuleExample> rule_examples(std::string_view rule_id);

// The rules `select` names (all when it is empty) minus those `ignore` names. Each entry is
// an id, a name, or an id prefix ("SMD00"). Returns an error message for an entry that
// matches no rule.
struct RuleSelection {
  std::vector<const Rule*> rules;
  std::string error;
};
RuleSelection select_rules(const std::vector<std::string>& select, const std::vector<std::string>& ignore);

}  // namespace sagelint
