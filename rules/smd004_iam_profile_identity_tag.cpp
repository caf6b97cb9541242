// SMD004 iam-profile-identity-tag: in an IAM domain, a tag names the one person behind each profile.
#include <unordered_map>

#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"identity", "security", "tags"};

constexpr std::string_view kSettings[] = {"identity_tag_key", "generic_name_patterns"};

constexpr std::string_view kDocumentation = R"md(## What it does
In a domain whose `AuthMode` is `IAM`, checks that every user profile carries the identity
tag (`identity_tag_key`, by default `studiouserid`; the key is compared without regard to
case, as IAM condition keys compare it) and that its value:
- is not empty;
- names a person, not a team or placeholder (the generic names of SMD003, such as `team`,
  `shared` or `ds-team-shared`);
- is used by no other profile of the same domain (compared without regard to case or
  surrounding spaces).

Profiles of `SSO` domains are not checked: Identity Center binds them (SMD001). AWS CLI
`describe-user-profile` output has no tags, so a profile read from it gets a note that it
cannot be checked, unless its `Tags` (the output of `aws sagemaker list-tags`) are added to
the document. A profile whose domain, domain `AuthMode` or tag value is not known before
deployment gets the same note.

## Why it matters
An IAM domain has no built-in tie between a user profile and a person: anybody allowed
`sagemaker:CreatePresignedDomainUrl` on a profile can open it. AWS's recommended guard is to
tag each profile with the user's name and allow the presigned URL only when
`sagemaker:ResourceTag/studiouserid` equals the caller's `aws:PrincipalTag/studiouserid`.
A profile without the tag falls outside that policy; a team name in it, or the same value on
two profiles, lets several people or one person in two places share a profile, which is
what the policy exists to prevent.

## Example
```json
{"UserProfileName": "jdoe", "Tags": [{"Key": "studiouserid", "Value": "analytics"}]}
```

## Use instead
```json
{"UserProfileName": "jdoe", "Tags": [{"Key": "studiouserid", "Value": "jdoe"}]}
```
A sanctioned exception, such as an automation profile, can carry the tag
`sagelint:justify:SMD004` with the reason.

## References
- [SageMaker Studio administration best practices: permissions management](https://docs.aws.amazon.com/whitepapers/latest/sagemaker-studio-admin-best-practices/permissions-management.html)
- [CreatePresignedDomainUrl](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreatePresignedDomainUrl.html)
- [IAM condition keys: aws:ResourceTag and aws:PrincipalTag](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html)
)md";

const Tag* find_tag_ignoring_case(const Resource& resource, std::string_view key) {
  for (const Tag& tag : resource.tags) {
    if (equals_ignoring_case(tag.key, key)) return &tag;
  }
  return nullptr;
}

// The profile's identity tag value when it can be compared with others', after reporting
// what is wrong with it or why it cannot be checked.
std::optional<std::string_view> checked_identity(const RuleContext& context, const UserProfile& profile,
                                                 Reporter& reporter) {
  const std::string& key = context.settings().identity_tag_key;
  if (!profile.tags_known) {
    reporter.not_evaluable(profile, resource_location(profile),
                           tags_unknown_because(profile));
    return std::nullopt;
  }
  const Tag* tag = find_tag_ignoring_case(profile, key);
  if (tag == nullptr) {
    const Value tags = profile.root["Tags"];
    const Location at = tags.is_present() ? tags.location() : resource_location(profile);
    reporter.report(&profile, at, Level::warning,
                    profile.description() + " in IAM " + profile.domain->description() + " has no " + quoted(key) +
                        " tag; tag it with the name of the person who uses it, so that IAM policies can allow only "
                        "that person to open it");
    return std::nullopt;
  }
  const Value value = tag->node["Value"];
  if (value.is_unknown()) {
    reporter.not_evaluable(profile, value.location(), "the value of its " + quoted(tag->key) + " tag is not known");
    return std::nullopt;
  }
  const Value at = value.is_present() ? value : tag->node;
  if (trim(tag->value).empty()) {
    reporter.report(profile, at,
                    "the " + quoted(tag->key) + " tag of " + profile.description() +
                        " is empty; set it to the name of the person who uses the profile");
    return std::nullopt;
  }
  if (context.settings().is_generic_name(trim(tag->value))) {
    reporter.report(profile, at,
                    "the " + quoted(tag->key) + " tag of " + profile.description() + " is " + quoted(tag->value) +
                        ", which names a team, a role or nobody in particular; set it to the one person who uses "
                        "the profile");
    return std::nullopt;
  }
  return tag->value;
}

void check(const RuleContext& context, Reporter& reporter) {
  // (domain, normalised identity) → the first profile tagged with it.
  std::unordered_map<std::string, const UserProfile*> first_profile;
  for (const UserProfile& profile : context.model().profiles) {
    if (profile.domain == nullptr) {
      reporter.not_evaluable(profile, resource_location(profile),
                             "its domain is not among the inputs, so its AuthMode is not known");
      continue;
    }
    const Value auth_mode = profile.domain->root["AuthMode"];
    if (auth_mode.is_unknown()) {
      reporter.not_evaluable(profile, resource_location(profile), "its domain's AuthMode is not known");
      continue;
    }
    if (auth_mode.string() != "IAM") continue;
    const Reporter::Premise premise(reporter, auth_mode);
    const auto identity = checked_identity(context, profile, reporter);
    if (!identity) continue;
    const std::string normalised = to_lower(trim(*identity));
    const auto [it, inserted] = first_profile.emplace(profile.domain->link_key + '\n' + normalised, &profile);
    if (inserted) continue;
    const UserProfile& first = *it->second;
    const std::string& key = context.settings().identity_tag_key;
    const Tag& tag = *find_tag_ignoring_case(profile, key);
    const Tag& first_tag = *find_tag_ignoring_case(first, key);
    reporter.report(profile, tag.node["Value"],
                    "the " + quoted(tag.key) + " tag of " + profile.description() + " is " + quoted(*identity) +
                        ", as on " + first.description() + " (" + short_position(first_tag.node.location()) +
                        "); one person should have one user profile per domain");
  }
}

}  // namespace

constinit const Rule kIamProfileIdentityTag{
    .info =
        {
            .id = "SMD004",
            .name = "iam-profile-identity-tag",
            .level = Level::warning,
            .summary = "In an IAM domain, each user profile should carry an identity tag naming one person, unique in "
                       "its domain.",
            .description = "IAM domains do not bind profiles to people; the recommended guard is a 'studiouserid' "
                           "tag (identity_tag_key) on each profile that IAM policies compare with the caller's. The "
                           "tag must be present, not empty, not a team or placeholder name, and unique per domain.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToUserProfile,
            .justification = JustificationPolicy::allowed,
            .security_severity = "5.0",
            .precision = "high",
            .settings = kSettings,
        },
    .check = check,
};

}  // namespace sagelint::rules
