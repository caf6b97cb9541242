// SMD025 hidden-but-still-enabled: an app hidden from the UI whose access settings still enable it.
#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"ui", "security"};

constexpr std::string_view kDocumentation = R"md(## What it does
Checks that what the effective `StudioWebPortalSettings.HiddenAppTypes` of the domain and of
each user profile hides agrees with the settings that grant access:
- `RStudioServerPro` is hidden while `RStudioServerProAppSettings.AccessStatus` is
  `ENABLED`: a warning;
- `Canvas` is hidden while a Canvas feature is enabled (`CanvasAppSettings`
  `DirectDeploySettings`, `TimeSeriesForecastingSettings`, `ModelRegisterSettings`,
  `KendraSettings`, `EmrServerlessSettings` or an `IdentityProviderOAuthSettings` entry with
  `Status: ENABLED`): a note, as it suggests Canvas is meant to be unavailable but is only
  hidden;
- `JupyterServer` (Studio Classic) is hidden while `DefaultLandingUri` starts with
  `app:JupyterServer:`, so users land in the app that is hidden: an error.

The finding goes to the domain or profile that wrote at least one of the two settings, and
points at the one it wrote. Values that are not known before deployment are not checked; a
note says so. A `sagelint:justify:SMD025` tag records a deliberate exception.

## Why it matters
Hiding an app only removes it from Studio's navigation; it does not take away access. A user
whose `AccessStatus` is `ENABLED` can still start RStudio through a presigned URL or the API,
and each RStudio user must be licensed. Where an app must not be used, deny it in the
execution role's IAM policy and disable its access settings; hiding is the cosmetic half.
Customising the Studio UI is not available at all when Studio Classic is the default
experience, so hiding Classic while landing users in it is contradictory.

## Example
```json
"DefaultUserSettings": {
  "StudioWebPortalSettings": {"HiddenAppTypes": ["JupyterServer", "RStudioServerPro"]},
  "RStudioServerProAppSettings": {"AccessStatus": "ENABLED"}
}
```

## Use instead
```json
"DefaultUserSettings": {
  "StudioWebPortalSettings": {"HiddenAppTypes": ["JupyterServer", "RStudioServerPro"]},
  "RStudioServerProAppSettings": {"AccessStatus": "DISABLED"}
}
```

## References
- [RStudioServerProAppSettings](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_RStudioServerProAppSettings.html)
- [RStudio license](https://docs.aws.amazon.com/sagemaker/latest/dg/rstudio-license.html)
- [Customize Studio: hide applications and tools](https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-ui-customize-tools-apps-domain.html)
- [UserSettings: DefaultLandingUri](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UserSettings.html)
)md";

// Whether the effective HiddenAppTypes lists `app`; nullopt when an unknown entry might.
std::optional<bool> hides(const Setting& hidden, std::string_view app) {
  if (hidden.value.is_absent()) return false;
  if (hidden.value.contains_string(app)) return true;
  if (!hidden.value.strings()) return hidden.value.is_array() ? std::optional<bool>() : std::optional<bool>(false);
  return false;
}

// Reports a disagreement between the hidden list and `access`, on the owner when it wrote
// either of them (an inherited pair is the domain's to report).
void report_pair(const EffectiveSettings& settings, const Setting& hidden, const Setting& access, Level level,
                 const std::string& message, Reporter& reporter) {
  const Resource& owner = settings.owner();
  if (hidden.origin != &owner && access.origin != &owner) return;
  const Setting& at = access.origin == &owner ? access : hidden;
  const Setting& other = access.origin == &owner ? hidden : access;
  const Reporter::Premise premise(reporter, other.value);
  reporter.report(owner, at.value, level, owner.description() + " " + message);
}

// Says the pair cannot be checked when one half is known to disagree and the other is not known;
// true when nothing more is to be done with the pair.
bool unknown_pair(const EffectiveSettings& settings, const Setting& hidden, std::optional<bool> hidden_app,
                  const Setting& access, bool access_enabled, std::string_view access_name, Reporter& reporter) {
  const Resource& owner = settings.owner();
  // A pair the profile inherits whole is the domain's to check, when the domain is among the inputs.
  if (!settings.is_domain() && settings.domain() != nullptr && hidden.origin != &owner && access.origin != &owner) {
    return true;
  }
  if (!hidden_app && access_enabled) {
    reporter.not_evaluable(owner, hidden.value.location(), unknown_because(settings, hidden, "HiddenAppTypes"));
    return true;
  }
  if (hidden_app == true && access.value.is_unknown()) {
    reporter.not_evaluable(owner, access.value.location(), unknown_because(settings, access, access_name));
    return true;
  }
  return false;
}

