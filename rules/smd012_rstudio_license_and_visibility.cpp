// SMD012 rstudio-license-and-visibility: RStudio is offered only where it is licensed and can run.
#include <algorithm>

#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"rstudio", "licensing", "ui"};

constexpr std::string_view kSettings[] = {"rstudio_licensed", "licensed_rstudio_users"};

constexpr std::string_view kDocumentation = R"md(## What it does
Where RStudio is not available, checks that it is hidden; where it is, checks that only
licensed users get it. RStudio is available when the domain has
`DomainSettings.RStudioServerProDomainSettings`, unless the configuration says that the
organisation holds no licence (`rstudio_licensed: false`).

Where it is not available:
- the effective `StudioWebPortalSettings.HiddenAppTypes` must include `RStudioServerPro`:
  reported on the domain when its default list leaves it out, and on a user profile when
  the profile's own list does;
- `RStudioServerProAppSettings.AccessStatus` must not be `ENABLED`, on the domain or on a
  profile that sets it.

Where it is available:
- the domain must create its EFS file system (`HomeEfsFileSystemCreation` not `Disabled`),
  as RStudio needs it;
- each user profile whose effective `AccessStatus` is `ENABLED` must be licensed: its name is
  in `licensed_rstudio_users`, or it carries the tag `rstudio-license` with the value `true`.
  A profile that inherits `ENABLED` from its domain is reported too.

All findings are warnings. Values that are not known before deployment, a profile whose
domain is not among the inputs, and profiles from `describe-user-profile` exports (which
carry no tags) when the licence cannot be decided without the tag, get a note that they
cannot be checked. An exception can be justified with a `sagelint:justify:SMD012` tag.

## Why it matters
RStudio on SageMaker AI is a paid product: each user who uses it needs a licence registered
in AWS License Manager. Showing the RStudio tile where it cannot be used, or giving access
to users without a licence, leads to failed launches or to licence non-compliance. RStudio
also keeps its users' data on the domain's EFS volume and does not work without it.

## Example
```json
"DefaultUserSettings": {
  "StudioWebPortalSettings": {"HiddenAppTypes": ["JupyterServer"]},
  "RStudioServerProAppSettings": {"AccessStatus": "ENABLED"}
}
```
in a domain without `RStudioServerProDomainSettings`.

## Use instead
```json
"DefaultUserSettings": {
  "StudioWebPortalSettings": {"HiddenAppTypes": ["JupyterServer", "RStudioServerPro"]},
  "RStudioServerProAppSettings": {"AccessStatus": "DISABLED"}
}
```

