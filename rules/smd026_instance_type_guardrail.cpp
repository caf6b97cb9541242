// SMD026 instance-type-guardrail: apps default to approved instance types, and denied ones are hidden.
#include "rules.hpp"
#include "sagelint/aws_shapes.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"cost", "ui"};

constexpr std::string_view kSettings[] = {"approved_instance_types", "denied_instance_types"};

constexpr std::string_view kDocumentation = R"md(## What it does
Checks instance types two ways:
- every `DefaultResourceSpec.InstanceType` of an app settings block (`JupyterLabAppSettings`,
  `CodeEditorAppSettings`, `JupyterServerAppSettings`, `KernelGatewayAppSettings`,
  `TensorBoardAppSettings`, `RSessionAppSettings`) in a domain's `DefaultUserSettings` and
  `DefaultSpaceSettings`, a user profile's `UserSettings` and a space's `SpaceSettings`
  matches `approved_instance_types` (when that list is not empty) and does not match
  `denied_instance_types`; `system` is always accepted;
- the effective `StudioWebPortalSettings.HiddenInstanceTypes` of the domain and of every user
  profile lists every instance type of the API that matches `denied_instance_types` (by
  default the largest instances, GPU, Trainium and CPU alike: `ml.p4d.*`, `ml.p4de.*`, `ml.p5*`,
  `ml.p6-*`, `ml.trn1*`, `*.48xlarge`, `*.32xlarge`, `*.24xlarge`).

Both are warnings. A domain that does not hide the denied types is reported on the domain,
since every profile without a list of its own inherits it; a profile that sets its own list
replaces the domain's and is reported when it leaves a denied type out. Values that are not
known before deployment are not checked; a note says so. A team that really needs a large
default instance can justify it with a `sagelint:justify:SMD026` tag.

## Why it matters
A default instance type is what every new space starts on, and the largest instances cost
tens of dollars an hour. Hiding them in the Studio UI keeps users from picking them by
accident. Both are conveniences, not controls: a user can still ask for any instance type
through the API. The real control is an IAM condition on `sagemaker:InstanceTypes` in the
execution role (or a service control policy), as the SageMaker Studio administration best
practices recommend.

## Example
```json
"DefaultUserSettings": {
  "JupyterLabAppSettings": {"DefaultResourceSpec": {"InstanceType": "ml.p4d.24xlarge"}},
  "StudioWebPortalSettings": {"HiddenInstanceTypes": []}
}
```

## Use instead
```json
"DefaultUserSettings": {
  "JupyterLabAppSettings": {"DefaultResourceSpec": {"InstanceType": "ml.t3.medium"}},
  "StudioWebPortalSettings": {"HiddenInstanceTypes": ["ml.p4d.24xlarge", "ml.p5.48xlarge", "..."]}
}
```
and deny the large types with a `sagemaker:InstanceTypes` condition in the execution role.

