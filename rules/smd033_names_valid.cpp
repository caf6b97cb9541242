// SMD033 names-valid: names AWS accepts, and profile names that do not collide.
#include <re2/re2.h>

#include <unordered_map>

#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"correctness"};
constexpr size_t kMaxNameLength = 63;
constexpr size_t kMaxDisplayNameLength = 64;

constexpr std::string_view kDocumentation = R"md(## What it does
Checks the names AWS validates when a resource is created:
- `DomainName`, `UserProfileName` and `SpaceName` match `[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}`:
  letters, digits and hyphens, starting and ending with a letter or digit, at most 63
  characters;
- `SpaceDisplayName` is at most 64 characters and not blank;
- the user profile names of one domain differ in more than letter case: AWS treats
  profile names as case-insensitive.

## Why it matters
An invalid name fails the deployment, late, after review. Two profile names that differ
only in case name the same profile to AWS, so the second one fails to create or silently
stands for the first.

## Example
```json
{"UserProfiles": [
  {"DomainId": "d-abc", "UserProfileName": "ml_platform_user"},
  {"DomainId": "d-abc", "UserProfileName": "JDoe"},
  {"DomainId": "d-abc", "UserProfileName": "jdoe"}
]}
```

## Use instead
```json
{"UserProfiles": [
  {"DomainId": "d-abc", "UserProfileName": "ml-platform-user"},
  {"DomainId": "d-abc", "UserProfileName": "jdoe"}
]}
```

## References
- [CreateDomain: DomainName](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateDomain.html)
- [CreateUserProfile: UserProfileName](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateUserProfile.html)
- [CreateSpace: SpaceName and SpaceDisplayName](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateSpace.html)
)md";

constexpr std::string_view kNameRule =
    "; names use letters, digits and hyphens, and start and end with a letter or digit";

// Why `name` is not a valid SageMaker resource name, or empty when it is.
std::string name_problem(std::string_view name, const RE2& pattern) {
  if (name.empty()) return "is empty";
  if (name.size() > kMaxNameLength) {
    return "has " + std::to_string(code_point_count(name)) + " characters; at most 63 are allowed";
  }
  if (RE2::FullMatch(re2::StringPiece(name.data(), name.size()), pattern)) return {};
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!allowed) {
      return std::string("contains ") + (c == ' ' ? std::string("a space") : quoted(utf8_character_at(name, i))) +
             std::string(kNameRule);
    }
  }
  return (name.front() == '-' ? "starts with a hyphen" : "ends with a hyphen") + std::string(kNameRule);
}

void check_name(const Resource& resource, const RE2& pattern, Reporter& reporter) {
  if (unknown_value(resource, resource.name, "its name", reporter)) return;
  const auto name = resource.name.string();
  if (!name) return;
  const std::string problem = name_problem(*name, pattern);
  if (problem.empty()) return;
  reporter.report(resource, resource.name,
                  std::string(to_string(resource.kind)) + " name " + quoted(*name) + " " + problem);
}

void check_display_name(const Space& space, Reporter& reporter) {
  const auto display = space.display_name_value.string();
  if (!display) return;
  if (trim(*display).empty()) {
    reporter.report(space, space.display_name_value, "SpaceDisplayName of " + space.description() + " is blank");
  } else if (code_point_count(*display) > kMaxDisplayNameLength) {
    reporter.report(space, space.display_name_value,
                    "SpaceDisplayName of " + space.description() + " has " +
                        std::to_string(code_point_count(*display)) + " characters; at most 64 are allowed");
  }
}

void check_case_collisions(const Model& model, Reporter& reporter) {
  std::unordered_map<std::string, const UserProfile*> first;
  for (const UserProfile& profile : model.profiles) {
    const auto name = profile.name.string();
    if (!name || profile.domain_link.empty()) continue;
    const auto [it, inserted] = first.emplace(profile.domain_link + '\n' + to_lower(*name), &profile);
    if (inserted) continue;
    const UserProfile& other = *it->second;
    reporter.report(profile, profile.name,
                    "user profile name " + quoted(*name) + " differs only in case from " +
                        quoted(other.display_name()) + " (" + short_position(other.name.location()) +
                        "); AWS treats profile names as case-insensitive, so both name the same profile");
  }
}

void check(const RuleContext& context, Reporter& reporter) {
  const RE2 pattern(R"([a-zA-Z0-9](-*[a-zA-Z0-9]){0,62})");
  const Model& model = context.model();
  for (const Domain& domain : model.domains) check_name(domain, pattern, reporter);
  for (const UserProfile& profile : model.profiles) check_name(profile, pattern, reporter);
  for (const Space& space : model.spaces) {
    check_name(space, pattern, reporter);
    check_display_name(space, reporter);
  }
  check_case_collisions(model, reporter);
}

}  // namespace

constinit const Rule kNamesValid{
    .info =
        {
            .id = "SMD033",
            .name = "names-valid",
            .level = Level::error,
            .summary = "Domain, user profile and space names must be valid, and profile names unique regardless of case.",
            .description = "DomainName, UserProfileName and SpaceName must match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62} (at "
                           "most 63 characters), SpaceDisplayName must be 1 to 64 characters and not blank, and the "
                           "profile names of a domain must differ in more than letter case.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain | kAppliesToUserProfile | kAppliesToSpace,
            .justification = JustificationPolicy::not_accepted,
            .security_severity = {},
            .precision = "very-high",
            .settings = {},
        },
    .check = check,
};

}  // namespace sagelint::rules
