// SMD011 automount-value-valid: AutoMountHomeEFS holds a value the API accepts where it is written.
#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"storage", "validity"};

constexpr std::string_view kDocumentation = R"md(## What it does
Checks the `AutoMountHomeEFS` value each domain (`DefaultUserSettings`) and each user profile
(`UserSettings`) writes:
- it must be `Enabled`, `Disabled` or `DefaultAsDomain` (error);
- `DefaultAsDomain` is for user profiles only: a domain's `DefaultUserSettings` must not use
  it (error);
- `Enabled` where the domain does not create an EFS file system
  (`HomeEfsFileSystemCreation` is `Disabled`) has no effect until EFS creation is enabled
  (warning). A domain that does not set `HomeEfsFileSystemCreation` creates EFS, the API
  default.

A profile whose domain is not among the inputs, or a value that is not known before
deployment, gets a note that it cannot be checked instead of a finding.

## Why it matters
The API rejects an unknown value and a domain-level `DefaultAsDomain`, so the deployment
fails. `Enabled` without an EFS file system promises users a shared home folder they do not
get, and changes meaning silently the day someone enables EFS creation (which cannot be
undone).

## Example
```json
"DefaultUserSettings": {"AutoMountHomeEFS": "DefaultAsDomain"}
```

## Use instead
```json
"DefaultUserSettings": {"AutoMountHomeEFS": "Disabled"}
```
and on a user profile that should follow its domain:
```json
"UserSettings": {"AutoMountHomeEFS": "DefaultAsDomain"}
```

## References
- [UserSettings.AutoMountHomeEFS](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UserSettings.html)
- [CreateDomain: HomeEfsFileSystemCreation](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateDomain.html)
- [Automatically mount Amazon EFS in Studio](https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-automount.html)
)md";

constexpr std::string_view kValues[] = {"Enabled", "Disabled", "DefaultAsDomain"};

bool is_valid(std::string_view value) {
  for (std::string_view valid : kValues) {
    if (value == valid) return true;
  }
  return false;
}

// Reports 'Enabled' written by `owner` when its domain creates no EFS file system.
void check_enabled_without_efs(const EffectiveSettings& settings, const Value& value, Reporter& reporter) {
  const Resource& owner = settings.owner();
  const Domain* domain = settings.domain();
  if (domain == nullptr || domain->summary) {
    reporter.not_evaluable(owner, value.location(),
                           "its domain's HomeEfsFileSystemCreation is not known, so 'Enabled' may have no effect");
    return;
  }
  const Value creation = domain->root["HomeEfsFileSystemCreation"];
  if (creation.is_unknown()) {
    reporter.not_evaluable(owner, value.location(), "HomeEfsFileSystemCreation of its domain is not known");
    return;
  }
  if (creation.string() != "Disabled") return;
  const Reporter::Premise premise(reporter, creation);
  const std::string where = settings.is_domain() ? std::string("it") : domain->description();
  reporter.report(owner, value, Level::warning,
                  owner.description() + " sets AutoMountHomeEFS to 'Enabled', but " + where +
                      " does not create an EFS file system (HomeEfsFileSystemCreation is 'Disabled'); "
                      "the setting has no effect until EFS creation is enabled");
}

void check(const RuleContext& context, Reporter& reporter) {
  for_each_settings_owner(context.model(), [&](const EffectiveSettings& settings) {
    const Resource& owner = settings.owner();
    if (owner.summary) return;
    const Value value = settings.own()["AutoMountHomeEFS"];
    if (value.is_absent()) return;
    if (value.is_unknown()) {
      reporter.not_evaluable(owner, value.location(), "its AutoMountHomeEFS is not known before deployment");
      return;
    }
    const auto text = value.string();
    if (!text) return;  // a wrong type is an input problem (SMD000)
    if (!is_valid(*text)) {
      reporter.report(owner, value,
                      "AutoMountHomeEFS of " + owner.description() + " is " + quoted(*text) +
                          "; expected 'Enabled', 'Disabled' or 'DefaultAsDomain'");
      return;
    }
    if (*text == "DefaultAsDomain" && settings.is_domain()) {
      reporter.report(owner, value,
                      owner.description() +
                          " sets DefaultUserSettings.AutoMountHomeEFS to 'DefaultAsDomain', which only user profiles "
                          "accept; set it to 'Enabled' or 'Disabled'");
      return;
    }
    if (*text == "Enabled") check_enabled_without_efs(settings, value, reporter);
  });
}

}  // namespace

constinit const Rule kAutomountValueValid{
    .info =
        {
            .id = "SMD011",
            .name = "automount-value-valid",
            .level = Level::error,
            .summary = "AutoMountHomeEFS must be 'Enabled', 'Disabled' or, on user profiles only, 'DefaultAsDomain'.",
            .description = "The API rejects any other AutoMountHomeEFS value, and 'DefaultAsDomain' in a domain's "
                           "DefaultUserSettings. 'Enabled' where the domain's HomeEfsFileSystemCreation is "
                           "'Disabled' has no effect and is reported as a warning.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain | kAppliesToUserProfile,
            .justification = JustificationPolicy::not_accepted,
            .security_severity = {},
            .precision = "very-high",
            .settings = {},
        },
    .check = check,
};

}  // namespace sagelint::rules
