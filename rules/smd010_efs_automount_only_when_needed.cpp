// SMD010 efs-automount-only-when-needed: no EFS home auto-mount where nothing needs it.
#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"storage", "cost"};

constexpr std::string_view kDocumentation = R"md(## What it does
Where Studio Classic is not in use (users land in Studio and Classic is hidden, see SMD007
and SMD009) and the domain has no RStudio (`DomainSettings.RStudioServerProDomainSettings`),
checks that EFS home directories are not auto-mounted:
- the domain's `DefaultUserSettings.AutoMountHomeEFS` must be `Disabled`; when it is not
  set, auto-mount is on wherever the domain creates EFS (`HomeEfsFileSystemCreation` is
  `Enabled` or not set);
- a user profile may only say `Disabled` or `DefaultAsDomain`.

## Why it matters
The new Studio keeps each space's data on its own EBS volume. The EFS home folder exists for
Studio Classic, for migrating Classic data, for RStudio, and for one user sharing files
between their own private spaces. Mounting it everywhere else adds an NFS dependency, a
second copy of user data to secure and back up, and EFS cost, for nothing.

## Example
```json
"DefaultUserSettings": {
  "DefaultLandingUri": "studio::",
  "StudioWebPortalSettings": {"HiddenAppTypes": ["JupyterServer"]},
  "AutoMountHomeEFS": "Enabled"
}
```

## Use instead
```json
"DefaultUserSettings": {
  "DefaultLandingUri": "studio::",
  "StudioWebPortalSettings": {"HiddenAppTypes": ["JupyterServer"]},
  "AutoMountHomeEFS": "Disabled"
}
```
Users who do share files across their own spaces, or are migrating Classic data, can keep
it with the tag `sagelint:justify:SMD010` and a reason.

## References
- [Automatically mount Amazon EFS in Studio](https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-automount.html)
- [UserSettings.AutoMountHomeEFS](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UserSettings.html)
)md";

// Whether the owner's users are off Studio Classic and the domain needs no EFS for RStudio.
std::optional<bool> efs_not_needed(const EffectiveSettings& settings) {
  const Domain* domain = settings.domain();
  if (domain == nullptr || domain->summary) return std::nullopt;
  const auto studio = lands_in_studio(settings);
  const auto hidden = hides_studio_classic(settings);
  if (!studio || !hidden) return std::nullopt;
  if (!*studio || !*hidden) return false;
  const Value rstudio = domain->domain_settings["RStudioServerProDomainSettings"];
  if (rstudio.is_unknown()) return std::nullopt;
  return rstudio.is_absent();
}

const char* const kReason = " although Studio Classic and RStudio are not in use; set it to 'Disabled'";

void check(const RuleContext& context, Reporter& reporter) {
  for_each_settings_owner(context.model(), [&](const EffectiveSettings& settings) {
    const Resource& owner = settings.owner();
    if (efs_not_needed(settings) != true) return;
    const Value own = settings.own()["AutoMountHomeEFS"];
    if (own.is_present()) {
      if (own.string() != "Enabled") return;
      reporter.report(owner, own,
                      owner.description() + " auto-mounts EFS home folders (AutoMountHomeEFS is 'Enabled')" + kReason);
      return;
    }
    if (!settings.is_domain() || !own.is_absent()) return;  // profiles default to the domain's value
    const Setting creation{owner.root["HomeEfsFileSystemCreation"], &owner};
    if (creation.value.is_unknown() || string_equals(creation, "Disabled") == true) return;
    reporter.report(&owner, missing_setting_location(settings), Level::warning,
                    owner.description() + " does not set AutoMountHomeEFS, so EFS home folders are auto-mounted" +
                        kReason);
  });
}

}  // namespace

constinit const Rule kEfsAutomountOnlyWhenNeeded{
    .info =
        {
            .id = "SMD010",
            .name = "efs-automount-only-when-needed",
            .level = Level::warning,
            .summary = "EFS home folders should not be auto-mounted where neither Studio Classic nor RStudio is used.",
            .description = "Studio keeps space data on EBS; the EFS home folder serves Studio Classic, Classic data "
                           "migration, RStudio and file sharing between one user's spaces. Where Classic is not in "
                           "use and RStudio is not configured, AutoMountHomeEFS should be 'Disabled' on the domain "
                           "and 'Disabled' or 'DefaultAsDomain' on profiles.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain | kAppliesToUserProfile,
            .justification = JustificationPolicy::allowed,
            .security_severity = {},
            .precision = "high",
            .settings = {},
        },
    .check = check,
};

}  // namespace sagelint::rules
