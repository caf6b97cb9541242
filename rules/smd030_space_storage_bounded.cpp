// SMD030 space-storage-bounded: space EBS volumes have a sensible size and a ceiling.
#include "rules.hpp"
#include "support.hpp"
#include "sagelint/text.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"cost", "storage", "spaces"};

constexpr std::string_view kSettings[] = {"ebs_max_gb"};

constexpr std::string_view kDocumentation = R"md(## What it does
Checks the EBS volumes of spaces, as notes:

- every `SpaceStorageSettings.DefaultEbsStorageSettings` written (a domain's
  `DefaultUserSettings` and `DefaultSpaceSettings`, a user profile's `UserSettings`) has
  5 ≤ `DefaultEbsVolumeSizeInGb` ≤ `MaximumEbsVolumeSizeInGb` ≤ `ebs_max_gb` (100 by default,
  the Quick Setup maximum);
- a space's `SpaceStorageSettings.EbsStorageSettings.EbsVolumeSizeInGb` is at most the
  maximum that applies to it: for a shared space its domain's `DefaultSpaceSettings`, for a
  private space its owner's effective user settings (the domain's `DefaultUserSettings` when
  the owner's profile is not among the inputs), and in any case at most `ebs_max_gb`.

A space whose domain is not among the inputs is compared with `ebs_max_gb` only, and said to
be not evaluable when that comparison passes.

## Why it matters
Each space has its own EBS volume, billed for its provisioned size for as long as the space
exists, running or not. The maximum is what users may grow their volumes to without asking;
SageMaker accepts up to 16384 GB. Keeping the default small and the ceiling at what the work
needs bounds the storage bill. Justify a space that needs more with a
`sagelint:justify:SMD030` tag.

## Example
```json
"SpaceStorageSettings": {
  "DefaultEbsStorageSettings": {"DefaultEbsVolumeSizeInGb": 500, "MaximumEbsVolumeSizeInGb": 16384}
}
```

## Use instead
```json
"SpaceStorageSettings": {
  "DefaultEbsStorageSettings": {"DefaultEbsVolumeSizeInGb": 5, "MaximumEbsVolumeSizeInGb": 100}
}
```

## References
- [DefaultEbsStorageSettings](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DefaultEbsStorageSettings.html)
- [Use quick setup for Amazon SageMaker AI](https://docs.aws.amazon.com/sagemaker/latest/dg/onboard-quick-start.html)
)md";

constexpr double kMinGb = 5;

const std::initializer_list<std::string_view> kDefaultEbs = {"SpaceStorageSettings", "DefaultEbsStorageSettings"};

std::string gb(double size) { return number_as_text(size) + " GB"; }

void check_defaults(const Resource& owner, const Value& ebs, std::string_view what, int max_gb, Reporter& reporter) {
  if (!ebs.is_object()) return;
  const Value default_size = ebs["DefaultEbsVolumeSizeInGb"];
  const Value maximum = ebs["MaximumEbsVolumeSizeInGb"];
  const auto size = default_size.number();
  const auto max = maximum.number();
  const std::string where = "the " + std::string(what) + " of " + owner.description();
  if (size && *size < kMinGb) {
    reporter.report(owner, default_size,
                    "DefaultEbsVolumeSizeInGb of " + where + " is " + gb(*size) + "; SageMaker's minimum is 5 GB");
  }
  if (size && max && *size > *max) {
    reporter.report(owner, default_size,
                    "DefaultEbsVolumeSizeInGb of " + where + " (" + gb(*size) + ") is more than its "
                        "MaximumEbsVolumeSizeInGb (" + gb(*max) + ")");
  }
  if (max && *max > max_gb) {
    reporter.report(owner, maximum,
                    "users of " + where + " may grow space volumes to " + gb(*max) + "; expected at most " +
                        std::to_string(max_gb) + " GB (ebs_max_gb)");
  } else if (size && !max && *size > max_gb) {
    reporter.report(owner, default_size,
                    "spaces of " + where + " get " + gb(*size) + " volumes; expected at most " +
                        std::to_string(max_gb) + " GB (ebs_max_gb)");
  }
}

const UserProfile* find_owner(const Space& space) {
  const auto owner = space.owner.string();
  if (!owner || space.domain == nullptr) return nullptr;
  for (const UserProfile* profile : space.domain->profiles) {
    const auto name = profile->name.string();
    if (name && equals_ignoring_case(*name, *owner)) return profile;
  }
  return nullptr;
}

// The maximum volume size the space's domain allows it, and how messages name where it is set.
struct Ceiling {
  Value maximum;
  std::string origin;
};

std::optional<Ceiling> ceiling_of(const Space& space) {
  if (space.domain == nullptr) return std::nullopt;
  const std::optional<bool> shared = is_shared_space(space);
  if (!shared) return std::nullopt;
  if (*shared) {
    return Ceiling{space.domain->root.get({"DefaultSpaceSettings", "SpaceStorageSettings", "DefaultEbsStorageSettings",
                                           "MaximumEbsVolumeSizeInGb"}),
                   "the shared-space settings of " + space.domain->description()};
  }
  if (const UserProfile* owner = find_owner(space)) {
    const Setting max = EffectiveSettings::of_profile(*owner).get(
        {"SpaceStorageSettings", "DefaultEbsStorageSettings", "MaximumEbsVolumeSizeInGb"});
    const Resource* origin = max.origin != nullptr ? max.origin : owner;
    return Ceiling{max.value, "the user settings of " + origin->description()};
  }
  return Ceiling{space.domain->default_user_settings.get(
                     {"SpaceStorageSettings", "DefaultEbsStorageSettings", "MaximumEbsVolumeSizeInGb"}),
                 "the default user settings of " + space.domain->description()};
}

void check_space(const Space& space, int max_gb, Reporter& reporter) {
  const Value volume = space.space_settings.get({"SpaceStorageSettings", "EbsStorageSettings", "EbsVolumeSizeInGb"});
  const auto size = volume.number();
  if (!size) return;
  const std::optional<Ceiling> ceiling = ceiling_of(space);
  if (ceiling) {
    const auto max = ceiling->maximum.number();
    if (max && *size > *max) {
      reporter.report(space, volume,
                      "the EBS volume of " + space.description() + " is " + gb(*size) + ", more than the maximum of " +
                          gb(*max) + " in " + ceiling->origin);
      return;
    }
  }
  if (*size > max_gb) {
    reporter.report(space, volume,
                    "the EBS volume of " + space.description() + " is " + gb(*size) + "; expected at most " +
                        std::to_string(max_gb) + " GB (ebs_max_gb)");
    return;
  }
  if (!ceiling) {
    reporter.not_evaluable(space, volume.location(),
                           space.domain == nullptr ? "its domain, which sets the maximum volume size, is not among the "
                                                     "inputs"
                                                   : "its SharingType is not known");
  }
}

void check(const RuleContext& context, Reporter& reporter) {
  const int max_gb = context.settings().ebs_max_gb;
  for (const Domain& domain : context.model().domains) {
    check_defaults(domain, domain.default_user_settings.get(kDefaultEbs), "default user settings", max_gb, reporter);
    check_defaults(domain, domain.root["DefaultSpaceSettings"].get(kDefaultEbs), "shared-space settings", max_gb,
                   reporter);
  }
  for (const UserProfile& profile : context.model().profiles) {
    check_defaults(profile, profile.user_settings.get(kDefaultEbs), "user settings", max_gb, reporter);
  }
  for (const Space& space : context.model().spaces) check_space(space, max_gb, reporter);
}

}  // namespace

constinit const Rule kSpaceStorageBounded{
    .info =
        {
            .id = "SMD030",
            .name = "space-storage-bounded",
            .level = Level::note,
            .summary = "Space EBS volumes should be bounded: 5 GB <= default <= maximum <= ebs_max_gb.",
            .description = "DefaultEbsStorageSettings of domains, shared-space defaults and user profiles should keep "
                           "5 <= DefaultEbsVolumeSizeInGb <= MaximumEbsVolumeSizeInGb <= ebs_max_gb, and a space's "
                           "EbsVolumeSizeInGb should not exceed the maximum that applies to it.",
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
