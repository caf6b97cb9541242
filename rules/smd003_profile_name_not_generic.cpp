// SMD003 profile-name-not-generic: a user profile is named after the one person it stands for.
#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"identity", "audit"};

constexpr std::string_view kSettings[] = {"generic_name_patterns"};

constexpr std::string_view kDocumentation = R"md(## What it does
Flags user profiles whose name says they are for a team, a role or nobody in particular:
`shared`, `team`, `admin`, `test`, `user1`, the Quick Setup `default-20250605T020811`, or a
name with a `-team`, `-shared`, `-group` or `-common` part such as `ds-team-shared`. The
comparison ignores case. A generic name is reported even when the profile is bound to an
IAM Identity Center user, because the name then misleads whoever reads it.

## Why it matters
A SageMaker AI user profile is meant to stand for one person: its private spaces, execution
role, storage, costs and audit trail are that person's. A team profile shared by several
people makes CloudTrail unable to say who did what, mixes everybody's files, and puts
per-user limits on a group. Give each member of a team their own profile.

## Example
```json
{"UserProfileName": "ds-team-shared"}
```

## Use instead
```json
{"UserProfileName": "ana-lopez"}
```
A sanctioned exception, such as a break-glass profile, can carry the tag
`sagelint:justify:SMD003` with the reason.

## References
- [SageMaker Studio administration best practices: identity management](https://docs.aws.amazon.com/whitepapers/latest/sagemaker-studio-admin-best-practices/identity-management.html)
- [CreateUserProfile](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateUserProfile.html)
)md";

void check(const RuleContext& context, Reporter& reporter) {
  for (const UserProfile& profile : context.model().profiles) {
    if (unknown_value(profile, profile.name, "its name", reporter)) continue;
    const auto name = profile.name.string();
    if (!name || !context.settings().is_generic_name(*name)) continue;
    std::string message = "user profile name " + quoted(*name) + " is generic";
    if (const auto user = profile.sso_user_value.string(); user && !trim(*user).empty()) {
      message += " although the profile is bound to IAM Identity Center user " + quoted(*user);
    }
    message += "; a user profile stands for one person, so name it after that person";
    reporter.report(profile, profile.name, std::move(message));
  }
}

}  // namespace

constinit const Rule kProfileNameNotGeneric{
    .info =
        {
            .id = "SMD003",
            .name = "profile-name-not-generic",
            .level = Level::warning,
            .summary = "A user profile's name should name the person it belongs to, not a team, role or placeholder.",
            .description = "Flags user profile names such as 'shared', 'team', 'admin', 'test', 'user1', the Quick "
                           "Setup 'default-<timestamp>', or names with a '-team', '-shared', '-group' or '-common' "
                           "part: each profile should stand for exactly one person, so that spaces, roles, costs "
                           "and the audit trail are theirs.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToUserProfile,
            .justification = JustificationPolicy::allowed,
            .security_severity = {},
            .precision = "high",
            .settings = kSettings,
        },
    .check = check,
};

}  // namespace sagelint::rules
