// SMD014 no-quick-setup-in-production: Quick Setup domains are for learning, never production.
#include <re2/re2.h>

#include <algorithm>
#include <vector>

#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"quick-setup", "security", "network"};

constexpr std::string_view kSettings[] = {"env", "default_vpc_ids"};

constexpr std::string_view kDocumentation = R"md(## What it does
Recognises domains made with the console's Quick Setup ("Set up for single user") from the
signals it leaves, and reports a domain showing at least two of them:
- the domain name `QuickSetupDomain-<yyyymmdd>T<hhmmss>`;
- a user profile named `default-<yyyymmdd>T<hhmmss>`;
- a console-generated execution role `…:role/service-role/AmazonSageMaker-ExecutionRole-<yyyymmdd>T<hhmmss>`
  (domain default, shared-space default or a profile's own);
- public internet access (`AppNetworkAccessType` absent or `PublicInternetOnly`) from a VPC
  listed in the `default_vpc_ids` setting;
- Quick Setup storage: space EBS 5 GB by default and 100 GB at most, with
  `HomeEfsFileSystemCreation: Disabled`.

In production (a tag `Environment`, `env` or `stage` of `prod`, `production` or `prd`, or
whatever the `env` setting says) the finding is an error, and the domain name alone is enough.

## Why it matters
Quick Setup is the fastest way to try Studio: one click gives a domain in a public VPC with
internet access, and an execution role with `AmazonSageMakerFullAccess` (and
`AmazonS3FullAccess` when Studio is the default). None of that is a production boundary: no
private network, no least-privilege role, no identity federation. Build production domains
deliberately, with their own VPC, roles and settings.

## Example
```json
{
  "DomainName": "QuickSetupDomain-20250605T020811",
  "DefaultUserSettings": {
    "ExecutionRole": "arn:aws:iam::111122223333:role/service-role/AmazonSageMaker-ExecutionRole-20250605T020811"
  },
  "Tags": [{"Key": "Environment", "Value": "prod"}]
}
```

## Use instead
```json
{
  "DomainName": "ml-platform-prod",
  "AppNetworkAccessType": "VpcOnly",
  "DefaultUserSettings": {
    "ExecutionRole": "arn:aws:iam::111122223333:role/sagemaker-data-science"
  }
}
```
Outside production a justification (`sagelint:justify:SMD014`) is accepted; in production
it is not.

## References
- [Use quick setup for Amazon SageMaker AI](https://docs.aws.amazon.com/sagemaker/latest/dg/onboard-quick-start.html)
- [Connect Studio in a VPC to external resources](https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-and-internet-access.html)
)md";

struct Signals {
  bool domain_name = false;
  std::vector<std::string> found;
};

bool full_match(const Value& value, const RE2& pattern) {
  const auto text = value.string();
  return text && RE2::FullMatch(re2::StringPiece(text->data(), text->size()), pattern);
}

class QuickSetupSignals {
 public:
  explicit QuickSetupSignals(const std::vector<std::string>& default_vpc_ids)
      : domain_name_(R"(QuickSetupDomain-\d{8}T\d{6})"),
        profile_name_(R"(default-\d{8}T\d{6})"),
        default_vpc_ids_(default_vpc_ids) {}

  Signals of(const Domain& domain) const {
    Signals signals;
    if (full_match(domain.name, domain_name_)) {
      signals.domain_name = true;
      signals.found.push_back("its name");
    }
    for (const UserProfile* profile : domain.profiles) {
      if (full_match(profile->name, profile_name_)) {
        signals.found.push_back("user profile " + quoted(profile->display_name()));
        break;
      }
    }
    if (const auto role = console_role(domain)) signals.found.push_back("console-generated execution role " + quoted(*role));
    if (const auto vpc = public_default_vpc(domain)) signals.found.push_back("public internet access from default VPC " + quoted(*vpc));
    if (quick_setup_storage(domain)) signals.found.push_back("Quick Setup storage (5/100 GB EBS, no EFS)");
    return signals;
  }

 private:
  std::optional<std::string_view> console_role(const Domain& domain) const {
    std::vector<Value> roles{domain.default_user_settings["ExecutionRole"],
                             domain.root.get({"DefaultSpaceSettings", "ExecutionRole"})};
    for (const UserProfile* profile : domain.profiles) roles.push_back(profile->user_settings["ExecutionRole"]);
    for (const Value& role : roles) {
      if (console_role_.matches(role)) return role.string();
    }
    return std::nullopt;
  }

  std::optional<std::string_view> public_default_vpc(const Domain& domain) const {
    const Value access = domain.root["AppNetworkAccessType"];
    if (access.is_unknown() || (access.is_present() && access.string() != "PublicInternetOnly")) return std::nullopt;
    const auto vpc = domain.root["VpcId"].string();
    if (!vpc || std::find(default_vpc_ids_.begin(), default_vpc_ids_.end(), *vpc) == default_vpc_ids_.end()) {
      return std::nullopt;
    }
    return vpc;
  }

  static bool quick_setup_storage(const Domain& domain) {
    const Value ebs = domain.default_user_settings.get({"SpaceStorageSettings", "DefaultEbsStorageSettings"});
    return ebs["DefaultEbsVolumeSizeInGb"].number() == 5.0 && ebs["MaximumEbsVolumeSizeInGb"].number() == 100.0 &&
           domain.root["HomeEfsFileSystemCreation"].string() == "Disabled";
  }

  RE2 domain_name_;
  RE2 profile_name_;
  ConsoleRolePattern console_role_;
  const std::vector<std::string>& default_vpc_ids_;
};

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

void check(const RuleContext& context, Reporter& reporter) {
  const QuickSetupSignals quick_setup(context.settings().default_vpc_ids);
  for (const Domain& domain : context.model().domains) {
    const Signals signals = quick_setup.of(domain);
    const bool production = context.is_production(domain);
    if (signals.found.size() < 2 && !(production && signals.domain_name)) continue;
    std::string message = domain.description() + " looks like a Quick Setup domain (" + joined(signals.found) + ")";
    message += production ? " and is in production; Quick Setup domains are never fit for production"
                          : "; Quick Setup is for learning and proofs of concept, never production";
    reporter.report(&domain, resource_location(domain), production ? Level::error : Level::warning, std::move(message));
  }
}

}  // namespace

constinit const Rule kNoQuickSetupInProduction{
    .info =
        {
            .id = "SMD014",
            .name = "no-quick-setup-in-production",
            .level = Level::warning,
            .summary = "A Quick Setup domain is for learning only: an error in production, a warning elsewhere.",
            .description = "Recognises Quick Setup domains by their generated domain and profile names, console-made "
                           "execution roles, public network in a default VPC and Quick Setup storage defaults. Two "
                           "signals make a warning; in production it is an error, and the domain name alone is "
                           "enough.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain | kAppliesToUserProfile,
            .justification = JustificationPolicy::allowed_outside_production,
            .security_severity = "6.0",
            .precision = "high",
            .settings = kSettings,
        },
    .check = check,
};

}  // namespace sagelint::rules
