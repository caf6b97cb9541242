// SMD008 studio-web-portal-enabled: users can open Studio, and never land where they cannot.
#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"studio-classic", "correctness"};

constexpr std::string_view kDocumentation = R"md(## What it does
Checks the effective `StudioWebPortal` of the domain and of every user profile:
- `DISABLED` together with `DefaultLandingUri: studio::` is always an error: the default
  experience is Studio, but users may not open it;
- `DISABLED` otherwise is an error too, unless the domain is used only from SageMaker
  Unified Studio (`DomainSettings.UnifiedStudioSettings.StudioWebPortalAccess: DISABLED`).

## Why it matters
With `StudioWebPortal` disabled "the user cannot access Studio, even if that is the default
experience for the domain". That leaves users on the deprecated Studio Classic, or with
nothing at all when Studio is their default landing page, and AWS rejects `studio::` with a
disabled portal when the settings are applied.

## Example
```json
"UserSettings": {
  "StudioWebPortal": "DISABLED",
  "DefaultLandingUri": "studio::"
}
```

## Use instead
```json
"UserSettings": {
  "StudioWebPortal": "ENABLED",
  "DefaultLandingUri": "studio::"
}
```

## References
- [UserSettings.StudioWebPortal and DefaultLandingUri](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UserSettings.html)
- [UnifiedStudioSettings](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UnifiedStudioSettings.html)
)md";

// Whether the domain is reachable only through SageMaker Unified Studio.
std::optional<bool> unified_studio_only(const Domain* domain) {
  if (domain == nullptr) return std::nullopt;
  const Value access = domain->domain_settings.get({"UnifiedStudioSettings", "StudioWebPortalAccess"});
  if (access.is_absent()) return false;
  const auto text = access.string();
  if (!text) return std::nullopt;
  return *text == "DISABLED";
}

void check(const RuleContext& context, Reporter& reporter) {
  for_each_settings_owner(context.model(), [&](const EffectiveSettings& settings) {
    const Resource& owner = settings.owner();
    const Setting portal = settings.get({"StudioWebPortal"});
    if (unknown_setting(settings, portal, "StudioWebPortal", reporter)) return;
    if (string_equals(portal, "DISABLED") != true) return;
    const Setting landing = settings.get({"DefaultLandingUri"});
    if (string_equals(landing, "studio::") == true) {
      // The pair is wrong; the owner reports it if it wrote either half.
      if (portal.origin != &owner && landing.origin != &owner) return;
      const Setting& at = portal.origin == &owner ? portal : landing;
      const Reporter::Premise landing_premise(reporter, landing.value);
      const Reporter::Premise portal_premise(reporter, portal.value);
      reporter.report(owner, at.value,
                      owner.description() +
                          " lands in Studio (DefaultLandingUri is 'studio::') but StudioWebPortal is 'DISABLED', so "
                          "users cannot open their default experience; set StudioWebPortal to 'ENABLED'");
      return;
    }
    if (portal.origin != &owner) return;
    if (unified_studio_only(settings.domain()) != false) return;
    reporter.report(owner, portal.value,
                    owner.description() +
                        " disables Studio (StudioWebPortal is 'DISABLED'), so users cannot open it; set it to "
                        "'ENABLED'");
  });
}

}  // namespace

constinit const Rule kStudioWebPortalEnabled{
    .info =
        {
            .id = "SMD008",
            .name = "studio-web-portal-enabled",
            .level = Level::error,
            .summary = "Studio must stay enabled (StudioWebPortal), above all where it is the default experience.",
            .description = "StudioWebPortal 'DISABLED' keeps users out of SageMaker Studio even when it is their "
                           "default experience. It is an error with DefaultLandingUri 'studio::', and otherwise "
                           "unless the domain is used only from SageMaker Unified Studio.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain | kAppliesToUserProfile,
            .justification = JustificationPolicy::allowed,
            .security_severity = {},
            .precision = "very-high",
            .settings = {},
        },
    .check = check,
};

}  // namespace sagelint::rules
