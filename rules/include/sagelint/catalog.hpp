// The rule catalog: every rule sagelint knows, sorted by id.
#pragma once

#include <span>
#include <string_view>

#include "sagelint/rule.hpp"

namespace sagelint {

std::span<const Rule* const> all_rules();
// By id ("SMD007", any case) or name ("default-landing-studio"); null when unknown.
const Rule* find_rule(std::string_view id_or_name);

}  // namespace sagelint
