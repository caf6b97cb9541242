// SMD005 domain-auth-sso: users sign in to the domain through IAM Identity Center.
#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"identity", "security"};

constexpr std::string_view kSettings[] = {"env"};

constexpr std::string_view kDocumentation = R"md(## What it does
Checks that each domain authenticates its users through IAM Identity Center (`AuthMode`
`SSO`) rather than IAM. A domain with `AuthMode: IAM` is reported as a warning, or as a
note when the domain is known to be outside production (an `Environment`, `env` or `stage`
tag such as `dev`, or `--env nonprod`).

In AWS CLI `describe-domain` output, an `SSO` domain must also show the Identity Center
application it is bound to: `SingleSignOnApplicationArn` or
`SingleSignOnManagedApplicationInstanceId`. A domain that shows neither is reported too.
CloudFormation templates and Terraform modules cannot hold these fields (AWS fills them in
when the domain is created), so they are not required there. A domain whose `AuthMode` is
not known before deployment gets a note that it cannot be checked.

## Why it matters
With IAM Identity Center, each person signs in as themselves and is bound to exactly one
user profile, so spaces, costs and the audit trail belong to a person. In an IAM domain,
anybody allowed `sagemaker:CreatePresignedDomainUrl` on a profile can open it; tying
profiles to people then depends on tags and IAM conditions that each team has to get right
(see SMD004). `AuthMode` cannot be changed after the domain is created, so the choice has
to be right from the start. Prowler's `sagemaker_domain_sso_configured` check makes the
same demand of deployed domains.

## Example
```json
{"DomainName": "ml-platform-prod", "AuthMode": "IAM"}
```

## Use instead
```json
{"DomainName": "ml-platform-prod", "AuthMode": "SSO"}
```
An organisation that federates into IAM on purpose can record that with a justification
(`sagelint:justify:SMD005`).

## References
- [CreateDomain: AuthMode](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateDomain.html)
- [DescribeDomain: SingleSignOnApplicationArn](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeDomain.html)
- [Team and user management with Amazon SageMaker and AWS SSO](https://aws.amazon.com/blogs/machine-learning/team-and-user-management-with-amazon-sagemaker-and-aws-sso/)
- [SageMaker Studio administration best practices: identity management](https://docs.aws.amazon.com/whitepapers/latest/sagemaker-studio-admin-best-practices/identity-management.html)
)md";

// An SSO domain in a describe-domain export names its Identity Center application; templates
// and modules cannot, as AWS fills those fields in at creation.
void check_sso_application(const Domain& domain, Level level, Reporter& reporter) {
  if (!domain.logical_id.empty()) return;
  const Value arn = domain.root["SingleSignOnApplicationArn"];
  const Value instance = domain.root["SingleSignOnManagedApplicationInstanceId"];
  if (arn.is_present() || instance.is_present()) return;
  if (arn.is_unknown() || instance.is_unknown()) {
    reporter.not_evaluable(domain, resource_location(domain),
                           "the export does not show its IAM Identity Center application");
    return;
  }
  reporter.report(&domain, resource_location(domain), level,
                  domain.description() +
                      " has AuthMode 'SSO' but names no IAM Identity Center application (neither "
                      "SingleSignOnApplicationArn nor SingleSignOnManagedApplicationInstanceId is set); check that "
                      "the domain's Identity Center application exists and users are assigned to it");
}

void check(const RuleContext& context, Reporter& reporter) {
  for (const Domain& domain : context.model().domains) {
    const Value auth_mode = domain.root["AuthMode"];
    if (auth_mode.is_unknown()) {
      reporter.not_evaluable(domain, resource_location(domain), "its AuthMode is not known");
      continue;
    }
    const auto text = auth_mode.string();
    if (!text) continue;  // AuthMode is required; a template without it fails to deploy
    const Level level =
        context.environment_of(domain) == Environment::nonproduction ? Level::note : Level::warning;
    if (*text == "SSO") {
      check_sso_application(domain, level, reporter);
      continue;
    }
    reporter.report(domain, auth_mode, level,
                    domain.description() + " does not sign users in through IAM Identity Center (AuthMode is " +
                        quoted(*text) + "); create it with AuthMode 'SSO' so that each user profile belongs to one "
                        "person (AuthMode cannot be changed once the domain exists)");
  }
}

}  // namespace

constinit const Rule kDomainAuthSso{
    .info =
        {
            .id = "SMD005",
            .name = "domain-auth-sso",
            .level = Level::warning,
            .summary = "A domain should sign users in through IAM Identity Center: AuthMode 'SSO'.",
            .description = "A domain whose AuthMode is 'IAM' leaves binding profiles to people to tags and IAM "
                           "policies; with 'SSO' each Identity Center user signs in to their own profile. AuthMode "
                           "cannot be changed later. A warning, a note outside production; an SSO domain exported "
                           "with describe-domain must also name its Identity Center application.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain,
            .justification = JustificationPolicy::allowed,
            .security_severity = "4.0",
            .precision = "high",
            .settings = kSettings,
        },
    .check = check,
};

}  // namespace sagelint::rules
