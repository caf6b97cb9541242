// SMD007 default-landing-studio: users should land in Studio, not the deprecated Studio Classic.
#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"studio-classic", "maintainability"};

constexpr std::string_view kDocumentation = R"md(## What it does
Checks that the effective `DefaultLandingUri` of the domain (`DefaultUserSettings`) and of
every user profile (`UserSettings`) is `studio::`, so users land in Amazon SageMaker Studio.
`app:JupyterServer:` (Studio Classic) and any other value are errors. A domain that does not
set the field gets a warning: the default depends on when the domain was created, and is
Studio Classic for domains created before 30 November 2023.

A profile that does not set the field inherits the domain's value; that value is reported
once, on the domain.

## Why it matters
Studio Classic is deprecated: it is maintained for existing workloads, closed to onboarding,
and no new Classic applications can be created. Users who land in Classic miss the current
IDEs (JupyterLab and Code Editor spaces on EBS, idle shutdown, UI customisation), and every
Classic user delays the migration. Keep Classic only for a documented workload, with a
justification that names its migration date.

## Example
```json
"DefaultUserSettings": {
  "DefaultLandingUri": "app:JupyterServer:"
}
```

## Use instead
```json
"DefaultUserSettings": {
  "DefaultLandingUri": "studio::",
  "StudioWebPortal": "ENABLED"
}
```
For a workload that must stay on Classic for now, tag the profile (or domain)
`sagelint:justify:SMD007` with the reason and `expires=YYYY-MM-DD`.

## References
- [UserSettings.DefaultLandingUri](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UserSettings.html)
- [Amazon SageMaker Studio Classic](https://docs.aws.amazon.com/sagemaker/latest/dg/studio.html)
- [Migration from Amazon SageMaker Studio Classic](https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-migrate.html)
)md";

void check(const RuleContext& context, Reporter& reporter) {
  for_each_settings_owner(context.model(), [&](const EffectiveSettings& settings) {
    const Resource& owner = settings.owner();
    const Setting landing = settings.get({"DefaultLandingUri"});
    if (unknown_setting(settings, landing, "DefaultLandingUri", reporter)) return;
    if (landing.origin != &owner) {
      // Inherited values are the domain's to report; a domain that says nothing is ambiguous.
      if (settings.is_domain() && landing.value.is_absent()) {
        reporter.report(&owner, missing_setting_location(settings), Level::warning,
                        owner.description() +
                            " does not set DefaultLandingUri, so it opens Studio Classic if it was created before "
                            "2023-11-30; set it to 'studio::'");
      }
      return;
    }
    const auto uri = landing.value.string();
    if (!uri || *uri == "studio::") return;
    if (uri->starts_with("app:JupyterServer:")) {
      reporter.report(owner, landing.value,
                      owner.description() + " lands in Studio Classic (DefaultLandingUri is " + quoted(*uri) +
                          "); expected 'studio::'");
    } else {
      reporter.report(owner, landing.value,
                      "DefaultLandingUri of " + owner.description() + " is " + quoted(*uri) +
                          ", which is not a default experience; expected 'studio::'");
    }
  });
}

}  // namespace

constinit const Rule kDefaultLandingStudio{
    .info =
        {
            .id = "SMD007",
            .name = "default-landing-studio",
            .level = Level::error,
            .summary = "Users should land in SageMaker Studio ('studio::'), not the deprecated Studio Classic.",
            .description = "The effective DefaultLandingUri of a domain and of each user profile must be 'studio::'. "
                           "'app:JupyterServer:' opens Studio Classic, which is deprecated and closed to new "
                           "applications; a domain that does not set the value opens Classic if it was created "
                           "before 30 November 2023.",
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
