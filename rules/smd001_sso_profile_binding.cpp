// SMD001 sso-profile-binding: a profile binds exactly the identity its domain's AuthMode expects.
#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"identity", "security"};
constexpr size_t kMaxUserValueLength = 256;

constexpr std::string_view kDocumentation = R"md(## What it does
Checks each user profile's IAM Identity Center binding against its domain's `AuthMode`:
- in an `SSO` domain, `SingleSignOnUserIdentifier` must be `UserName` and
  `SingleSignOnUserValue` must name a user (not empty, at most 256 characters);
- in an `IAM` domain, neither field may be set.

The domain must be among the inputs; a profile whose domain is missing is not checked.

## Why it matters
In an Identity Center domain the binding is what makes a profile one person's: without it
the profile is created but nobody can sign in to it, and a group name in it is rejected.
`UserName` is the only identifier AWS supports. In an IAM domain the fields are not allowed
at all and signal a profile written for a different domain.

## Example
```json
{
  "UserProfileName": "data-science",
  "SingleSignOnUserIdentifier": "GroupName",
  "SingleSignOnUserValue": "data-science-team"
}
```

## Use instead
```json
{
  "UserProfileName": "jdoe",
  "SingleSignOnUserIdentifier": "UserName",
  "SingleSignOnUserValue": "jdoe"
}
```

## References
- [CreateUserProfile: SingleSignOnUserIdentifier and SingleSignOnUserValue](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateUserProfile.html)
- [Onboard to a domain using IAM Identity Center](https://docs.aws.amazon.com/sagemaker/latest/dg/onboard-sso-users.html)
)md";

void check_sso_profile(const UserProfile& profile, const Domain& domain, Reporter& reporter) {
  const Value& identifier = profile.sso_user_identifier;
  const Value& user = profile.sso_user_value;
  if (identifier.is_absent() && user.is_absent()) {
    reporter.report(&profile, resource_location(profile), Level::error,
                    profile.description() + " in SSO " + domain.description() +
                        " is not bound to an IAM Identity Center user; set SingleSignOnUserIdentifier to 'UserName' "
                        "and SingleSignOnUserValue to the user's name");
    return;
  }
  if (identifier.is_absent()) {
    reporter.report(&profile, resource_location(profile), Level::error,
                    profile.description() + " in SSO " + domain.description() +
                        " has no SingleSignOnUserIdentifier; set it to 'UserName'");
  } else if (const auto text = identifier.string(); text && *text != "UserName") {
    reporter.report(profile, identifier,
                    "SingleSignOnUserIdentifier of " + profile.description() + " is " + quoted(*text) +
                        "; the only supported value is 'UserName'");
  }
  if (user.is_absent()) {
    reporter.report(&profile, resource_location(profile), Level::error,
                    profile.description() + " in SSO " + domain.description() +
                        " has no SingleSignOnUserValue; set it to the IAM Identity Center user's name");
  } else if (const auto name = user.string()) {
    if (trim(*name).empty()) {
      reporter.report(profile, user,
                      "SingleSignOnUserValue of " + profile.description() +
                          " is empty; set it to the IAM Identity Center user's name");
    } else if (name->size() > kMaxUserValueLength) {
      reporter.report(profile, user,
                      "SingleSignOnUserValue of " + profile.description() + " has " + std::to_string(name->size()) +
                          " characters; at most 256 are allowed");
    }
  }
}

void check_iam_profile(const UserProfile& profile, const Domain& domain, Reporter& reporter) {
  for (const auto& [field, name] : {std::pair{&profile.sso_user_identifier, "SingleSignOnUserIdentifier"},
                                    std::pair{&profile.sso_user_value, "SingleSignOnUserValue"}}) {
    if (!field->is_present()) continue;
    reporter.report(profile, *field,
                    profile.description() + " sets " + name + " although " + domain.description() +
                        " uses IAM authentication; remove it");
  }
}

void check(const RuleContext& context, Reporter& reporter) {
  for (const UserProfile& profile : context.model().profiles) {
    if (profile.summary || profile.domain == nullptr) continue;
    const Value auth_mode_value = profile.domain->root["AuthMode"];
    if (unknown_value(profile, auth_mode_value, "the AuthMode of its domain", reporter)) continue;
    const auto auth_mode = auth_mode_value.string();
    if (!auth_mode) continue;
    const Reporter::Premise premise(reporter, auth_mode_value);
    if (*auth_mode == "SSO") check_sso_profile(profile, *profile.domain, reporter);
    if (*auth_mode == "IAM") check_iam_profile(profile, *profile.domain, reporter);
  }
}

}  // namespace

constinit const Rule kSsoProfileBinding{
    .info =
        {
            .id = "SMD001",
            .name = "sso-profile-binding",
            .level = Level::error,
            .summary = "A user profile must be bound to one IAM Identity Center user in an SSO domain, and to none "
                       "in an IAM domain.",
            .description = "In a domain whose AuthMode is SSO, each user profile needs SingleSignOnUserIdentifier "
                           "'UserName' and a SingleSignOnUserValue naming one Identity Center user; in an IAM domain "
                           "both fields must be absent. Without the binding nobody can sign in to the profile.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToUserProfile,
            .justification = JustificationPolicy::not_accepted,
            .security_severity = "7.0",
            .precision = "very-high",
            .settings = {},
        },
    .check = check,
};

}  // namespace sagelint::rules
