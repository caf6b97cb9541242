// SMD016 vpc-only-security-groups: a VpcOnly domain has the subnets and security groups it needs.
#include <set>

#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"network", "security", "validity"};

constexpr std::string_view kDocumentation = R"md(## What it does
For each domain whose `AppNetworkAccessType` is `VpcOnly`, checks that:
- its `DefaultUserSettings.SecurityGroups` is not empty, or else every user profile of the
  domain sets its own `UserSettings.SecurityGroups` (each profile without them is reported;
  without profiles among the inputs, the domain is);
- a user profile's security groups, its own and the domain's together (AWS adds them up
  rather than overriding), are at most 4: the limit is 5, and SageMaker AI adds one for NFS
  to the EFS home folder;
- when the domain has a shared space among the inputs (`SharingType` `Shared`), its
  `DefaultSpaceSettings.SecurityGroups` is not empty;
- its `SubnetIds` is not empty.

All findings are errors. Lists that are not known before deployment count as non-empty; a
domain whose `AppNetworkAccessType` is not known gets a note that it cannot be checked.

## Why it matters
In `VpcOnly` mode every Studio app gets its network interface in your subnets, with your
security groups: they decide what a notebook can reach (the SageMaker API endpoints, S3,
the NFS port 2049 of the EFS home folder). The API requires security groups for user
profiles of a `VpcOnly` domain unless the domain's defaults provide them, and rejects more
than allowed; a shared space without `DefaultSpaceSettings.SecurityGroups` has no group of
your own, and a domain without subnets has nowhere to place its apps.

## Example
```json
{
  "DomainName": "ml-platform",
  "AppNetworkAccessType": "VpcOnly",
  "VpcId": "vpc-0a1b2c3d",
  "DefaultUserSettings": {"ExecutionRole": "arn:aws:iam::111122223333:role/sagemaker-data-science"}
}
```

## Use instead
```json
{
  "DomainName": "ml-platform",
  "AppNetworkAccessType": "VpcOnly",
  "VpcId": "vpc-0a1b2c3d",
  "SubnetIds": ["subnet-0a1b2c3d4e5f60718"],
  "DefaultUserSettings": {
    "ExecutionRole": "arn:aws:iam::111122223333:role/sagemaker-data-science",
    "SecurityGroups": ["sg-0123456789abcdef0"]
  },
  "DefaultSpaceSettings": {"SecurityGroups": ["sg-0123456789abcdef0"]}
}
```

## References
- [UserSettings.SecurityGroups](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UserSettings.html)
- [CreateDomain](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateDomain.html)
- [Connect Studio in a VPC to external resources](https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-and-internet-access.html)
- [SageMaker Studio administration best practices: network management](https://docs.aws.amazon.com/whitepapers/latest/sagemaker-studio-admin-best-practices/network-management.html)
)md";

// Security groups of your own a private space may have: 5, less the one SageMaker AI adds for NFS.
constexpr size_t kMaxOwnGroups = 4;

// Whether a list is known to be empty (absent, or written with no element); unknown is not.
bool known_empty(const Value& list) {
  if (list.is_absent()) return true;
  return list.is_array() && list.elements().empty();
}

// How many different security groups the owner's private spaces get, counting only known ids.
size_t distinct_groups(const EffectiveSettings& settings) {
  std::set<std::string_view> ids;
  for (const Setting& group : settings.security_groups()) {
    if (const auto id = group.value.string()) ids.insert(*id);
  }
  return ids.size();
}

void check_group_count(const EffectiveSettings& settings, Reporter& reporter) {
  const size_t count = distinct_groups(settings);
  if (count <= kMaxOwnGroups) return;
  const Resource& owner = settings.owner();
  const Value own = settings.own()["SecurityGroups"];
  // A profile reports only when its own groups take it over the limit; the domain's alone are the domain's.
  if (!settings.is_domain() && !own.is_present()) return;
  const std::string whose = settings.is_domain() ? "" : " (its own and its domain's)";
  reporter.report(owner, own,
                  owner.description() + " has " + std::to_string(count) + " security groups" + whose +
                      "; at most 4 are allowed, as SageMaker AI adds one for NFS to the 5 a space can have");
}

