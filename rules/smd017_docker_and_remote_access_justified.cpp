// SMD017 docker-and-remote-access-justified: Docker access and remote IDE access are deliberate.
#include <algorithm>

#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"security", "network"};

constexpr std::string_view kSettings[] = {"trusted_accounts"};

constexpr std::string_view kDocumentation = R"md(## What it does
Reports, as warnings until they are justified:
- a domain whose `DomainSettings.DockerSettings.EnableDockerAccess` is `ENABLED`;
- in a `VpcOnly` domain with Docker access, each account of
  `DockerSettings.VpcOnlyTrustedAccounts` that is not in the configured `trusted_accounts`
  (with the default, empty list, every trusted account is reported);
- a space whose `SpaceSettings.RemoteAccess` is `ENABLED`.

A value that is not known before deployment gets a note that it cannot be checked.

Each finding needs a reason: add the tag `sagelint:justify:SMD017` to the domain or space
(or, in CloudFormation, its `Metadata.sagelint.justify`), e.g. "local mode for the
forecasting team; expires=2026-12-31".

## Why it matters
Docker access lets Studio apps build and run containers (local mode), and in a `VpcOnly`
domain pull images from the accounts listed in `VpcOnlyTrustedAccounts`: code and images
from outside the platform's reviewed ones run with the execution role's permissions. Remote
access lets a local IDE connect to a space, moving work and data onto laptops outside the
Studio boundary. Both are legitimate for some teams, and both widen what the platform has
to trust, so each should be a recorded decision.

## Example
```json
"DomainSettings": {
  "DockerSettings": {"EnableDockerAccess": "ENABLED", "VpcOnlyTrustedAccounts": ["999999999999"]}
}
```

## Use instead
```json
"DomainSettings": {"DockerSettings": {"EnableDockerAccess": "DISABLED"}}
```
or keep it, with the account in `trusted_accounts` and a `sagelint:justify:SMD017` tag.

## References
- [DockerSettings](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DockerSettings.html)
- [CreateSpace: SpaceSettings](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateSpace.html)
- [Connect Studio in a VPC to external resources](https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-and-internet-access.html)
)md";

constexpr std::string_view kJustify = "; justify it with the tag 'sagelint:justify:SMD017' or disable it";

bool is_trusted(const Settings& settings, std::string_view account) {
  return std::find(settings.trusted_accounts.begin(), settings.trusted_accounts.end(), account) !=
         settings.trusted_accounts.end();
}

void check_trusted_accounts(const RuleContext& context, const Domain& domain, const Value& docker,
                            Reporter& reporter) {
  const Value access = domain.root["AppNetworkAccessType"];
  const Value accounts = docker["VpcOnlyTrustedAccounts"];
  if (accounts.is_absent()) return;
  if (access.is_unknown() || accounts.is_unknown()) {
    reporter.not_evaluable(domain, accounts.location(),
                           "its AppNetworkAccessType or VpcOnlyTrustedAccounts is not known before deployment");
    return;
  }
  if (access.string() != "VpcOnly") return;
  const Reporter::Premise premise(reporter, access);
  for (const Value& account : accounts.elements()) {
    if (account.is_unknown()) {
      reporter.not_evaluable(domain, account.location(), "an account of VpcOnlyTrustedAccounts is not known");
      continue;
    }
    const auto id = account.string();
    if (!id || is_trusted(context.settings(), *id)) continue;
    reporter.report(domain, account,
                    domain.description() + " trusts account " + quoted(*id) +
                        " for Docker images (VpcOnlyTrustedAccounts), which is not in the configured trusted_accounts" +
                        std::string(kJustify));
  }
}

void check_domain(const RuleContext& context, const Domain& domain, Reporter& reporter) {
  const Value docker = domain.domain_settings["DockerSettings"];
  const Value enabled = docker["EnableDockerAccess"];
  if (enabled.is_unknown()) {
    reporter.not_evaluable(domain, enabled.location(), "its EnableDockerAccess is not known before deployment");
    return;
  }
  if (enabled.string() != "ENABLED") return;
  reporter.report(domain, enabled,
                  domain.description() + " lets Studio apps run Docker containers (EnableDockerAccess is 'ENABLED')" +
                      std::string(kJustify));
  check_trusted_accounts(context, domain, docker, reporter);
}

void check_space(const Space& space, Reporter& reporter) {
  const Value remote = space.space_settings["RemoteAccess"];
  if (remote.is_unknown()) {
    reporter.not_evaluable(space, remote.location(), "its RemoteAccess is not known before deployment");
    return;
  }
  if (remote.string() != "ENABLED") return;
  reporter.report(space, remote,
                  space.description() + " accepts connections from local IDEs (RemoteAccess is 'ENABLED')" +
                      std::string(kJustify));
}

void check(const RuleContext& context, Reporter& reporter) {
  for (const Domain& domain : context.model().domains) {
    if (!domain.summary) check_domain(context, domain, reporter);
  }
  for (const Space& space : context.model().spaces) {
    if (!space.summary) check_space(space, reporter);
  }
}

}  // namespace

constinit const Rule kDockerAndRemoteAccessJustified{
    .info =
        {
            .id = "SMD017",
            .name = "docker-and-remote-access-justified",
            .level = Level::warning,
            .summary = "Docker access in a domain and remote IDE access to a space need a written justification.",
            .description = "EnableDockerAccess 'ENABLED' on a domain and RemoteAccess 'ENABLED' on a space widen what "
                           "runs inside, and what leaves, the Studio boundary; each needs a sagelint:justify:SMD017 "
                           "reason. A VpcOnly domain's VpcOnlyTrustedAccounts must be among the configured "
                           "trusted_accounts.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain | kAppliesToSpace,
            .justification = JustificationPolicy::required,
            .security_severity = "5.0",
            .precision = "very-high",
            .settings = kSettings,
        },
    .check = check,
};

}  // namespace sagelint::rules
