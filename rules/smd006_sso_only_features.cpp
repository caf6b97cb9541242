// SMD006 sso-only-features: Amazon Q and trusted identity propagation need an SSO domain.
#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"identity"};

constexpr std::string_view kDocumentation = R"md(## What it does
Checks that a domain enables features that work only with IAM Identity Center identities
only when its `AuthMode` is `SSO`:
- `DomainSettings.AmazonQSettings.Status` `ENABLED` (Amazon Q Developer in Studio);
- `DomainSettings.TrustedIdentityPropagationSettings.Status` `ENABLED`.

Either one in a domain whose `AuthMode` is `IAM` is an error. When the feature is enabled
but `AuthMode` is not known before deployment (a template parameter without a default),
or the reverse, the domain gets a note that it cannot be checked.

## Why it matters
The API reference says of `AmazonQSettings` that the domain's `AuthMode` "must be SSO": AWS
rejects an IAM domain with Amazon Q enabled, so the deployment fails, and sagelint says so
before it is attempted. Trusted identity propagation passes the signed-in Identity Center
user on to the services Studio calls; an IAM domain has no such user to pass. `AuthMode`
cannot be changed later, so the fix is either to turn the feature off or to create the
domain with `SSO`.

## Example
```json
{
  "DomainName": "ml-platform",
  "AuthMode": "IAM",
  "DomainSettings": {"AmazonQSettings": {"Status": "ENABLED"}}
}
```

## Use instead
```json
{
  "DomainName": "ml-platform",
  "AuthMode": "SSO",
  "DomainSettings": {"AmazonQSettings": {"Status": "ENABLED"}}
}
```

## References
- [AmazonQSettings](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AmazonQSettings.html)
- [TrustedIdentityPropagationSettings](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_TrustedIdentityPropagationSettings.html)
- [DomainSettings](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DomainSettings.html)
)md";

struct SsoOnlyFeature {
  std::string_view member;  // of DomainSettings
  std::string_view name;    // for messages
};

constexpr SsoOnlyFeature kFeatures[] = {
    {"AmazonQSettings", "Amazon Q"},
    {"TrustedIdentityPropagationSettings", "trusted identity propagation"},
};

void check_domain(const Domain& domain, Reporter& reporter) {
  const Value auth_mode = domain.root["AuthMode"];
  const auto mode = auth_mode.string();
  // AuthMode is required: without it (or with a value of the wrong type) the deployment fails anyway.
  if (mode == "SSO" || (!mode && !auth_mode.is_unknown())) return;
  const Reporter::Premise premise(reporter, auth_mode);
  for (const SsoOnlyFeature& feature : kFeatures) {
    const Value status = domain.domain_settings.get({feature.member, "Status"});
    if (status.is_absent()) continue;
    const auto text = status.string();
    if (text && *text != "ENABLED") continue;
    if (!text || !mode) {
      reporter.not_evaluable(domain, resource_location(domain),
                             !mode ? "its AuthMode is not known"
                                   : "whether " + std::string(feature.name) + " is enabled is not known");
      continue;
    }
    reporter.report(domain, status,
                    std::string(feature.name) + " is enabled in " + domain.description() + " (" +
                        std::string(feature.member) + ".Status is 'ENABLED') but its AuthMode is " + quoted(*mode) +
                        "; it needs IAM Identity Center users: disable it or create the domain with AuthMode 'SSO'");
  }
}

void check(const RuleContext& context, Reporter& reporter) {
  for (const Domain& domain : context.model().domains) check_domain(domain, reporter);
}

}  // namespace

constinit const Rule kSsoOnlyFeatures{
    .info =
        {
            .id = "SMD006",
            .name = "sso-only-features",
            .level = Level::error,
            .summary = "Amazon Q and trusted identity propagation must only be enabled in a domain with AuthMode "
                       "'SSO'.",
            .description = "DomainSettings.AmazonQSettings.Status and "
                           "DomainSettings.TrustedIdentityPropagationSettings.Status may be 'ENABLED' only when the "
                           "domain's AuthMode is 'SSO': both rely on IAM Identity Center identities, and AWS rejects "
                           "Amazon Q in an IAM domain.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain,
            .justification = JustificationPolicy::not_accepted,
            .security_severity = {},
            .precision = "very-high",
            .settings = {},
        },
    .check = check,
};

}  // namespace sagelint::rules
