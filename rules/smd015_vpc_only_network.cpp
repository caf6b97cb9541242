// SMD015 vpc-only-network: Studio traffic goes through the customer's VPC.
#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"network", "security"};

constexpr std::string_view kSettings[] = {"env"};

constexpr std::string_view kDocumentation = R"md(## What it does
Checks that each domain sets `AppNetworkAccessType` to `VpcOnly`. A domain that does not set
it uses the API default, `PublicInternetOnly`. The finding is a warning, and an error in
production (a tag `Environment`, `env` or `stage` of `prod`, `production` or `prd`, or
`--env prod`).

## Why it matters
With `PublicInternetOnly`, everything but EFS traffic leaves through a SageMaker-managed VPC
with direct internet access: notebooks can reach any endpoint, and your VPC's security
groups, endpoints, firewalls and flow logs see none of it. `VpcOnly` routes all Studio
traffic through your own private subnets, where your network controls apply. AWS Config's
`sagemaker-domain-in-vpc` rule checks the same setting on deployed domains.

## Example
```json
{"DomainName": "ml-platform", "AppNetworkAccessType": "PublicInternetOnly"}
```

## Use instead
```json
{
  "DomainName": "ml-platform",
  "AppNetworkAccessType": "VpcOnly",
  "SubnetIds": ["subnet-0a1b2c3d4e5f60718"],
  "DefaultUserSettings": {"SecurityGroups": ["sg-0123456789abcdef0"]}
}
```
Outside production, a justification (`sagelint:justify:SMD015`) is accepted.

## References
- [Connect Studio in a VPC to external resources](https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-and-internet-access.html)
- [AWS Config rule sagemaker-domain-in-vpc](https://docs.aws.amazon.com/config/latest/developerguide/sagemaker-domain-in-vpc.html)
)md";

void check(const RuleContext& context, Reporter& reporter) {
  for (const Domain& domain : context.model().domains) {
    const Value access = domain.root["AppNetworkAccessType"];
    if (unknown_value(domain, access, "AppNetworkAccessType", reporter)) continue;
    const Level level = context.is_production(domain) ? Level::error : Level::warning;
    if (access.is_absent()) {
      reporter.report(&domain, resource_location(domain), level,
                      domain.description() +
                          " does not set AppNetworkAccessType, so Studio traffic goes through the public internet "
                          "(PublicInternetOnly); set it to 'VpcOnly'");
      continue;
    }
    const auto text = access.string();
    if (!text || *text == "VpcOnly") continue;
    reporter.report(domain, access, level,
                    domain.description() +
                        " sends Studio traffic through the public internet (AppNetworkAccessType is " + quoted(*text) +
                        "); expected 'VpcOnly'");
  }
}

}  // namespace

constinit const Rule kVpcOnlyNetwork{
    .info =
        {
            .id = "SMD015",
            .name = "vpc-only-network",
            .level = Level::warning,
            .summary = "Studio traffic should go through your own VPC: AppNetworkAccessType 'VpcOnly'.",
            .description = "A domain whose AppNetworkAccessType is 'PublicInternetOnly' (the default when it is not "
                           "set) gives notebooks direct internet access outside your network controls. A warning, "
                           "and an error in production.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain,
            .justification = JustificationPolicy::allowed_outside_production,
            .security_severity = "5.5",
            .precision = "very-high",
            .settings = kSettings,
        },
    .check = check,
};

}  // namespace sagelint::rules
