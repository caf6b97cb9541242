// SMD013 rstudio-admin-not-default: new users do not become RStudio administrators by default.
#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"rstudio", "security", "least-privilege"};

constexpr std::string_view kDocumentation = R"md(## What it does
Checks `RStudioServerProAppSettings.UserGroup`:
- in a domain's `DefaultUserSettings`, `R_STUDIO_ADMIN` is an error: every user profile that
  does not set its own group, including every profile created later, becomes an RStudio
  administrator;
- in a user profile's `UserSettings`, `R_STUDIO_ADMIN` is a note, so that each administrator
  is a visible, deliberate choice. Give the reason with a tag
  `sagelint:justify:SMD013` on the profile (or, in CloudFormation, in its
  `Metadata.sagelint.justify`), which also silences the note.

A domain default that is not known before deployment gets a note that it cannot be checked.

The justification policy is per finding, not per case: the engine cannot accept a reason for
the profile note but refuse one for the domain default. The rule therefore accepts
justifications; justifying a domain-wide administrator default should stay exceptional.

## Why it matters
`R_STUDIO_ADMIN` opens the RStudio Administrative Dashboard, where users and sessions of the
whole RStudio server can be managed. Least privilege says few people should have it, and
those by name: the API default is `R_STUDIO_USER`.

## Example
```json
"DefaultUserSettings": {
  "RStudioServerProAppSettings": {"AccessStatus": "ENABLED", "UserGroup": "R_STUDIO_ADMIN"}
}
```

## Use instead
```json
"DefaultUserSettings": {
  "RStudioServerProAppSettings": {"AccessStatus": "ENABLED", "UserGroup": "R_STUDIO_USER"}
}
```
and `R_STUDIO_ADMIN` only in the `UserSettings` of the administrators' own profiles.

## References
- [RStudioServerProAppSettings](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_RStudioServerProAppSettings.html)
- [SageMaker Studio administration best practices: permissions management](https://docs.aws.amazon.com/whitepapers/latest/sagemaker-studio-admin-best-practices/permissions-management.html)
)md";

constexpr std::string_view kAdmin = "R_STUDIO_ADMIN";

void check(const RuleContext& context, Reporter& reporter) {
  for_each_settings_owner(context.model(), [&](const EffectiveSettings& settings) {
    const Resource& owner = settings.owner();
    if (owner.summary) return;
    const Value group = settings.own().get({"RStudioServerProAppSettings", "UserGroup"});
    if (group.is_unknown()) {
      if (settings.is_domain()) {
        reporter.not_evaluable(owner, group.location(), "its default RStudio UserGroup is not known before deployment");
      }
      return;
    }
    if (group.string() != kAdmin) return;
    if (settings.is_domain()) {
      reporter.report(owner, group,
                      owner.description() +
                          " makes every user profile an RStudio administrator by default (UserGroup is "
                          "'R_STUDIO_ADMIN'); set it to 'R_STUDIO_USER' and grant 'R_STUDIO_ADMIN' per profile");
    } else {
      reporter.report(owner, group, Level::note,
                      owner.description() +
                          " is an RStudio administrator (UserGroup is 'R_STUDIO_ADMIN'); justify it with the tag "
                          "'sagelint:justify:SMD013' or set it to 'R_STUDIO_USER'");
    }
  });
}

}  // namespace

constinit const Rule kRStudioAdminNotDefault{
    .info =
        {
            .id = "SMD013",
            .name = "rstudio-admin-not-default",
            .level = Level::error,
            .summary = "A domain's default RStudio UserGroup must not be 'R_STUDIO_ADMIN'.",
            .description = "DefaultUserSettings.RStudioServerProAppSettings.UserGroup 'R_STUDIO_ADMIN' makes every "
                           "user profile that does not override it an administrator of the RStudio server. "
                           "Administrators should be named per profile; each such profile is reported as a note "
                           "until it is justified.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain | kAppliesToUserProfile,
            .justification = JustificationPolicy::allowed,
            .security_severity = "6.0",
            .precision = "very-high",
            .settings = {},
        },
    .check = check,
};

}  // namespace sagelint::rules
