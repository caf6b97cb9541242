// SMD021 shared-role-source-identity: profiles sharing an execution role stay distinguishable in CloudTrail.
#include <map>

#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"execution-role", "audit", "security"};

constexpr std::string_view kDocumentation = R"md(## What it does
Finds domains where two or more user profiles run with the same execution role, counting
the domain's `DefaultUserSettings.ExecutionRole` for every profile that does not set its
own, and checks that such a domain sets `DomainSettings.ExecutionRoleIdentityConfig` to
`USER_PROFILE_NAME`. Absent or `DISABLED`, it is a warning.

Where a role is shared, a note also recommends
`StudioWebPortalSettings.ExecutionRoleSessionNameMode: USER_IDENTITY` in the domain's
`DefaultUserSettings`. Only the profiles among the inputs are counted; when some of their
roles are not known before deployment and no known role is shared, the domain gets a note
that it cannot be checked.

## Why it matters
CloudTrail records actions taken with an execution role under the role's name. When each
profile has its own role that is enough to tell users apart; when several profiles share
one, CloudTrail cannot say which user acted. With `ExecutionRoleIdentityConfig:
USER_PROFILE_NAME`, SageMaker passes the profile name as `sts:SourceIdentity`, which
CloudTrail records with every call made with the role (roles chained from it need
`sts:SetSourceIdentity` in their trust policies). The setting can only be changed while no
app is running, so it is best set when the domain is created. `ExecutionRoleSessionNameMode:
USER_IDENTITY` additionally names the role's sessions after the signed-in user.

## Example
```json
{
  "DomainName": "ml-platform",
  "DefaultUserSettings": {"ExecutionRole": "arn:aws:iam::111122223333:role/sm-ds-team-a"}
}
```
with profiles `jdoe` and `asmith` that set no role of their own.

## Use instead
```json
{
  "DomainName": "ml-platform",
  "DefaultUserSettings": {
    "ExecutionRole": "arn:aws:iam::111122223333:role/sm-ds-team-a",
    "StudioWebPortalSettings": {"ExecutionRoleSessionNameMode": "USER_IDENTITY"}
  },
  "DomainSettings": {"ExecutionRoleIdentityConfig": "USER_PROFILE_NAME"}
}
```
A domain whose actions are attributed another way can carry a justification
(`sagelint:justify:SMD021`) with the reason.

## References
- [Monitor user resource access from Amazon SageMaker AI Studio](https://docs.aws.amazon.com/sagemaker/latest/dg/monitor-user-access.html)
- [Turn on source identity propagation](https://docs.aws.amazon.com/sagemaker/latest/dg/monitor-user-access-how-to.html)
- [DomainSettings: ExecutionRoleIdentityConfig](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DomainSettings.html)
- [StudioWebPortalSettings: ExecutionRoleSessionNameMode](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_StudioWebPortalSettings.html)
)md";

struct SharedRole {
  std::string_view arn;
  std::vector<const UserProfile*> profiles;
};

// The domain's most shared execution role among its profiles; `unknown` is set when some
// profile's role is not known.
std::optional<SharedRole> most_shared_role(const Domain& domain, bool& unknown) {
  std::map<std::string, SharedRole> by_role;  // lower-cased: IAM role names are unique regardless of case
  for (const UserProfile* profile : domain.profiles) {
    const Setting role = EffectiveSettings::of_profile(*profile).get({"ExecutionRole"});
    const auto arn = role.value.string();
    if (!arn) {
      unknown = unknown || role.value.is_unknown();
      continue;
    }
    SharedRole& entry = by_role[to_lower(*arn)];
    if (entry.profiles.empty()) entry.arn = *arn;
    entry.profiles.push_back(profile);
  }
  const SharedRole* most = nullptr;
  for (const auto& [key, entry] : by_role) {
    if (most == nullptr || entry.profiles.size() > most->profiles.size()) most = &entry;
  }
  if (most == nullptr || most->profiles.size() < 2) return std::nullopt;
  return *most;
}

std::string profile_names(const std::vector<const UserProfile*>& profiles) {
  std::string out;
  constexpr size_t kShown = 3;
  for (size_t i = 0; i < profiles.size() && i < kShown; ++i) {
    if (i > 0) out += ", ";
    out += quoted(profiles[i]->display_name());
  }
  if (profiles.size() > kShown) out += " and " + std::to_string(profiles.size() - kShown) + " more";
  return out;
}

void recommend_session_names(const Domain& domain, Reporter& reporter) {
  const EffectiveSettings settings = EffectiveSettings::of_domain(domain);
  const Setting mode = settings.get({"StudioWebPortalSettings", "ExecutionRoleSessionNameMode"});
  if (mode.value.is_unknown() || string_equals(mode, "USER_IDENTITY") == true) return;
  const std::string message = domain.description() +
                              " shares an execution role between user profiles; consider also setting "
                              "StudioWebPortalSettings.ExecutionRoleSessionNameMode to 'USER_IDENTITY' so that role "
                              "sessions are named after the signed-in user";
  if (mode.value.is_present()) {
    reporter.report(domain, mode.value, Level::note, message);
  } else {
    reporter.report(&domain, missing_setting_location(settings), Level::note, message);
  }
}

void check_domain(const Domain& domain, Reporter& reporter) {
  bool unknown = false;
  const std::optional<SharedRole> shared = most_shared_role(domain, unknown);
  const Value config = domain.domain_settings["ExecutionRoleIdentityConfig"];
  if (shared) recommend_session_names(domain, reporter);
  if (config.string() == "USER_PROFILE_NAME") return;
  if (!shared) {
    if (unknown && domain.profiles.size() >= 2) {
      reporter.not_evaluable(domain, resource_location(domain),
                             "the execution roles of some of its user profiles are not known");
    }
    return;
  }
  if (config.is_unknown()) {
    reporter.not_evaluable(domain, config.location(), "its DomainSettings.ExecutionRoleIdentityConfig is not known");
    return;
  }
  const std::string sharing = std::to_string(shared->profiles.size()) + " user profiles of " + domain.description() +
                              " (" + profile_names(shared->profiles) + ") use execution role " + quoted(shared->arn);
  const std::string fix = ", so CloudTrail cannot tell which of them acted; set it to 'USER_PROFILE_NAME'";
  if (const auto text = config.string()) {
    reporter.report(domain, config, sharing + ", and ExecutionRoleIdentityConfig is " + quoted(*text) + fix);
    return;
  }
  const Location at =
      domain.domain_settings.is_present() ? domain.domain_settings.location() : resource_location(domain);
  reporter.report(&domain, at, Level::warning,
                  sharing + ", and DomainSettings.ExecutionRoleIdentityConfig is not set" + fix);
}

void check(const RuleContext& context, Reporter& reporter) {
  for (const Domain& domain : context.model().domains) check_domain(domain, reporter);
}

}  // namespace

constinit const Rule kSharedRoleSourceIdentity{
    .info =
        {
            .id = "SMD021",
            .name = "shared-role-source-identity",
            .level = Level::warning,
            .summary = "Where user profiles share an execution role, the domain should propagate the profile name as "
                       "source identity.",
            .description = "When two or more user profiles of a domain run with the same execution role (their own "
                           "or the domain default), CloudTrail cannot tell them apart unless "
                           "DomainSettings.ExecutionRoleIdentityConfig is 'USER_PROFILE_NAME', which records the "
                           "profile name as sts:SourceIdentity.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain,
            .justification = JustificationPolicy::allowed,
            .security_severity = "4.0",
            .precision = "high",
            .settings = {},
        },
    .check = check,
};

}  // namespace sagelint::rules
