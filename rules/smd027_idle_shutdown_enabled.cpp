// SMD027 idle-shutdown-enabled: JupyterLab and Code Editor apps shut down when idle.
#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"cost", "idle-shutdown"};

constexpr std::string_view kSettings[] = {"idle_max_minutes"};

constexpr std::string_view kDocumentation = R"md(## What it does
Checks the effective idle shutdown of the JupyterLab and Code Editor apps of the domain and of
every user profile, in `JupyterLabAppSettings` and `CodeEditorAppSettings`
`.AppLifecycleManagement.IdleSettings`. An app type the settings hide
(`StudioWebPortalSettings.HiddenAppTypes`) is skipped. Each is a warning:

- `LifecycleManagement` is not `ENABLED` (absent, or `DISABLED`): idle apps run until
  somebody stops them;
- `LifecycleManagement` is `ENABLED` but `IdleTimeoutInMinutes` is not set (the console then
  uses 10,080 minutes, a week), or it is longer than `idle_max_minutes` (240 by default);
- `MaxIdleTimeoutInMinutes`, the longest timeout users may choose, is longer than twice
  `idle_max_minutes`.

A setting is reported where it is written: a domain for what every profile inherits, a
profile for what it sets itself. A profile that shows an app its domain hides is reported
when neither sets idle shutdown for it. When a profile's domain is not among the inputs and
the profile does not set idle shutdown itself, the rule says it cannot be checked.

## Why it matters
A JupyterLab or Code Editor space keeps its instance, and its bill, running as long as the
app runs. Since September 2024 Studio shuts idle apps down natively, but only where idle
shutdown is enabled; AWS's own example lets users choose between two and five hours.
Long-running interactive work is a legitimate exception: justify it with a
`sagelint:justify:SMD027` tag.

## Example
```json
"JupyterLabAppSettings": {
  "AppLifecycleManagement": {
    "IdleSettings": {"LifecycleManagement": "ENABLED", "IdleTimeoutInMinutes": 10080}
  }
}
```

## Use instead
```json
"JupyterLabAppSettings": {
  "AppLifecycleManagement": {
    "IdleSettings": {
      "LifecycleManagement": "ENABLED",
      "IdleTimeoutInMinutes": 120,
      "MinIdleTimeoutInMinutes": 60,
      "MaxIdleTimeoutInMinutes": 300
    }
  }
}
```

## References
- [Set up idle shutdown](https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-idle-shutdown-setup.html)
- [IdleSettings](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_IdleSettings.html)
)md";

// The app type as HiddenAppTypes names it, as messages name it, and its settings member.
struct AppType {
  std::string_view hidden_name;
  std::string_view display_name;
  std::string_view settings;
};

constexpr AppType kAppTypes[] = {
    {"JupyterLab", "JupyterLab", "JupyterLabAppSettings"},
    {"CodeEditor", "Code Editor", "CodeEditorAppSettings"},
};

Setting idle_setting(const EffectiveSettings& settings, std::string_view app_settings, std::string_view member) {
  return settings.get({app_settings, "AppLifecycleManagement", "IdleSettings", member});
}

// Whether the owner's domain reports what this profile inherits for `app_type`: it does unless
// it hides the app type.
bool domain_reports(const EffectiveSettings& settings, std::string_view app_type) {
  if (settings.is_domain() || settings.domain() == nullptr) return true;
  return hides_app_type(EffectiveSettings::of_domain(*settings.domain()), app_type) == false;
}

// Where to point when the idle settings of `app_settings` are missing.
Location missing_idle_location(const EffectiveSettings& settings, std::string_view app_settings) {
  const Value app = settings.own()[app_settings];
  for (const Value& at : {app.get({"AppLifecycleManagement", "IdleSettings"}), app["AppLifecycleManagement"], app}) {
    if (at.is_present()) return at.location();
  }
  return missing_setting_location(settings);
}

