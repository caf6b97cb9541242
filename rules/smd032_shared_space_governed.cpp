// SMD032 shared-space-governed: a shared space has a role of its own, cost tags and a reason.
#include <unordered_set>

#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"spaces", "cost", "security"};

constexpr std::string_view kSettings[] = {"shared_space_tag_keys"};

constexpr std::string_view kDocumentation = R"md(## What it does
Checks every space whose `SpaceSharingSettings.SharingType` is `Shared`. Each is a warning:

- its domain sets `DefaultSpaceSettings.ExecutionRole`, the role shared spaces run with, and
  that role is not one the console generated
  (`…:role/service-role/AmazonSageMaker-ExecutionRole-<yyyymmdd>T<hhmmss>`, which carries
  `AmazonSageMakerFullAccess`); reported once per domain;
- the space carries the tags in `shared_space_tag_keys` (`Project` and `Owner` by default),
  so its cost can be attributed;
- the space has a justification, a `sagelint:justify:SMD032` tag (or template Metadata)
  saying why it is shared: every shared space is reported until it has one.

A justification accepts all of the space's findings of this rule, so add the tags before it.
describe-space output carries no tags: without list-tags output beside it (a bundle's
`Tags`), the tags and the justification of an exported space cannot be checked and the rule
says so once per space. So does a shared space whose domain, and so its role, is not among
the inputs; its tags are still checked.

## Why it matters
A shared space can be opened by every user profile of its domain and runs with the space
default execution role, not with the role of the person using it: whatever that role may do,
every user of the domain may do through the space. A console-generated role usually grants
far more than a team's shared work needs. Shared spaces are also billed to nobody in
particular unless tags say whose project they serve.

## Example
```json
{
  "SpaceName": "churn-model",
  "SpaceSharingSettings": {"SharingType": "Shared"},
  "Tags": []
}
```

## Use instead
```json
{
  "SpaceName": "churn-model",
  "SpaceSharingSettings": {"SharingType": "Shared"},
  "Tags": [
    {"Key": "Project", "Value": "churn"},
    {"Key": "Owner", "Value": "jdoe"},
    {"Key": "sagelint:justify:SMD032", "Value": "churn team pairs on feature engineering expires=2026-12-31"}
  ]
}
```
with the domain's `DefaultSpaceSettings.ExecutionRole` set to a role made for shared work.

## References
- [Execution roles and spaces](https://docs.aws.amazon.com/sagemaker/latest/dg/execution-roles-and-spaces.html)
- [SageMaker Studio administration best practices: multiple domains and shared spaces](https://docs.aws.amazon.com/whitepapers/latest/sagemaker-studio-admin-best-practices/multiple-domains-and-shared-spaces.html)
- [DefaultSpaceSettings](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DefaultSpaceSettings.html)
)md";

void check_role(const Domain& domain, const Space& first_shared, const ConsoleRolePattern& console_role,
                Reporter& reporter) {
  const Value space_settings = domain.root["DefaultSpaceSettings"];
  const Value role = space_settings["ExecutionRole"];
  if (role.is_unknown()) return;
  if (role.is_absent()) {
    const Location at = space_settings.is_present() ? space_settings.location() : resource_location(domain);
    reporter.report(&domain, at, Level::warning,
                    domain.description() + " has shared spaces (such as " + quoted(first_shared.display_name()) +
                        ") but sets no DefaultSpaceSettings.ExecutionRole; give shared spaces a role of their own");
    return;
  }
  const auto text = role.string();
  if (!console_role.matches(role)) return;
  reporter.report(domain, role,
                  "shared spaces of " + domain.description() + " run with the console-generated role " +
                      quoted(*text) + ", which every user of the domain then holds; use a role made for shared work");
}

// Returns whether the space's tags are known.
bool check_tags(const Space& space, const std::vector<std::string>& required, Reporter& reporter) {
  if (!space.tags_known || has_unknown_tag_key(space)) {
    reporter.not_evaluable(space, tags_location(space),
                           tags_unknown_because(space));
    return false;
  }
  std::vector<std::string_view> missing;
  for (const std::string& key : required) {
    if (space.find_tag(key) == nullptr) missing.push_back(key);
  }
  if (missing.empty()) return true;
  reporter.report(&space, tags_location(space), Level::warning,
                  "shared " + space.description() + " lacks the tag" + (missing.size() > 1 ? "s " : " ") +
                      quoted_list(missing) + (missing.size() > 1 ? ", which attribute" : ", which attributes") +
                      " its cost (shared_space_tag_keys)");
  return true;
}

void check(const RuleContext& context, Reporter& reporter) {
  const ConsoleRolePattern console_role;
  const std::vector<std::string>& required = context.settings().shared_space_tag_keys;
  std::unordered_set<const Domain*> domains_checked;
  for (const Space& space : context.model().spaces) {
    if (is_shared_space(space) != true) continue;
    if (space.domain == nullptr) {
      reporter.not_evaluable(space, resource_location(space),
                             "its domain, whose DefaultSpaceSettings.ExecutionRole it runs with, is not among the "
                             "inputs");
    } else if (domains_checked.insert(space.domain).second) {
      check_role(*space.domain, space, console_role, reporter);
    }
    // Without its tags, whether the space is justified is not known either.
    if (!check_tags(space, required, reporter)) continue;
    reporter.report(space, space.sharing_type,
                    space.description() + " is shared with every user profile of its domain; say why in a "
                                          "'sagelint:justify:SMD032' tag");
  }
}

}  // namespace

constinit const Rule kSharedSpaceGoverned{
    .info =
        {
            .id = "SMD032",
            .name = "shared-space-governed",
            .level = Level::warning,
            .summary = "A shared space should run with a dedicated space role, carry cost tags and be justified.",
            .description = "Every shared space is open to all user profiles of its domain: the domain's "
                           "DefaultSpaceSettings.ExecutionRole should be set and not console-generated, the space "
                           "should carry the shared_space_tag_keys tags, and a justification should say why it is "
                           "shared.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain | kAppliesToSpace,
            .justification = JustificationPolicy::required,
            .security_severity = "4.0",
            .precision = "high",
            .settings = kSettings,
        },
    .check = check,
};

}  // namespace sagelint::rules