## References
- [Customize Studio: hide instance types and images](https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-ui-customize-instances-images.html)
- [SageMaker Studio administration best practices: permissions management](https://docs.aws.amazon.com/whitepapers/latest/sagemaker-studio-admin-best-practices/permissions-management.html)
- [Build a secure enterprise ML platform: governance and control](https://docs.aws.amazon.com/whitepapers/latest/build-secure-enterprise-ml-platform/governance-and-control.html)
)md";

constexpr std::string_view kRealControl =
    "; hiding and defaults are conveniences: deny instance types with the IAM condition key sagemaker:InstanceTypes";

// App settings blocks with a DefaultResourceSpec, by settings object.
constexpr std::string_view kUserApps[] = {"JupyterLabAppSettings",    "CodeEditorAppSettings",
                                          "JupyterServerAppSettings", "KernelGatewayAppSettings",
                                          "TensorBoardAppSettings",   "RSessionAppSettings"};
constexpr std::string_view kSharedSpaceApps[] = {"JupyterLabAppSettings", "JupyterServerAppSettings",
                                                 "KernelGatewayAppSettings"};
constexpr std::string_view kSpaceApps[] = {"JupyterLabAppSettings", "CodeEditorAppSettings",
                                           "JupyterServerAppSettings", "KernelGatewayAppSettings"};

void check_default_types(const RuleContext& context, const Resource& owner, const Value& settings,
                         std::string_view settings_name, std::span<const std::string_view> apps,
                         Reporter& reporter) {
  const Settings& config = context.settings();
  for (const std::string_view app : apps) {
    const Value type = settings.get({app, "DefaultResourceSpec", "InstanceType"});
    if (type.is_unknown()) {
      reporter.not_evaluable(owner, type.location(),
                             unknown_because(owner, std::string(settings_name) + "." + std::string(app) +
                                                        ".DefaultResourceSpec.InstanceType"));
      continue;
    }
    const auto text = type.string();
    if (!text || *text == "system") continue;
    const std::string place = owner.description() + " defaults " + std::string(settings_name) + "." +
                              std::string(app) + " to " + quoted(*text);
    if (matches_any_glob(config.denied_instance_types, *text)) {
      reporter.report(owner, type,
                      place + ", a denied instance type (denied_instance_types); choose a smaller default" +
                          std::string(kRealControl));
    } else if (!config.approved_instance_types.empty() &&
               !matches_any_glob(config.approved_instance_types, *text)) {
      reporter.report(owner, type,
                      place + ", which is not an approved instance type (approved_instance_types)" +
                          std::string(kRealControl));
    }
  }
}

// The API's instance types that match the denied globs.
std::vector<std::string_view> denied_types(const Settings& config) {
  std::vector<std::string_view> denied;
  const aws::Shape* shape = aws::find_shape("AppInstanceType");
  if (shape == nullptr) return denied;
  for (const std::string_view type : aws::enum_values(*shape)) {
    if (type != "system" && matches_any_glob(config.denied_instance_types, type)) denied.push_back(type);
  }
  return denied;
}

void check_hidden_types(const EffectiveSettings& settings, const std::vector<std::string_view>& denied,
                        Reporter& reporter) {
  if (denied.empty()) return;
  const Resource& owner = settings.owner();
  const Setting list = settings.get({"StudioWebPortalSettings", "HiddenInstanceTypes"});
  if (!settings.is_domain() && list.origin != &owner) {
    // Inherited lists are the domain's to report, when the domain is among the inputs.
    if (list.origin == nullptr && list.value.is_unknown()) {
      reporter.not_evaluable(owner, resource_location(owner), unknown_because(settings, list, "HiddenInstanceTypes"));
    }
    return;
  }
  if (list.value.is_unknown()) {
    reporter.not_evaluable(owner, list.value.location(), unknown_because(owner, "HiddenInstanceTypes"));
    return;
  }
  if (list.value.is_absent()) {
    reporter.report(&owner, missing_setting_location(settings), Level::warning,
                    owner.description() + " shows all " + std::to_string(denied.size()) +
                        " denied instance types (denied_instance_types) in Studio: list " + quoted_list(denied, 3) +
                        " in StudioWebPortalSettings.HiddenInstanceTypes" + std::string(kRealControl));
    return;
  }
  const auto hidden = list.value.strings();
  if (!hidden) {
    if (list.value.is_array()) {
      reporter.not_evaluable(owner, list.value.location(), "an entry of HiddenInstanceTypes is not known before "
                                                           "deployment");
    }
    return;
  }
  const std::vector<std::string_view> shown = missing_entries(denied, *hidden);
  if (shown.empty()) return;
  reporter.report(owner, list.value,
                  owner.description() + " shows " +
                      count_of(shown.size(), "denied instance type", "denied instance types") +
                      " (denied_instance_types) in Studio: HiddenInstanceTypes does not include " +
                      quoted_list(shown, 3) + std::string(kRealControl));
}

void check(const RuleContext& context, Reporter& reporter) {
  const Model& model = context.model();
  for (const Domain& domain : model.domains) {
    check_default_types(context, domain, domain.default_user_settings, "DefaultUserSettings", kUserApps, reporter);
    check_default_types(context, domain, domain.root["DefaultSpaceSettings"], "DefaultSpaceSettings",
                        kSharedSpaceApps, reporter);
  }
  for (const UserProfile& profile : model.profiles) {
    check_default_types(context, profile, profile.user_settings, "UserSettings", kUserApps, reporter);
  }
  for (const Space& space : model.spaces) {
    check_default_types(context, space, space.space_settings, "SpaceSettings", kSpaceApps, reporter);
  }
  const std::vector<std::string_view> denied = denied_types(context.settings());
  for_each_settings_owner(model, [&](const EffectiveSettings& settings) {
    check_hidden_types(settings, denied, reporter);
  });
}

}  // namespace

constinit const Rule kInstanceTypeGuardrail{
    .info =
        {
            .id = "SMD026",
            .name = "instance-type-guardrail",
            .level = Level::warning,
            .summary = "Apps should default to approved instance types, and denied instance types should be hidden.",
            .description = "Every DefaultResourceSpec.InstanceType of user, shared-space and space app settings "
                           "should be approved and not denied, and the effective HiddenInstanceTypes should hide "
                           "every denied instance type. Both are conveniences; the IAM condition key "
                           "sagemaker:InstanceTypes is the real control.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain | kAppliesToUserProfile | kAppliesToSpace,
            .justification = JustificationPolicy::allowed,
            .security_severity = {},
            .precision = "high",
            .settings = kSettings,
        },
    .check = check,
};

}  // namespace sagelint::rules