void check_timeouts(const EffectiveSettings& settings, const AppType& app, const Setting& lifecycle, int max_minutes,
                    Reporter& reporter) {
  const std::string_view app_type = app.display_name;
  const std::string_view app_settings = app.settings;
  const Resource& owner = settings.owner();
  const Setting timeout = idle_setting(settings, app_settings, "IdleTimeoutInMinutes");
  if (timeout.value.is_absent() && lifecycle.origin == &owner) {
    reporter.report(owner, lifecycle.value,
                    std::string(app_type) + " idle shutdown of " + owner.description() +
                        " sets no IdleTimeoutInMinutes, so the console's default of 10080 minutes (7 days) applies; "
                        "set it to at most " + std::to_string(max_minutes));
  } else if (const auto minutes = timeout.value.number();
             minutes && timeout.origin == &owner && *minutes > max_minutes) {
    reporter.report(owner, timeout.value,
                    std::string(app_type) + " apps of " + owner.description() + " shut down only after " +
                        number_as_text(*minutes) + " idle minutes; expected at most " + std::to_string(max_minutes) +
                        " (idle_max_minutes)");
  }
  const Setting longest = idle_setting(settings, app_settings, "MaxIdleTimeoutInMinutes");
  const auto max = longest.value.number();
  if (max && longest.origin == &owner && *max > 2.0 * max_minutes) {
    reporter.report(owner, longest.value,
                    "users of " + owner.description() + " may set a " + std::string(app_type) +
                        " idle timeout of up to " + number_as_text(*max) + " minutes; expected at most " +
                        std::to_string(2 * max_minutes) + " (twice idle_max_minutes)");
  }
}

void check_app(const EffectiveSettings& settings, const AppType& app, int max_minutes, Reporter& reporter) {
  const Resource& owner = settings.owner();
  const std::string_view app_type = app.display_name;
  const std::string_view app_settings = app.settings;
  const bool domain_missing = !settings.is_domain() && settings.domain() == nullptr;
  const std::optional<bool> hidden = hides_app_type(settings, app.hidden_name);
  if (!hidden) {
    reporter.not_evaluable(owner, missing_setting_location(settings),
                           domain_missing ? "its domain is not among the inputs"
                                          : "its HiddenAppTypes is not known, so neither is whether " +
                                                std::string(app_type) + " is offered");
    return;
  }
  if (*hidden) return;
  const Setting lifecycle = idle_setting(settings, app_settings, "LifecycleManagement");
  if (lifecycle.value.is_unknown()) {
    if (domain_missing && lifecycle.origin == nullptr) {
      reporter.not_evaluable(owner, missing_setting_location(settings), "its domain is not among the inputs");
    }
    return;
  }
  if (lifecycle.value.is_absent()) {
    // What a profile inherits is reported on its domain, unless the domain hides the app.
    if (!settings.is_domain() && domain_reports(settings, app.hidden_name)) return;
    reporter.report(&owner, missing_idle_location(settings, app_settings), Level::warning,
                    std::string(app_type) + " apps of " + owner.description() +
                        " never shut down when idle: set " + std::string(app_settings) +
                        ".AppLifecycleManagement.IdleSettings.LifecycleManagement to 'ENABLED' with an "
                        "IdleTimeoutInMinutes of at most " + std::to_string(max_minutes));
    return;
  }
  const auto state = lifecycle.value.string();
  if (!state) return;
  if (*state != "ENABLED") {
    if (lifecycle.origin != &owner) return;
    reporter.report(owner, lifecycle.value,
                    std::string(app_type) + " apps of " + owner.description() +
                        " never shut down when idle (LifecycleManagement is " + quoted(*state) +
                        "); set it to 'ENABLED'");
    return;
  }
  check_timeouts(settings, app, lifecycle, max_minutes, reporter);
}

void check(const RuleContext& context, Reporter& reporter) {
  const int max_minutes = context.settings().idle_max_minutes;
  for_each_settings_owner(context.model(), [&](const EffectiveSettings& settings) {
    if (settings.owner().summary) {
      reporter.not_evaluable(settings.owner(), resource_location(settings.owner()),
                             "it is a list-* summary, which leaves its settings out");
      return;
    }
    for (const AppType& app : kAppTypes) check_app(settings, app, max_minutes, reporter);
  });
}

}  // namespace

constinit const Rule kIdleShutdownEnabled{
    .info =
        {
            .id = "SMD027",
            .name = "idle-shutdown-enabled",
            .level = Level::warning,
            .summary = "JupyterLab and Code Editor apps should shut down when idle, within idle_max_minutes.",
            .description = "The effective AppLifecycleManagement.IdleSettings of the JupyterLab and Code Editor apps "
                           "of a domain and of each user profile should enable idle shutdown with an "
                           "IdleTimeoutInMinutes of at most idle_max_minutes and a MaxIdleTimeoutInMinutes of at most "
                           "twice that, unless the app type is hidden.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain | kAppliesToUserProfile,
            .justification = JustificationPolicy::allowed,
            .security_severity = {},
            .precision = "high",
            .settings = kSettings,
        },
    .check = check,
};

}  // namespace sagelint::rules
