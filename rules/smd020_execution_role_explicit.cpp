// SMD020 execution-role-explicit: domains name their execution roles, and production avoids console roles.
#include <algorithm>

#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"execution-role", "security"};

constexpr std::string_view kSettings[] = {"env"};

constexpr std::string_view kDocumentation = R"md(## What it does
Checks that execution roles are chosen on purpose:
- every domain sets `DefaultUserSettings.ExecutionRole`, the role of every profile that
  does not name its own;
- a domain with a shared space among the inputs, or one that writes `DefaultSpaceSettings`
  (which only shared spaces use), sets `DefaultSpaceSettings.ExecutionRole`, the role
  shared spaces run with;
- in production (an `Environment`, `env` or `stage` tag of `prod`, `production` or `prd`,
  or `--env prod`), no domain default, shared-space default or user profile uses a role
  the console generated, `…:role/service-role/AmazonSageMaker-ExecutionRole-<yyyymmdd>T<hhmmss>`.

All findings are warnings. A role that is not known before deployment (a template's
`!GetAtt Role.Arn`, a Terraform reference) counts as set; in production, its name cannot be
checked and the resource gets a note saying so.

## Why it matters
A domain without a default execution role hands every profile whatever role it happens to
be given later, and shared spaces cannot be created without a space default role. The
roles the console and Quick Setup generate carry `AmazonSageMakerFullAccess` (Quick Setup
adds `AmazonS3FullAccess`): fine for a trial, far more than a production team needs. AWS
recommends roles per team or persona, scoped to the data and services that team uses.

## Example
```json
"DefaultUserSettings": {
  "ExecutionRole": "arn:aws:iam::111122223333:role/service-role/AmazonSageMaker-ExecutionRole-20250605T020811"
}
```

## Use instead
```json
"DefaultUserSettings": {
  "ExecutionRole": "arn:aws:iam::111122223333:role/sm-ds-team-a"
},
"DefaultSpaceSettings": {
  "ExecutionRole": "arn:aws:iam::111122223333:role/sm-ds-team-a-shared"
}
```
An exception can carry a justification (`sagelint:justify:SMD020`) with the reason.

## References
- [SageMaker Studio administration best practices: permissions management](https://docs.aws.amazon.com/whitepapers/latest/sagemaker-studio-admin-best-practices/permissions-management.html)
- [Execution roles and spaces](https://docs.aws.amazon.com/sagemaker/latest/dg/execution-roles-and-spaces.html)
- [Use quick setup for Amazon SageMaker AI](https://docs.aws.amazon.com/sagemaker/latest/dg/onboard-quick-start.html)
- [UserSettings: ExecutionRole](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UserSettings.html)
)md";

class ConsoleRole {
 public:
  // Reports `role` of `owner` (named `field` in messages) when it is a console-generated role.
  void check(const Resource& owner, const Value& role, std::string_view field, Reporter& reporter) const {
    if (role.is_unknown()) {
      reporter.not_evaluable(owner, role.location(), "its " + std::string(field) + " is not known");
      return;
    }
    const auto arn = role.string();
    if (!arn || !pattern_.matches(role)) return;
    reporter.report(owner, role,
                    std::string(field) + " of production " + owner.description() + " is " + quoted(*arn) +
                        ", a role the console generated with broad managed policies; use a role scoped to the "
                        "team's data and services");
  }

 private:
  ConsoleRolePattern pattern_;
};

bool has_shared_space(const Domain& domain) {
  return std::any_of(domain.spaces.begin(), domain.spaces.end(),
                     [](const Space* space) { return space->sharing_type.string() == "Shared"; });
}

void check_domain(const RuleContext& context, const Domain& domain, const ConsoleRole& console_role,
                  Reporter& reporter) {
  const Value user_role = domain.default_user_settings["ExecutionRole"];
  if (user_role.is_absent()) {
    const Location at = domain.default_user_settings.is_present() ? domain.default_user_settings.location()
                                                                   : resource_location(domain);
    reporter.report(&domain, at, Level::warning,
                    domain.description() +
                        " sets no DefaultUserSettings.ExecutionRole; name the role its user profiles get by default");
  }
  const Value space_settings = domain.root["DefaultSpaceSettings"];
  const Value space_role = space_settings["ExecutionRole"];
  if (space_role.is_absent() && (space_settings.is_present() || has_shared_space(domain))) {
    const std::string why = space_settings.is_present() ? " writes DefaultSpaceSettings, which only shared spaces use,"
                                                        : " has shared spaces";
    reporter.report(&domain, space_settings.is_present() ? space_settings.location() : resource_location(domain),
                    Level::warning,
                    domain.description() + why +
                        " but sets no DefaultSpaceSettings.ExecutionRole; name the role shared spaces run with");
  }
  if (!context.is_production(domain)) return;
  if (!user_role.is_absent()) console_role.check(domain, user_role, "DefaultUserSettings.ExecutionRole", reporter);
  if (!space_role.is_absent()) console_role.check(domain, space_role, "DefaultSpaceSettings.ExecutionRole", reporter);
}

void check(const RuleContext& context, Reporter& reporter) {
  const ConsoleRole console_role;
  for (const Domain& domain : context.model().domains) check_domain(context, domain, console_role, reporter);
  for (const UserProfile& profile : context.model().profiles) {
    if (!context.is_production(profile)) continue;
    const Value role = profile.user_settings["ExecutionRole"];
    if (!role.is_absent()) console_role.check(profile, role, "UserSettings.ExecutionRole", reporter);
  }
}

}  // namespace

constinit const Rule kExecutionRoleExplicit{
    .info =
        {
            .id = "SMD020",
            .name = "execution-role-explicit",
            .level = Level::warning,
            .summary = "Domains should name their default and shared-space execution roles, and production should "
                       "not use console-generated roles.",
            .description = "A domain should set DefaultUserSettings.ExecutionRole and, where shared spaces are used, "
                           "DefaultSpaceSettings.ExecutionRole. In production, roles the console or Quick Setup "
                           "generated (service-role/AmazonSageMaker-ExecutionRole-<timestamp>), which carry broad "
                           "managed policies, are reported on domains and user profiles.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain | kAppliesToUserProfile,
            .justification = JustificationPolicy::allowed,
            .security_severity = "5.0",
            .precision = "high",
            .settings = kSettings,
        },
    .check = check,
};

}  // namespace sagelint::rules