## References
- [RStudio license](https://docs.aws.amazon.com/sagemaker/latest/dg/rstudio-license.html)
- [RStudioServerProAppSettings](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_RStudioServerProAppSettings.html)
- [StudioWebPortalSettings](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_StudioWebPortalSettings.html)
- [Use quick setup for Amazon SageMaker AI (RStudio requires EFS)](https://docs.aws.amazon.com/sagemaker/latest/dg/onboard-quick-start.html)
)md";

constexpr std::string_view kAppType = "RStudioServerPro";

// Why RStudio is not available to the owner's users, for messages; empty when it is, nullopt
// when that is not known.
std::optional<std::string> unavailable_because(const RuleContext& context, const EffectiveSettings& settings) {
  if (context.settings().rstudio_licensed == false) return "no RStudio licence is configured (rstudio_licensed)";
  const Domain* domain = settings.domain();
  if (domain == nullptr || domain->summary) return std::nullopt;
  const Value rstudio = domain->domain_settings["RStudioServerProDomainSettings"];
  if (rstudio.is_unknown()) return std::nullopt;
  if (!rstudio.is_absent()) return std::string();
  return (settings.is_domain() ? std::string("it") : domain->description()) +
         " has no RStudioServerProDomainSettings";
}

// Whether the owner writes something this rule would judge once its domain is known.
bool writes_rstudio_settings(const EffectiveSettings& settings) {
  const Value access = settings.own().get({"RStudioServerProAppSettings", "AccessStatus"});
  const Value hidden = settings.own().get({"StudioWebPortalSettings", "HiddenAppTypes"});
  return access.string() == "ENABLED" || (hidden.is_present() && !hidden.contains_string(kAppType));
}

void check_hidden(const EffectiveSettings& settings, const std::string& why, Reporter& reporter) {
  const Resource& owner = settings.owner();
  const Setting list = settings.get({"StudioWebPortalSettings", "HiddenAppTypes"});
  if (list.value.contains_string(kAppType)) return;
  if (list.origin == &owner) {
    if (!list.value.strings()) {
      reporter.not_evaluable(owner, list.value.location(), "its HiddenAppTypes are not known before deployment");
      return;
    }
    reporter.report(owner, list.value,
                    owner.description() + " shows RStudio although " + why +
                        ": HiddenAppTypes does not include 'RStudioServerPro'");
  } else if (list.value.is_unknown() && list.origin == nullptr && settings.is_domain()) {
    reporter.not_evaluable(owner, list.value.location(), "its HiddenAppTypes are not known before deployment");
  } else if (settings.is_domain() && list.value.is_absent()) {
    reporter.report(&owner, missing_setting_location(settings), Level::warning,
                    owner.description() + " shows RStudio although " + why +
                        ": add 'RStudioServerPro' to StudioWebPortalSettings.HiddenAppTypes");
  }
}

void check_access_disabled(const EffectiveSettings& settings, const std::string& why, Reporter& reporter) {
  const Resource& owner = settings.owner();
  const Value access = settings.own().get({"RStudioServerProAppSettings", "AccessStatus"});
  if (access.is_unknown()) {
    reporter.not_evaluable(owner, access.location(), "its RStudio AccessStatus is not known before deployment");
    return;
  }
  if (access.string() != "ENABLED") return;
  reporter.report(owner, access,
                  owner.description() + " gives RStudio access (AccessStatus is 'ENABLED') although " + why +
                      "; set AccessStatus to 'DISABLED'");
}

void check_efs_created(const Domain& domain, Reporter& reporter) {
  const Value creation = domain.root["HomeEfsFileSystemCreation"];
  if (creation.is_unknown()) {
    reporter.not_evaluable(domain, creation.location(), "its HomeEfsFileSystemCreation is not known before deployment");
    return;
  }
  if (creation.string() != "Disabled") return;
  reporter.report(domain, creation,
                  domain.description() +
                      " has RStudio but creates no EFS file system (HomeEfsFileSystemCreation is 'Disabled'); RStudio "
                      "requires EFS, set it to 'Enabled'");
}

bool is_listed(const RuleContext& context, std::string_view name) {
  const auto& users = context.settings().licensed_rstudio_users;
  return std::find(users.begin(), users.end(), name) != users.end();
}

void check_licensed(const RuleContext& context, const EffectiveSettings& settings, Reporter& reporter) {
  const Resource& owner = settings.owner();
  const Setting access = settings.get({"RStudioServerProAppSettings", "AccessStatus"});
  if (access.value.is_unknown()) {
    reporter.not_evaluable(owner, access.value.location(), "its RStudio AccessStatus is not known before deployment");
    return;
  }
  if (string_equals(access, "ENABLED") != true) return;
  const auto name = owner.name.string();
  if (name && is_listed(context, *name)) return;
  const Tag* tag = owner.find_tag("rstudio-license");
  if (tag != nullptr && equals_ignoring_case(tag->value, "true")) return;
  if (!name || !owner.tags_known) {
    reporter.not_evaluable(owner, resource_location(owner),
                           !name ? "its name is not known, so licensed_rstudio_users cannot be matched"
                                 : "its tags are not in the export, so an 'rstudio-license' tag cannot be seen");
    return;
  }
  const std::string fix = "; add it to licensed_rstudio_users or tag it 'rstudio-license=true' once it has a licence";
  if (access.origin == &owner) {
    reporter.report(owner, access.value,
                    owner.description() + " gives RStudio access (AccessStatus is 'ENABLED') to a user without a "
                                          "known licence" + fix);
    return;
  }
  reporter.report(&owner, resource_location(owner), Level::warning,
                  owner.description() + " gets RStudio access from " + access.origin->description() +
                      " (AccessStatus 'ENABLED') but has no known licence" + fix);
}

void check(const RuleContext& context, Reporter& reporter) {
  for_each_settings_owner(context.model(), [&](const EffectiveSettings& settings) {
    const Resource& owner = settings.owner();
    if (owner.summary) return;
    const std::optional<std::string> why = unavailable_because(context, settings);
    if (!why) {
      if (settings.is_domain() || writes_rstudio_settings(settings)) {
        const char* why_not = settings.is_domain() ? "its RStudioServerProDomainSettings is not known before deployment"
                              : settings.domain() == nullptr
                                  ? "its domain is not among the inputs, so whether RStudio is configured is not known"
                                  : "whether its domain configures RStudio is not known before deployment";
        reporter.not_evaluable(owner, resource_location(owner), why_not);
      }
      return;
    }
    if (!why->empty()) {
      check_hidden(settings, *why, reporter);
      check_access_disabled(settings, *why, reporter);
      return;
    }
    if (settings.is_domain()) {
      check_efs_created(*settings.domain(), reporter);
    } else {
      check_licensed(context, settings, reporter);
    }
  });
}

}  // namespace

constinit const Rule kRStudioLicenseAndVisibility{
    .info =
        {
            .id = "SMD012",
            .name = "rstudio-license-and-visibility",
            .level = Level::warning,
            .summary = "RStudio should be hidden and disabled where it is not licensed, and enabled only for "
                       "licensed users.",
            .description = "Without RStudioServerProDomainSettings or a licence, HiddenAppTypes should include "
                           "'RStudioServerPro' and RStudio AccessStatus should not be 'ENABLED'. With RStudio, the "
                           "domain must create EFS and every profile with access must be a licensed user.",
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
