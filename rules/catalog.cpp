#include "sagelint/catalog.hpp"

#include "rules.hpp"
#include "sagelint/text.hpp"

namespace sagelint {
namespace {

// Sorted by id; a test keeps it so. Adding a rule: one file, one line here.
constexpr const Rule* kCatalog[] = {
    &rules::kInvalidInput,
    &rules::kSsoProfileBinding,
    &rules::kSsoUserSingleProfile,
    &rules::kProfileNameNotGeneric,
    &rules::kDefaultLandingStudio,
    &rules::kStudioWebPortalEnabled,
    &rules::kHideStudioClassic,
    &rules::kEfsAutomountOnlyWhenNeeded,
    &rules::kNoQuickSetupInProduction,
    &rules::kVpcOnlyNetwork,
    &rules::kNamesValid,
};

}  // namespace

std::span<const Rule* const> all_rules() { return kCatalog; }

const Rule* find_rule(std::string_view id_or_name) {
  for (const Rule* rule : kCatalog) {
    if (equals_ignoring_case(rule->info.id, id_or_name) || rule->info.name == id_or_name) return rule;
  }
  return nullptr;
}

}  // namespace sagelint
