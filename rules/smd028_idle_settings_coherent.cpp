// SMD028 idle-settings-coherent: idle timeouts are valid, ordered and take effect.
#include <cmath>

#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"cost", "idle-shutdown", "validity"};

constexpr std::string_view kSettings[] = {"enforce_fixed_idle"};

constexpr std::string_view kDocumentation = R"md(## What it does
Checks every `AppLifecycleManagement.IdleSettings` written for JupyterLab and Code Editor: in
a domain's `DefaultUserSettings` and `DefaultSpaceSettings`, a user profile's `UserSettings`
and a space's `SpaceSettings` (where only `IdleTimeoutInMinutes` exists).

- Errors: `IdleTimeoutInMinutes`, `MinIdleTimeoutInMinutes` and `MaxIdleTimeoutInMinutes`
  must be whole numbers from 60 to 525600, and within one `IdleSettings`
  `MinIdleTimeoutInMinutes` ≤ `IdleTimeoutInMinutes` ≤ `MaxIdleTimeoutInMinutes`, as far as
  they are set. A profile's values are compared with each other, not with those it
  inherits: whether AWS merges the two member by member is not documented.
- Warning: timeouts set while the effective `LifecycleManagement` is not `ENABLED` have no
  effect.
- Note, when `enforce_fixed_idle` is true: idle shutdown is enabled but the three timeouts
  are not all set to one value, so users can choose their own timeout.

## Why it matters
SageMaker rejects timeouts outside 60–525600 minutes and minimums above maximums, so such a
configuration fails at deployment. Timeouts without `LifecycleManagement: ENABLED` look like
cost control but shut nothing down. AWS documents that enforcing a timeout from the CLI needs
`IdleTimeoutInMinutes`, `MinIdleTimeoutInMinutes` and `MaxIdleTimeoutInMinutes` set to the
same value.

## Example
```json
"IdleSettings": {
  "LifecycleManagement": "ENABLED",
  "IdleTimeoutInMinutes": 30,
  "MinIdleTimeoutInMinutes": 300,
  "MaxIdleTimeoutInMinutes": 120
}
```

## Use instead
```json
"IdleSettings": {
  "LifecycleManagement": "ENABLED",
  "IdleTimeoutInMinutes": 120,
  "MinIdleTimeoutInMinutes": 120,
  "MaxIdleTimeoutInMinutes": 120
}
```

## References
- [IdleSettings](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_IdleSettings.html)
- [Set up idle shutdown](https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-idle-shutdown-setup.html)
)md";

constexpr double kMinMinutes = 60;
constexpr double kMaxMinutes = 525600;

constexpr std::string_view kAppSettings[][2] = {
    {"JupyterLab", "JupyterLabAppSettings"},
    {"Code Editor", "CodeEditorAppSettings"},
};

// One IdleSettings object as written, and what it belongs to.
struct IdleObject {
  const Resource* owner;
  Value idle;                // the IdleSettings object
  std::string what;          // "JupyterLab idle settings of domain 'ml-platform'"
  Setting lifecycle;         // the effective LifecycleManagement; absent for spaces
  bool has_lifecycle = true;  // false for a space's SpaceIdleSettings
  bool lifecycle_known = true;
};

// The valid value of a timeout, or nullopt (reported) when it is not whole or out of range.
std::optional<double> valid_minutes(const IdleObject& object, std::string_view member, Reporter& reporter) {
  const Value value = object.idle[member];
  const auto minutes = value.number();
  if (!minutes) return std::nullopt;
  if (*minutes == std::floor(*minutes) && *minutes >= kMinMinutes && *minutes <= kMaxMinutes) return minutes;
  reporter.report(*object.owner, value,
                  std::string(member) + " of the " + object.what + " is " + number_as_text(*minutes) +
                      "; SageMaker accepts whole minutes from 60 to 525600");
  return std::nullopt;
}

void check_order(const IdleObject& object, std::string_view lower, std::optional<double> low, std::string_view upper,
                 std::optional<double> high, Reporter& reporter) {
  if (!low || !high || *low <= *high) return;
  reporter.report(*object.owner, object.idle[upper],
                  std::string(upper) + " (" + number_as_text(*high) + ") of the " + object.what + " is less than " +
                      std::string(lower) + " (" + number_as_text(*low) + "); expected " + std::string(lower) +
                      " <= " + std::string(upper));
}

