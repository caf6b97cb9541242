// SMD009 hide-studio-classic: Studio Classic is hidden from the Studio UI.
#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"studio-classic", "ui"};

constexpr std::string_view kDocumentation = R"md(## What it does
Checks that the effective `StudioWebPortalSettings.HiddenAppTypes` of the domain and of every
user profile contains `JupyterServer`, the app type of Studio Classic. A domain that does
not set the list is reported on the domain; a profile that sets its own list replaces the
domain's, so it is reported when its list leaves Classic out.

Where Classic is hidden, settings that only Classic reads are dead configuration, reported
as notes: `JupyterServerAppSettings.LifecycleConfigArns` and `CodeRepositories`,
`KernelGatewayAppSettings` (the `KernelGateway` app type is deprecated) and
`SharingSettings` (Classic notebook sharing).

## Why it matters
Studio Classic is deprecated and closed to new applications. Showing it invites users to
start work there that must later be migrated; hiding it is what the console's Quick Setup
does (`HiddenAppTypes: ["JupyterServer"]`). Hiding only changes what the UI shows: restrict
access in the execution role where it must be enforced.

## Example
```json
"StudioWebPortalSettings": {
  "HiddenAppTypes": ["Canvas"]
}
```

## Use instead
```json
"StudioWebPortalSettings": {
  "HiddenAppTypes": ["JupyterServer", "Canvas"]
}
```

## References
- [StudioWebPortalSettings](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_StudioWebPortalSettings.html)
- [Customize Studio: hide applications and tools](https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-ui-customize-tools-apps-domain.html)
- [Use quick setup for Amazon SageMaker AI](https://docs.aws.amazon.com/sagemaker/latest/dg/onboard-quick-start.html)
)md";

// Settings only Studio Classic reads: a member of UserSettings, or one of its members.
struct ClassicOnlySetting {
  std::string_view member;
  std::string_view submember;  // empty: the whole member
};

constexpr ClassicOnlySetting kClassicOnly[] = {
    {"JupyterServerAppSettings", "LifecycleConfigArns"},
    {"JupyterServerAppSettings", "CodeRepositories"},
    {"KernelGatewayAppSettings", ""},
    {"SharingSettings", ""},
};

void report_dead_settings(const EffectiveSettings& settings, Reporter& reporter) {
  const Resource& owner = settings.owner();
  for (const ClassicOnlySetting& classic : kClassicOnly) {
    Value value = settings.own()[classic.member];
    std::string name(classic.member);
    if (!classic.submember.empty()) {
      value = value[classic.submember];
      name.append(".").append(classic.submember);
    }
    if (!value.is_present()) continue;
    reporter.report(owner, value, Level::note,
                    name + " of " + owner.description() +
                        " has no effect: only Studio Classic reads it, and Classic is hidden");
  }
}

void check(const RuleContext& context, Reporter& reporter) {
  for_each_settings_owner(context.model(), [&](const EffectiveSettings& settings) {
    const Resource& owner = settings.owner();
    const std::optional<bool> hidden = hides_studio_classic(settings);
    if (!hidden) {
      const Setting list = settings.get({"StudioWebPortalSettings", "HiddenAppTypes"});
      if (list.origin == &owner) {
        reporter.not_evaluable(owner, list.value.location(), "HiddenAppTypes is not known before deployment");
      }
      return;
    }
    if (*hidden) {
      report_dead_settings(settings, reporter);
      return;
    }
    const Setting list = settings.get({"StudioWebPortalSettings", "HiddenAppTypes"});
    if (list.origin == &owner) {
      reporter.report(owner, list.value,
                      owner.description() + " shows Studio Classic: HiddenAppTypes does not include 'JupyterServer'");
    } else if (settings.is_domain()) {
      reporter.report(&owner, missing_setting_location(settings), Level::warning,
                      owner.description() +
                          " shows Studio Classic: add 'JupyterServer' to StudioWebPortalSettings.HiddenAppTypes");
    }
  });
}

}  // namespace

constinit const Rule kHideStudioClassic{
    .info =
        {
            .id = "SMD009",
            .name = "hide-studio-classic",
            .level = Level::warning,
            .summary = "Studio Classic should be hidden: HiddenAppTypes should include 'JupyterServer'.",
            .description = "The effective StudioWebPortalSettings.HiddenAppTypes of a domain and of each user "
                           "profile should list 'JupyterServer', so the deprecated Studio Classic is not offered. "
                           "Settings only Classic reads are reported as dead configuration where it is hidden.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain | kAppliesToUserProfile,
            .justification = JustificationPolicy::required,
            .security_severity = {},
            .precision = "very-high",
            .settings = {},
        },
    .check = check,
};

}  // namespace sagelint::rules
