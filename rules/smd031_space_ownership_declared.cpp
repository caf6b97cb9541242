// SMD031 space-ownership-declared: a space names its sharing type and an owner who is a person of its domain.
#include <algorithm>

#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"spaces", "identity", "security"};

constexpr std::string_view kSettings[] = {"generic_name_patterns"};

constexpr std::string_view kDocumentation = R"md(## What it does
Checks the ownership of every space:
- `OwnershipSettings.OwnerUserProfileName` and `SpaceSharingSettings.SharingType` are set;
- the owner is a user profile of the space's domain, compared without regard to case;
- the owner of a `Private` space is not a generic profile (the names of SMD003, such as
  `shared`, `team` or `ds-team-shared`).

All findings are errors. The owner can only be looked up when the space's domain and some of
its user profiles are among the inputs, and the owner's name and the profiles' names are
known; otherwise the space gets a note that the lookup cannot be done, and the other checks
still apply. Spaces created in Studio Classic's time without ownership settings are
reported too: recreate them with an owner.

## Why it matters
A private space is reachable only by its owner and runs with the owner's execution role; a
shared space is open to every profile of the domain and runs with the space default role.
A space that does not say which it is, or whose owner is missing, leaves both who can open
it and which role it uses to defaults nobody chose. A private space owned by a team
profile is private in name only: everybody signing in as that profile shares it.

## Example
```json
{
  "DomainId": "d-abc",
  "SpaceName": "churn-model",
  "OwnershipSettings": {"OwnerUserProfileName": "ds-team-shared"},
  "SpaceSharingSettings": {"SharingType": "Private"}
}
```

## Use instead
```json
{
  "DomainId": "d-abc",
  "SpaceName": "churn-model",
  "OwnershipSettings": {"OwnerUserProfileName": "jdoe"},
  "SpaceSharingSettings": {"SharingType": "Private"}
}
```

## References
- [CreateSpace: OwnershipSettings and SpaceSharingSettings](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateSpace.html)
- [Execution roles and spaces](https://docs.aws.amazon.com/sagemaker/latest/dg/execution-roles-and-spaces.html)
- [SageMaker Studio administration best practices: multiple domains and shared spaces](https://docs.aws.amazon.com/whitepapers/latest/sagemaker-studio-admin-best-practices/multiple-domains-and-shared-spaces.html)
)md";

// Whether `owner` is a profile of the space's domain; nullopt, after a note, when that cannot
// be known.
std::optional<bool> owner_exists(const Space& space, std::string_view owner, Reporter& reporter) {
  const auto cannot = [&](std::string_view why) {
    reporter.not_evaluable(space, space.owner.location(), why);
    return std::nullopt;
  };
  if (space.domain == nullptr) {
    return cannot("its domain is not among the inputs, so whether its owner is a user profile is not known");
  }
  if (space.domain->profiles.empty()) {
    return cannot("no user profile of its domain is among the inputs, so whether its owner is one is not known");
  }
  bool unknown_name = false;
  for (const UserProfile* profile : space.domain->profiles) {
    const auto name = profile->name.string();
    if (name && equals_ignoring_case(*name, owner)) return true;
    unknown_name = unknown_name || !name;
  }
  if (unknown_name) {
    return cannot("some user profile names of its domain are not known, so whether its owner is one is not known");
  }
  return false;
}

void check_owner(const RuleContext& context, const Space& space, Reporter& reporter) {
  if (space.owner.is_unknown()) {
    reporter.not_evaluable(space, space.owner.location(), "its owner is not known");
    return;
  }
  if (space.owner.is_absent()) {
    reporter.report(&space, resource_location(space), Level::error,
                    space.description() +
                        " names no owner; set OwnershipSettings.OwnerUserProfileName to the user profile of the "
                        "person responsible for it");
    return;
  }
  const auto owner = space.owner.string();
  if (!owner) return;
  if (owner_exists(space, *owner, reporter) == false) {
    reporter.report(space, space.owner,
                    "owner " + quoted(*owner) + " of " + space.description() + " is not a user profile of " +
                        space.domain->description() + "; name an existing profile");
  }
  if (space.sharing_type.string() == "Private" && context.settings().is_generic_name(*owner)) {
    reporter.report(space, space.owner,
                    "private " + space.description() + " is owned by " + quoted(*owner) +
                        ", a name for a team, a role or nobody in particular; a private space belongs to one "
                        "person, so give it that person's profile or make it a shared space");
  }
}

void check(const RuleContext& context, Reporter& reporter) {
  for (const Space& space : context.model().spaces) {
    if (space.sharing_type.is_absent()) {
      reporter.report(&space, resource_location(space), Level::error,
                      space.description() +
                          " does not say whether it is private or shared; set SpaceSharingSettings.SharingType to "
                          "'Private' or 'Shared'");
    } else if (space.sharing_type.is_unknown()) {
      reporter.not_evaluable(space, space.sharing_type.location(), "its sharing type is not known");
    }
    check_owner(context, space, reporter);
  }
}

}  // namespace

constinit const Rule kSpaceOwnershipDeclared{
    .info =
        {
            .id = "SMD031",
            .name = "space-ownership-declared",
            .level = Level::error,
            .summary = "A space must name its sharing type and an owner who is a user profile of its domain, and a "
                       "private space must belong to a person.",
            .description = "Every space needs OwnershipSettings.OwnerUserProfileName and "
                           "SpaceSharingSettings.SharingType; the owner must be a user profile of the same domain "
                           "(compared without regard to case), and a private space's owner must not be a generic "
                           "team or placeholder profile.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToSpace,
            .justification = JustificationPolicy::not_accepted,
            .security_severity = "4.0",
            .precision = "high",
            .settings = kSettings,
        },
    .check = check,
};

}  // namespace sagelint::rules
