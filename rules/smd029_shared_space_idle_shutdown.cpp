// SMD029 shared-space-idle-shutdown: shared spaces shut down when idle too.
#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"cost", "idle-shutdown", "spaces"};

constexpr std::string_view kSettings[] = {"idle_max_minutes"};

constexpr std::string_view kDocumentation = R"md(## What it does
Checks idle shutdown where user settings do not reach: shared spaces. Each is a warning.

- A domain whose shared spaces are in use (a shared space of it is among the inputs, or its
  `DefaultSpaceSettings.ExecutionRole`, which shared spaces need, is set) enables idle shutdown
  for them: `DefaultSpaceSettings.JupyterLabAppSettings.AppLifecycleManagement.IdleSettings`
  has `LifecycleManagement: ENABLED` and an `IdleTimeoutInMinutes` of at most
  `idle_max_minutes` (240 by default).
- A space whose `SpaceSharingSettings.SharingType` is `Shared` and whose `AppType` is
  `CodeEditor` sets
  `SpaceSettings.CodeEditorAppSettings.AppLifecycleManagement.IdleSettings.IdleTimeoutInMinutes`,
  at most `idle_max_minutes`: `DefaultSpaceSettings` has no Code Editor settings, so nothing
  else can.
- A shared JupyterLab space that sets its own timeout sets one of at most
  `idle_max_minutes`; one that sets none relies on its domain's, checked above.

A space whose domain, sharing type or app type is not known is said to be not evaluable.

## Why it matters
A domain's `DefaultUserSettings` and a profile's `UserSettings` apply only to private spaces:
SageMaker does not apply them to shared spaces, which take `DefaultSpaceSettings` instead.
Idle shutdown configured for users therefore leaves every shared space running, with its
instance, until somebody stops it. For Code Editor, the space itself is the only place to
set it. Justify a deliberate exception with a `sagelint:justify:SMD029` tag.

## Example
```json
{
  "SpaceName": "churn-model",
  "SpaceSharingSettings": {"SharingType": "Shared"},
  "SpaceSettings": {"AppType": "CodeEditor"}
}
```

## Use instead
```json
{
  "SpaceName": "churn-model",
  "SpaceSharingSettings": {"SharingType": "Shared"},
  "SpaceSettings": {
    "AppType": "CodeEditor",
    "CodeEditorAppSettings": {
      "AppLifecycleManagement": {"IdleSettings": {"IdleTimeoutInMinutes": 120}}
    }
  }
}
```

## References
- [DefaultSpaceSettings](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DefaultSpaceSettings.html)
- [UserSettings](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UserSettings.html)
- [Set up idle shutdown](https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-idle-shutdown-setup.html)
- [Execution roles and spaces](https://docs.aws.amazon.com/sagemaker/latest/dg/execution-roles-and-spaces.html)
)md";

// Whether the domain's shared spaces are in use: one is among the inputs, or the space default
// execution role they need is set.
bool uses_shared_spaces(const Domain& domain) {
  for (const Space* space : domain.spaces) {
    if (is_shared_space(*space) == true) return true;
  }
  return !domain.root.get({"DefaultSpaceSettings", "ExecutionRole"}).is_absent();
}

Value default_space_idle(const Domain& domain) {
  return domain.root.get({"DefaultSpaceSettings", "JupyterLabAppSettings", "AppLifecycleManagement", "IdleSettings"});
}

Location first_present(std::initializer_list<Value> candidates, const Resource& resource) {
  for (const Value& at : candidates) {
    if (at.is_present()) return at.location();
  }
  return resource_location(resource);
}

