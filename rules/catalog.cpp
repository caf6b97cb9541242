#include "sagelint/catalog.hpp"

#include <algorithm>

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
    &rules::kIdleShutdownEnabled,
    &rules::kIdleSettingsCoherent,
    &rules::kSharedSpaceIdleShutdown,
    &rules::kSpaceStorageBounded,
    &rules::kSharedSpaceGoverned,
    &rules::kNamesValid,
    &rules::kTagsValidAndRequired,
};

}  // namespace

std::span<const Rule* const> all_rules() { return kCatalog; }

const Rule* find_rule(std::string_view id_or_name) {
  for (const Rule* rule : kCatalog) {
    if (equals_ignoring_case(rule->info.id, id_or_name) || rule->info.name == id_or_name) return rule;
  }
  return nullptr;
}

namespace {

bool matches(const Rule& rule, std::string_view entry) {
  if (rule.info.name == entry) return true;
  // An id, or the start of one ("SMD00"); at least "SMD", so that "S" is no wildcard.
  return entry.size() >= 3 && entry.size() <= rule.info.id.size() &&
         equals_ignoring_case(rule.info.id.substr(0, entry.size()), entry);
}

}  // namespace

RuleSelection select_rules(const std::vector<std::string>& select, const std::vector<std::string>& ignore) {
  RuleSelection selection;
  for (const auto* entries : {&select, &ignore}) {
    for (const std::string& entry : *entries) {
      const bool known = std::any_of(std::begin(kCatalog), std::end(kCatalog),
                                     [&](const Rule* rule) { return matches(*rule, entry); });
      if (!known) {
        selection.error = "no rule matches '" + entry + "'; sagelint rules lists them";
        return selection;
      }
    }
  }
  for (const Rule* rule : kCatalog) {
    const auto named = [&](const std::vector<std::string>& entries) {
      return std::any_of(entries.begin(), entries.end(), [&](const std::string& e) { return matches(*rule, e); });
    };
    if ((select.empty() || named(select)) && !named(ignore)) selection.rules.push_back(rule);
  }
  return selection;
}

}  // namespace sagelint