void check_object(const IdleObject& object, bool enforce_fixed, Reporter& reporter) {
  if (!object.idle.is_object()) return;
  const auto idle = valid_minutes(object, "IdleTimeoutInMinutes", reporter);
  if (!object.has_lifecycle) return;
  const auto min = valid_minutes(object, "MinIdleTimeoutInMinutes", reporter);
  const auto max = valid_minutes(object, "MaxIdleTimeoutInMinutes", reporter);
  check_order(object, "MinIdleTimeoutInMinutes", min, "IdleTimeoutInMinutes", idle, reporter);
  check_order(object, "IdleTimeoutInMinutes", idle, "MaxIdleTimeoutInMinutes", max, reporter);
  if (!idle) check_order(object, "MinIdleTimeoutInMinutes", min, "MaxIdleTimeoutInMinutes", max, reporter);

  const bool sets_timeouts = object.idle["IdleTimeoutInMinutes"].is_present() ||
                             object.idle["MinIdleTimeoutInMinutes"].is_present() ||
                             object.idle["MaxIdleTimeoutInMinutes"].is_present();
  if (!object.lifecycle_known) {
    if (sets_timeouts) {
      reporter.not_evaluable(*object.owner, object.idle.location(), "its domain is not among the inputs");
    }
    return;
  }
  const Value& lifecycle = object.lifecycle.value;
  if (lifecycle.is_unknown()) return;
  const auto state = lifecycle.string();
  if (lifecycle.is_present() && !state) return;  // of the wrong type: an input problem
  if (!state || *state != "ENABLED") {
    if (!sets_timeouts) return;
    reporter.report(*object.owner, object.idle, Level::warning,
                    "the timeouts of the " + object.what + " have no effect: LifecycleManagement is " +
                        (state ? quoted(*state) : std::string("not set")) + "; set it to 'ENABLED'");
    return;
  }
  if (!enforce_fixed) return;
  if (idle && min && max && *idle == *min && *idle == *max) return;
  reporter.report(*object.owner, object.idle, Level::note,
                  "the " + object.what +
                      " let users choose their own timeout; to enforce one, set IdleTimeoutInMinutes, "
                      "MinIdleTimeoutInMinutes and MaxIdleTimeoutInMinutes to the same value (enforce_fixed_idle)");
}

Value idle_of(const Value& app_settings) { return app_settings.get({"AppLifecycleManagement", "IdleSettings"}); }

void check_settings_owner(const EffectiveSettings& settings, bool enforce_fixed, Reporter& reporter) {
  const Resource& owner = settings.owner();
  for (const auto& [app, member] : kAppSettings) {
    const Value idle = idle_of(settings.own()[member]);
    if (!idle.is_object()) continue;
    IdleObject object{&owner, idle, std::string(app) + " idle settings of " + owner.description(), {}, true, true};
    object.lifecycle = settings.get({member, "AppLifecycleManagement", "IdleSettings", "LifecycleManagement"});
    object.lifecycle_known = !(object.lifecycle.value.is_unknown() && object.lifecycle.origin == nullptr);
    check_object(object, enforce_fixed, reporter);
  }
}

void check(const RuleContext& context, Reporter& reporter) {
  const bool enforce_fixed = context.settings().enforce_fixed_idle;
  for_each_settings_owner(context.model(), [&](const EffectiveSettings& settings) {
    check_settings_owner(settings, enforce_fixed, reporter);
  });
  for (const Domain& domain : context.model().domains) {
    const Value idle = idle_of(domain.root.get({"DefaultSpaceSettings", "JupyterLabAppSettings"}));
    if (!idle.is_object()) continue;
    IdleObject object{&domain, idle, "JupyterLab idle settings of shared spaces of " + domain.description(), {}, true,
                      true};
    object.lifecycle = Setting{idle["LifecycleManagement"], &domain};
    check_object(object, enforce_fixed, reporter);
  }
  for (const Space& space : context.model().spaces) {
    for (const auto& [app, member] : kAppSettings) {
      const Value idle = idle_of(space.space_settings[member]);
      if (!idle.is_object()) continue;
      IdleObject object{&space, idle, std::string(app) + " idle settings of " + space.description(), {}, false, true};
      check_object(object, enforce_fixed, reporter);
    }
  }
}

}  // namespace

constinit const Rule kIdleSettingsCoherent{
    .info =
        {
            .id = "SMD028",
            .name = "idle-settings-coherent",
            .level = Level::error,
            .summary = "Idle timeouts must be whole minutes from 60 to 525600, ordered Min <= Idle <= Max, "
                       "and set only where idle shutdown is enabled.",
            .description = "Every IdleSettings of JupyterLab and Code Editor (domain, shared-space defaults, user "
                           "profile, space) must hold timeouts SageMaker accepts, in order; timeouts without "
                           "LifecycleManagement 'ENABLED' are a warning, and with enforce_fixed_idle a timeout users "
                           "can change is a note.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain | kAppliesToUserProfile | kAppliesToSpace,
            .justification = JustificationPolicy::not_accepted,
            .security_severity = {},
            .precision = "very-high",
            .settings = kSettings,
        },
    .check = check,
};

}  // namespace sagelint::rules
