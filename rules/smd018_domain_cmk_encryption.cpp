// SMD018 domain-cmk-encryption: a domain's storage is encrypted with a customer managed key.
#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"encryption", "security", "storage"};

constexpr std::string_view kDocumentation = R"md(## What it does
Checks that each domain sets `KmsKeyId` to a customer managed KMS key:
- a domain without `KmsKeyId` is reported;
- a domain that sets only the deprecated `HomeEfsFileSystemKmsKeyId` is reported on that
  member, which should become `KmsKeyId`;
- an `alias/aws/...` alias (also as an alias ARN) names an AWS managed key and is reported.

A key that is not known before deployment (a template parameter, a reference to a key the
template creates) counts as set: its presence is what matters here, and a reference to a
key resource is almost always a customer managed key.

## Why it matters
Without `KmsKeyId`, SageMaker AI encrypts the domain's EFS and EBS volumes with an AWS managed
key. Its policy cannot be changed, so you cannot limit who may decrypt the users' data,
disable the key, or see its use under your own key's CloudTrail events. A customer managed
key gives that control; enterprise guardrails also require it through the
`sagemaker:VolumeKmsKey` condition key.

## Example
```json
{"DomainName": "ml-platform", "AuthMode": "IAM", "AppNetworkAccessType": "VpcOnly"}
```

## Use instead
```json
{
  "DomainName": "ml-platform",
  "AuthMode": "IAM",
  "AppNetworkAccessType": "VpcOnly",
  "KmsKeyId": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
```

## References
- [CreateDomain: KmsKeyId](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateDomain.html)
- [Build a secure enterprise ML platform: governance and control](https://docs.aws.amazon.com/whitepapers/latest/build-secure-enterprise-ml-platform/governance-and-control.html)
)md";

// An AWS managed key's alias: "alias/aws/sagemaker", or its ARN "arn:aws:kms:…:alias/aws/…".
bool is_aws_managed_alias(std::string_view key) {
  if (key.starts_with("alias/aws/")) return true;
  return key.starts_with("arn:") && key.find(":alias/aws/") != std::string_view::npos;
}

void check(const RuleContext& context, Reporter& reporter) {
  for (const Domain& domain : context.model().domains) {
    if (domain.summary) continue;
    const Value key = domain.root["KmsKeyId"];
    if (key.is_unknown()) continue;
    if (key.is_absent()) {
      const Value legacy = domain.root["HomeEfsFileSystemKmsKeyId"];
      if (legacy.is_present()) {
        reporter.report(domain, legacy,
                        domain.description() +
                            " sets the deprecated HomeEfsFileSystemKmsKeyId but not KmsKeyId; set KmsKeyId to the "
                            "customer managed key instead");
        continue;
      }
      if (legacy.is_unknown()) continue;
      reporter.report(&domain, resource_location(domain), Level::warning,
                      domain.description() +
                          " does not set KmsKeyId, so its EFS and EBS volumes are encrypted with an AWS managed key; "
                          "set KmsKeyId to a customer managed KMS key");
      continue;
    }
    const auto text = key.string();
    if (!text) continue;
    if (trim(*text).empty()) {
      reporter.report(domain, key,
                      "KmsKeyId of " + domain.description() + " is empty; set it to a customer managed KMS key");
    } else if (is_aws_managed_alias(*text)) {
      reporter.report(domain, key,
                      "KmsKeyId of " + domain.description() + " is " + quoted(*text) +
                          ", an AWS managed key; use a customer managed KMS key");
    }
  }
}

}  // namespace

constinit const Rule kDomainCmkEncryption{
    .info =
        {
            .id = "SMD018",
            .name = "domain-cmk-encryption",
            .level = Level::warning,
            .summary = "A domain should encrypt its storage with a customer managed KMS key (KmsKeyId).",
            .description = "Without KmsKeyId, or with an 'alias/aws/...' key, a domain's EFS and EBS volumes are "
                           "encrypted with an AWS managed key whose policy you cannot control. The deprecated "
                           "HomeEfsFileSystemKmsKeyId should be replaced by KmsKeyId.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain,
            .justification = JustificationPolicy::not_accepted,
            .security_severity = "4.0",
            .precision = "very-high",
            .settings = {},
        },
    .check = check,
};

}  // namespace sagelint::rules