void check_rstudio(const EffectiveSettings& settings, const Setting& hidden, Reporter& reporter) {
  const std::optional<bool> hidden_app = hides(hidden, "RStudioServerPro");
  const Setting access = settings.get({"RStudioServerProAppSettings", "AccessStatus"});
  const bool enabled = string_equals(access, "ENABLED") == true;
  if (unknown_pair(settings, hidden, hidden_app, access, enabled, "RStudioServerProAppSettings.AccessStatus",
                   reporter)) {
    return;
  }
  if (hidden_app != true || !enabled) return;
  report_pair(settings, hidden, access, Level::warning,
              "hides RStudio (HiddenAppTypes includes 'RStudioServerPro') but RStudioServerProAppSettings.AccessStatus "
              "is 'ENABLED', so its users can still start RStudio; hiding is visibility only: set AccessStatus to "
              "'DISABLED' and restrict access in the execution role / IAM",
              reporter);
}

// Canvas features that, enabled, say Canvas is meant to be used: paths below CanvasAppSettings.
constexpr std::string_view kCanvasFeatures[] = {"DirectDeploySettings", "TimeSeriesForecastingSettings",
                                                "ModelRegisterSettings", "KendraSettings", "EmrServerlessSettings"};

void check_canvas(const EffectiveSettings& settings, const Setting& hidden, Reporter& reporter) {
  const std::optional<bool> hidden_app = hides(hidden, "Canvas");
  if (hidden_app != true) return;  // a Canvas note is not worth an unknown-value note
  for (const std::string_view feature : kCanvasFeatures) {
    const Setting status = settings.get({"CanvasAppSettings", feature, "Status"});
    if (string_equals(status, "ENABLED") != true) continue;
    report_pair(settings, hidden, status, Level::note,
                "hides Canvas (HiddenAppTypes includes 'Canvas') but enables CanvasAppSettings." +
                    std::string(feature) +
                    "; hiding is visibility only: if Canvas should not be used, restrict it in the execution role / "
                    "IAM",
                reporter);
    return;
  }
  const Setting providers = settings.get({"CanvasAppSettings", "IdentityProviderOAuthSettings"});
  for (const Value& provider : providers.value.elements()) {
    const Setting status{provider["Status"], providers.origin};
    if (string_equals(status, "ENABLED") != true) continue;
    report_pair(settings, hidden, status, Level::note,
                "hides Canvas (HiddenAppTypes includes 'Canvas') but enables a Canvas OAuth data source "
                "(IdentityProviderOAuthSettings); hiding is visibility only: if Canvas should not be used, restrict "
                "it in the execution role / IAM",
                reporter);
    return;
  }
}

void check_classic_landing(const EffectiveSettings& settings, const Setting& hidden, Reporter& reporter) {
  const std::optional<bool> hidden_app = hides(hidden, "JupyterServer");
  const Setting landing = settings.get({"DefaultLandingUri"});
  const auto uri = landing.value.string();
  const bool lands_in_classic = uri && uri->starts_with("app:JupyterServer:");
  if (unknown_pair(settings, hidden, hidden_app, landing, lands_in_classic, "DefaultLandingUri", reporter)) return;
  if (hidden_app != true || !lands_in_classic) return;
  report_pair(settings, hidden, landing, Level::error,
              "hides Studio Classic (HiddenAppTypes includes 'JupyterServer') but lands users in it (DefaultLandingUri "
              "is " + quoted(*uri) + "); set DefaultLandingUri to 'studio::'",
              reporter);
}

void check(const RuleContext& context, Reporter& reporter) {
  for_each_settings_owner(context.model(), [&](const EffectiveSettings& settings) {
    const Setting hidden = settings.get({"StudioWebPortalSettings", "HiddenAppTypes"});
    check_rstudio(settings, hidden, reporter);
    check_canvas(settings, hidden, reporter);
    check_classic_landing(settings, hidden, reporter);
  });
}

}  // namespace

constinit const Rule kHiddenButStillEnabled{
    .info =
        {
            .id = "SMD025",
            .name = "hidden-but-still-enabled",
            .level = Level::warning,
            .summary = "An app hidden from Studio should not still be enabled by its access settings.",
            .description = "Hiding an app in HiddenAppTypes only removes it from the navigation. RStudio hidden while "
                           "its AccessStatus is ENABLED is a warning, Canvas hidden while Canvas features are "
                           "enabled a note, and Studio Classic hidden while DefaultLandingUri lands users in it an "
                           "error.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain | kAppliesToUserProfile,
            .justification = JustificationPolicy::allowed,
            .security_severity = "3.0",
            .precision = "high",
            .settings = {},
        },
    .check = check,
};

}  // namespace sagelint::rules
