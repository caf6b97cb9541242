// SMD034 tags-valid-and-required: tags AWS accepts, and the keys the organisation requires.
#include <re2/re2.h>

#include <unordered_set>

#include "rules.hpp"
#include "sagelint/text.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"tags", "cost", "governance"};

constexpr std::string_view kSettings[] = {"required_tag_keys"};

constexpr std::string_view kDocumentation = R"md(## What it does
Checks the tags of every domain, user profile and space.

- Errors, for tags SageMaker rejects: more than 50 tags; a key that is empty or longer than
  128 characters, or a value longer than 256; a key or value with a character other than
  letters, digits, spaces and `_ . : / = + - @`; a key given twice; a key starting with
  `aws:`, which AWS reserves.
- Warning: a key of `required_tag_keys` (`CostCenter`, `Owner` and `Environment` by default)
  is missing. Keys are compared with case, as AWS compares them.
- Notes: a domain whose `TagPropagation` is not `ENABLED`; and a CloudFormation user profile
  that sets `Tags`, which CloudFormation cannot change without replacing the profile.

describe-* output carries no tags: without list-tags output beside it (a bundle's `Tags`), an
exported resource cannot be checked and the rule says so once per resource, as it does for
tags not known before deployment.

## Why it matters
Tags are how costs are attributed and how IAM conditions tell resources apart; a domain's and
a profile's tags are also added to the apps they launch. A tag outside AWS's limits makes the
deployment fail. With `TagPropagation` enabled, Studio also adds the custom tags to the
resources users create from it (training jobs, endpoints, …), so their cost is attributed too.
`Tags` is a create-only property of `AWS::SageMaker::UserProfile`: changing a tag in the
template deletes the profile and creates a new one. This rule takes no justification: tags
AWS rejects cannot be deployed, and the required keys are a setting of their own.

## Example
```json
"Tags": [{"Key": "aws:owner", "Value": "ml-platform"}]
```

## Use instead
```json
"Tags": [
  {"Key": "CostCenter", "Value": "4711"},
  {"Key": "Owner", "Value": "ml-platform"},
  {"Key": "Environment", "Value": "prod"}
]
```

## References
- [Tag](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_Tag.html)
- [AWS Config rule sagemaker-domain-tagged](https://docs.aws.amazon.com/config/latest/developerguide/sagemaker-domain-tagged.html)
- [AWS::SageMaker::UserProfile](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sagemaker-userprofile.html)
- [SageMaker Studio administration best practices: permissions management](https://docs.aws.amazon.com/whitepapers/latest/sagemaker-studio-admin-best-practices/permissions-management.html)
)md";

constexpr size_t kMaxTags = 50;
constexpr size_t kMaxKeyLength = 128;
constexpr size_t kMaxValueLength = 256;

// The first character of `text` outside the tag alphabet, or empty when there is none.
std::string_view bad_character(std::string_view text, const RE2& alphabet) {
  re2::StringPiece rest(text.data(), text.size());
  RE2::Consume(&rest, alphabet);
  if (rest.empty()) return {};
  const size_t at = static_cast<size_t>(rest.data() - text.data());
  return utf8_character_at(text, at);
}

std::string describe_character(std::string_view character) {
  if (character.size() == 1 && static_cast<unsigned char>(character[0]) < 0x20) return byte_in_hex(character[0]);
  return quoted(character);
}

// Why a key or value is not one AWS accepts, or empty.
std::string text_problem(std::string_view text, size_t max_length, bool key, const RE2& alphabet) {
  const size_t length = code_point_count(text);
  if (key && length == 0) return "is empty";
  if (length > max_length) {
    return "has " + std::to_string(length) + " characters; at most " + std::to_string(max_length) + " are allowed";
  }
  const std::string_view bad = bad_character(text, alphabet);
  if (!bad.empty()) {
    return "contains " + describe_character(bad) +
           "; tags allow letters, digits, spaces and the characters _ . : / = + - @";
  }
  if (key && text.size() >= 4 && equals_ignoring_case(text.substr(0, 4), "aws:")) {
    return "starts with 'aws:', which AWS reserves for its own tags";
  }
  return {};
}

Value member_or_self(const Value& entry, std::string_view member) {
  const Value value = entry[member];
  return value.is_present() ? value : entry;
}

void check_limits(const Resource& resource, const RE2& alphabet, Reporter& reporter) {
  const Value tags = resource.root["Tags"];
  const size_t count = tags.is_array() ? tags.elements().size() : resource.tags.size();
  if (count > kMaxTags) {
    reporter.report(&resource, tags_location(resource), Level::error,
                    resource.description() + " has " + std::to_string(count) + " tags; AWS allows at most 50");
  }
  std::unordered_set<std::string_view> seen;
  for (const Tag& tag : resource.tags) {
    const Value key = member_or_self(tag.node, "Key");
    if (const std::string problem = text_problem(tag.key, kMaxKeyLength, true, alphabet); !problem.empty()) {
      reporter.report(resource, key, Level::error,
                      "tag key " + quoted(tag.key) + " of " + resource.description() + " " + problem);
    } else if (!seen.insert(tag.key).second) {
      reporter.report(resource, key, Level::error,
                      "tag key " + quoted(tag.key) + " appears twice on " + resource.description() +
                          "; tag keys must be unique per resource");
    }
    if (const std::string problem = text_problem(tag.value, kMaxValueLength, false, alphabet); !problem.empty()) {
      reporter.report(resource, member_or_self(tag.node, "Value"), Level::error,
                      "the value of tag " + quoted(tag.key) + " of " + resource.description() + " " + problem);
    }
  }
}

bool from_template(const Resource& resource) {
  return !resource.logical_id.empty() && resource.logical_id_kind == "logical ID";
}

void check_required(const Resource& resource, const std::vector<std::string>& required, Reporter& reporter) {
  if (has_unknown_tag_key(resource)) {
    reporter.not_evaluable(resource, tags_location(resource), "some of its tag keys are not known before deployment");
    return;
  }
  std::vector<std::string_view> missing;
  for (const std::string& key : required) {
    if (resource.find_tag(key) == nullptr) missing.push_back(key);
  }
  if (missing.empty()) return;
  std::string message = resource.description() + " lacks the required tag" + (missing.size() > 1 ? "s " : " ") +
                        quoted_list(missing) + " (required_tag_keys)";
  if (resource.kind == ResourceKind::user_profile && from_template(resource) &&
      resource.root["Tags"].elements().empty()) {  // else the create-only note says so
    message += "; tags of a CloudFormation user profile are create-only, so adding them replaces the profile";
  }
  reporter.report(&resource, tags_location(resource), Level::warning, std::move(message));
}

void check_notes(const Resource& resource, Reporter& reporter) {
  if (resource.kind == ResourceKind::domain) {
    const Value propagation = resource.root["TagPropagation"];
    const auto state = propagation.string();
    if (!propagation.is_unknown() && !(state && *state == "ENABLED") && (state || propagation.is_absent())) {
      const Location at = propagation.is_present() ? propagation.location() : resource_location(resource);
      reporter.report(&resource, at, Level::note,
                      resource.description() + " does not propagate its custom tags to the resources created in "
                                               "Studio (TagPropagation is " +
                          (state ? quoted(*state) : std::string("not set")) + "); set it to 'ENABLED'");
    }
  }
  const Value tags = resource.root["Tags"];
  if (resource.kind == ResourceKind::user_profile && from_template(resource) && tags.is_present() &&
      !tags.elements().empty()) {
    reporter.report(resource, tags, Level::note,
                    "Tags of CloudFormation " + resource.description() +
                        " are create-only: changing them replaces the user profile, with its private spaces");
  }
}

void check_resource(const Resource& resource, const std::vector<std::string>& required, const RE2& alphabet,
                    Reporter& reporter) {
  if (!resource.tags_known) {
    reporter.not_evaluable(resource, tags_location(resource),
                           tags_unknown_because(resource));
  } else {
    check_limits(resource, alphabet, reporter);
    check_required(resource, required, reporter);
  }
  check_notes(resource, reporter);
}

void check(const RuleContext& context, Reporter& reporter) {
  const RE2 alphabet(R"([\p{L}\p{Z}\p{N}_.:/=+\-@]*)");
  const std::vector<std::string>& required = context.settings().required_tag_keys;
  const Model& model = context.model();
  for (const Domain& domain : model.domains) check_resource(domain, required, alphabet, reporter);
  for (const UserProfile& profile : model.profiles) check_resource(profile, required, alphabet, reporter);
  for (const Space& space : model.spaces) check_resource(space, required, alphabet, reporter);
}

}  // namespace

constinit const Rule kTagsValidAndRequired{
    .info =
        {
            .id = "SMD034",
            .name = "tags-valid-and-required",
            .level = Level::warning,
            .summary = "Tags must be valid for AWS, and domains, profiles and spaces should carry the required keys.",
            .description = "Tags must respect AWS's limits (at most 50, keys of 1 to 128 and values of at most 256 "
                           "allowed characters, unique keys, no 'aws:' prefix); the keys in required_tag_keys should "
                           "be present. Domains should enable TagPropagation.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain | kAppliesToUserProfile | kAppliesToSpace,
            .justification = JustificationPolicy::not_accepted,
            .security_severity = {},
            .precision = "very-high",
            .settings = kSettings,
        },
    .check = check,
};

}  // namespace sagelint::rules