void check_user_groups(const Domain& domain, Reporter& reporter) {
  const EffectiveSettings domain_settings = EffectiveSettings::of_domain(domain);
  check_group_count(domain_settings, reporter);
  for (const UserProfile* profile : domain.profiles) {
    if (profile->summary) continue;
    check_group_count(EffectiveSettings::of_profile(*profile), reporter);
  }
  if (!known_empty(domain.default_user_settings["SecurityGroups"])) return;
  if (domain.profiles.empty()) {
    reporter.report(&domain, missing_setting_location(domain_settings), Level::error,
                    domain.description() +
                        " is VpcOnly but DefaultUserSettings has no SecurityGroups, so user profiles created "
                        "without their own get none; add the security groups of its apps");
    return;
  }
  for (const UserProfile* profile : domain.profiles) {
    if (profile->summary) continue;
    const EffectiveSettings settings = EffectiveSettings::of_profile(*profile);
    if (!known_empty(settings.own()["SecurityGroups"])) continue;
    reporter.report(profile, missing_setting_location(settings), Level::error,
                    profile->description() + " sets no SecurityGroups, and neither does VpcOnly " +
                        domain.description() +
                        "; set them in the domain's DefaultUserSettings or in the profile's UserSettings");
  }
}

void check_shared_space_groups(const Domain& domain, Reporter& reporter) {
  const Space* shared = nullptr;
  for (const Space* space : domain.spaces) {
    if (space->sharing_type.string() == "Shared") {
      shared = space;
      break;
    }
  }
  if (shared == nullptr) return;
  const Value space_defaults = domain.root["DefaultSpaceSettings"];
  const Value groups = space_defaults["SecurityGroups"];
  if (!known_empty(groups)) return;
  const Location at = groups.is_present() ? groups.location()
                      : space_defaults.is_absent() ? resource_location(domain)
                                                   : space_defaults.location();
  reporter.report(&domain, at, Level::error,
                  domain.description() + " is VpcOnly and has shared " + shared->description() +
                      ", but DefaultSpaceSettings has no SecurityGroups; add the security groups of shared spaces");
}

void check_subnets(const Domain& domain, Reporter& reporter) {
  const Value subnets = domain.root["SubnetIds"];
  if (!known_empty(subnets)) return;
  const Location at = subnets.is_present() ? subnets.location() : resource_location(domain);
  reporter.report(&domain, at, Level::error,
                  domain.description() + " is VpcOnly but has no SubnetIds; list the private subnets of its apps");
}

void check(const RuleContext& context, Reporter& reporter) {
  for (const Domain& domain : context.model().domains) {
    if (domain.summary) continue;
    const Value access = domain.root["AppNetworkAccessType"];
    if (access.is_unknown()) {
      reporter.not_evaluable(domain, access.location(), "its AppNetworkAccessType is not known before deployment");
      continue;
    }
    if (access.string() != "VpcOnly") continue;
    const Reporter::Premise premise(reporter, access);
    check_user_groups(domain, reporter);
    check_shared_space_groups(domain, reporter);
    check_subnets(domain, reporter);
  }
}

}  // namespace

constinit const Rule kVpcOnlySecurityGroups{
    .info =
        {
            .id = "SMD016",
            .name = "vpc-only-security-groups",
            .level = Level::error,
            .summary = "A VpcOnly domain needs subnets and security groups for its users and shared spaces.",
            .description = "With AppNetworkAccessType 'VpcOnly', DefaultUserSettings.SecurityGroups must be set "
                           "(or every user profile must set its own), a profile may have at most 4 security groups "
                           "with its domain's, DefaultSpaceSettings.SecurityGroups must be set when shared spaces "
                           "exist, and SubnetIds must not be empty.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain | kAppliesToUserProfile,
            .justification = JustificationPolicy::not_accepted,
            .security_severity = "5.0",
            .precision = "high",
            .settings = {},
        },
    .check = check,
};

}  // namespace sagelint::rules