void check_domain(const Domain& domain, int max_minutes, Reporter& reporter) {
  if (!uses_shared_spaces(domain)) return;
  const Value idle = default_space_idle(domain);
  const Value lifecycle = idle["LifecycleManagement"];
  if (lifecycle.is_unknown()) return;
  const auto state = lifecycle.string();
  if (lifecycle.is_present() && !state) return;
  const std::string limit = std::to_string(max_minutes);
  if (!state || *state != "ENABLED") {
    const Value space_settings = domain.root["DefaultSpaceSettings"];
    const Location at = lifecycle.is_present()
                            ? lifecycle.location()
                            : first_present({idle, space_settings["JupyterLabAppSettings"], space_settings}, domain);
    reporter.report(&domain, at, Level::warning,
                    "shared JupyterLab spaces of " + domain.description() +
                        " never shut down when idle: set DefaultSpaceSettings.JupyterLabAppSettings."
                        "AppLifecycleManagement.IdleSettings.LifecycleManagement to 'ENABLED' with an "
                        "IdleTimeoutInMinutes of at most " + limit + " (user settings do not apply to shared spaces)");
    return;
  }
  const Value timeout = idle["IdleTimeoutInMinutes"];
  if (timeout.is_absent()) {
    reporter.report(domain, lifecycle,
                    "shared-space idle shutdown of " + domain.description() +
                        " sets no IdleTimeoutInMinutes, so the console's default of 10080 minutes (7 days) applies; "
                        "set it to at most " + limit);
    return;
  }
  const auto minutes = timeout.number();
  if (!minutes || *minutes <= max_minutes) return;
  reporter.report(domain, timeout,
                  "shared JupyterLab spaces of " + domain.description() + " shut down only after " +
                      number_as_text(*minutes) + " idle minutes; expected at most " + limit + " (idle_max_minutes)");
}

// The space's own timeout for `app_settings`, reported when it is over the limit. Returns the
// timeout value (absent when not set).
Value check_space_timeout(const Space& space, std::string_view app, std::string_view app_settings, int max_minutes,
                          Reporter& reporter) {
  const Value timeout =
      space.space_settings.get({app_settings, "AppLifecycleManagement", "IdleSettings", "IdleTimeoutInMinutes"});
  const auto minutes = timeout.number();
  if (minutes && *minutes > max_minutes) {
    reporter.report(space, timeout,
                    std::string(app) + " apps of shared " + space.description() + " shut down only after " +
                        number_as_text(*minutes) + " idle minutes; expected at most " + std::to_string(max_minutes) +
                        " (idle_max_minutes)");
  }
  return timeout;
}

void check_space(const Space& space, int max_minutes, Reporter& reporter) {
  const std::optional<bool> shared = is_shared_space(space);
  if (!shared) {
    reporter.not_evaluable(space, space.sharing_type.location(), "its SharingType is not known");
    return;
  }
  if (!*shared) return;
  const Value app_type = space.space_settings["AppType"];
  if (app_type.is_unknown()) {
    reporter.not_evaluable(space, app_type.location(), "its AppType is not known");
    return;
  }
  const Value lab = check_space_timeout(space, "JupyterLab", "JupyterLabAppSettings", max_minutes, reporter);
  const Value editor = check_space_timeout(space, "Code Editor", "CodeEditorAppSettings", max_minutes, reporter);
  const auto type = app_type.string();
  if (!type) return;
  if (*type == "CodeEditor" && editor.is_absent()) {
    const Value settings = space.space_settings["CodeEditorAppSettings"];
    reporter.report(&space, first_present({settings, space.space_settings}, space), Level::warning,
                    "shared Code Editor " + space.description() +
                        " never shuts down when idle: set SpaceSettings.CodeEditorAppSettings.AppLifecycleManagement."
                        "IdleSettings.IdleTimeoutInMinutes to at most " + std::to_string(max_minutes) +
                        " (DefaultSpaceSettings has no Code Editor settings)");
  } else if (*type == "JupyterLab" && lab.is_absent() && space.domain == nullptr) {
    reporter.not_evaluable(space, resource_location(space),
                           "it sets no idle timeout and its domain, whose DefaultSpaceSettings would, is not among "
                           "the inputs");
  }
}

void check(const RuleContext& context, Reporter& reporter) {
  const int max_minutes = context.settings().idle_max_minutes;
  for (const Domain& domain : context.model().domains) check_domain(domain, max_minutes, reporter);
  for (const Space& space : context.model().spaces) check_space(space, max_minutes, reporter);
}

}  // namespace

constinit const Rule kSharedSpaceIdleShutdown{
    .info =
        {
            .id = "SMD029",
            .name = "shared-space-idle-shutdown",
            .level = Level::warning,
            .summary = "Shared spaces should shut down when idle: user idle settings do not apply to them.",
            .description = "A domain with shared spaces should enable idle shutdown in DefaultSpaceSettings."
                           "JupyterLabAppSettings within idle_max_minutes, and a shared Code Editor space should set "
                           "its own IdleTimeoutInMinutes, since DefaultSpaceSettings has no Code Editor settings.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain | kAppliesToSpace,
            .justification = JustificationPolicy::allowed,
            .security_severity = {},
            .precision = "high",
            .settings = kSettings,
        },
    .check = check,
};

}  // namespace sagelint::rules
