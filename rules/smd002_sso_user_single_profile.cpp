// SMD002 sso-user-single-profile: one Identity Center user, one user profile per domain.
#include <unordered_map>

#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"identity", "security", "audit"};

constexpr std::string_view kDocumentation = R"md(## What it does
Finds IAM Identity Center users bound to more than one user profile of the same domain:
two profiles whose `SingleSignOnUserValue` is equal once case and surrounding spaces are
ignored. Each profile after the first is reported, with the place of the first.

## Why it matters
A user profile stands for one person: it holds their private spaces, their execution
role, their settings and the trail of what they did. Identity Center maps one user to one
profile, so a second profile for the same user splits that person's work and audit trail,
and usually means a profile was copied for somebody else.

## Example
```json
{"UserProfiles": [
  {"DomainId": "d-abc", "UserProfileName": "jdoe",   "SingleSignOnUserIdentifier": "UserName", "SingleSignOnUserValue": "jdoe"},
  {"DomainId": "d-abc", "UserProfileName": "jdoe-2", "SingleSignOnUserIdentifier": "UserName", "SingleSignOnUserValue": "jdoe"}
]}
```

## Use instead
One profile per person: delete `jdoe-2`, or bind it to the person who actually uses it.

## References
- [Team and user management with Amazon SageMaker and AWS SSO](https://aws.amazon.com/blogs/machine-learning/team-and-user-management-with-amazon-sagemaker-and-aws-sso/)
- [SageMaker Studio administration best practices: permissions management](https://docs.aws.amazon.com/whitepapers/latest/sagemaker-studio-admin-best-practices/permissions-management.html)
)md";

void check(const RuleContext& context, Reporter& reporter) {
  // (domain, normalised user) → the first profile bound to that user.
  std::unordered_map<std::string, const UserProfile*> first_profile;
  for (const UserProfile& profile : context.model().profiles) {
    if (profile.domain_link.empty()) continue;
    if (unknown_value(profile, profile.sso_user_value, "SingleSignOnUserValue", reporter)) continue;
    const auto user = profile.sso_user_value.string();
    if (!user) continue;
    const std::string normalised = to_lower(trim(*user));
    if (normalised.empty()) continue;
    const auto [it, inserted] = first_profile.emplace(profile.domain_link + '\n' + normalised, &profile);
    if (inserted) continue;
    const UserProfile& first = *it->second;
    reporter.report(profile, profile.sso_user_value,
                    "IAM Identity Center user " + quoted(*user) + " is bound to " + profile.description() + " and to " +
                        first.description() + " (" + short_position(first.sso_user_value.location()) +
                        "); one person should have one user profile per domain");
  }
}

}  // namespace

constinit const Rule kSsoUserSingleProfile{
    .info =
        {
            .id = "SMD002",
            .name = "sso-user-single-profile",
            .level = Level::error,
            .summary = "An IAM Identity Center user should be bound to exactly one user profile per domain.",
            .description = "Two user profiles of one domain must not share a SingleSignOnUserValue (compared without "
                           "regard to case or surrounding spaces): a profile stands for one person, with their own "
                           "spaces, role and audit trail.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToUserProfile,
            .justification = JustificationPolicy::not_accepted,
            .security_severity = "6.5",
            .precision = "very-high",
            .settings = {},
        },
    .check = check,
};

}  // namespace sagelint::rules
