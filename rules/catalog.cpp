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
    &rules::kIamProfileIdentityTag,
    &rules::kDomainAuthSso,
    &rules::kSsoOnlyFeatures,
    &rules::kDefaultLandingStudio,
    &rules::kStudioWebPortalEnabled,
    &rules::kHideStudioClassic,
    &rules::kEfsAutomountOnlyWhenNeeded,
    &rules::kAutomountValueValid,
    &rules::kRStudioLicenseAndVisibility,
    &rules::kRStudioAdminNotDefault,
    &rules::kNoQuickSetupInProduction,
    &rules::kVpcOnlyNetwork,
    &rules::kVpcOnlySecurityGroups,
    &rules::kDockerAndRemoteAccessJustified,
    &rules::kDomainCmkEncryption,
    &rules::kNotebookSharingS3Kms,
    &rules::kExecutionRoleExplicit,
    &rules::kSharedRoleSourceIdentity,
    &rules::kHiddenValuesValid,
    &rules::kHideUnusedTools,
    &rules::kUserOverrideKeepsDomainHiding,
    &rules::kHiddenButStillEnabled,
    &rules::kInstanceTypeGuardrail,
    &rules::kIdleShutdownEnabled,
    &rules::kIdleSettingsCoherent,
    &rules::kSharedSpaceIdleShutdown,
    &rules::kSpaceStorageBounded,
    &rules::kSpaceOwnershipDeclared,
    &rules::kSharedSpaceGoverned,
    &rules::kNamesValid,
    &rules::kTagsValidAndRequired,
    &rules::kJustificationExpired,
    &rules::kJustificationUnknownRule,
    &rules::kJustificationUnused,
    &rules::kJustificationIncomplete,
};

}  // namespace

std::span<const Rule* const> all_rules() { return kCatalog; }

const Rule* find_rule(std::string_view id_or_name) {
  for (const Rule* rule : kCatalog) {
    if (equals_ignoring_case(rule->info.id, id_or_name) || rule->info.name == id_or_name) return rule;
  }
  return nullptr;
}

std::vector<RuleExample> rule_examples(std::string_view rule_id) {
  std::vector<RuleExample> examples;
  for (const RuleExample& example : all_rule_examples()) {
    if (example.rule_id == rule_id) examples.push_back(example);
  }
  return examples;
}

RuleSelection select_rules(const std::vector<std::string>& select, const std::vector<std::string>& ignore) {
  RuleSelection selection;
  for (const auto* entries : {&select, &ignore}) {
    for (const std::string& entry : *entries) {
      const bool known = std::any_of(std::begin(kCatalog), std::end(kCatalog),
                                     [&](const Rule* rule) { return rule_matches(rule->info, entry); });
      if (!known) {
        selection.error = "no rule matches '" + entry + "'; sagelint rules lists them";
        return selection;
      }
    }
  }
  for (const Rule* rule : kCatalog) {
    const auto named = [&](const std::vector<std::string>& entries) {
      return std::any_of(entries.begin(), entries.end(), [&](const std::string& e) { return rule_matches(rule->info, e); });
    };
    if ((select.empty() || named(select)) && !named(ignore)) selection.rules.push_back(rule);
  }
  return selection;
}

}  // namespace sagelint
