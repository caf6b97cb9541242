// SMD037 justification-unused: a justification or waiver that justified no finding of this run.
#include <algorithm>

#include "rules.hpp"
#include "sagelint/justification_ledger.hpp"
#include "sagelint/rule_docs.hpp"
#include "sagelint/text.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"justifications", "maintainability"};

constexpr std::string_view kDocumentation = R"md(## What it does
Reports a justification that justified nothing in this run: a `sagelint:justify:<ID>` tag or
CloudFormation `Metadata.sagelint.justify` entry although rule `<ID>` reports nothing about
its resource, and a waiver that matches resources of the run but none of their findings, or
that names a `<file>#<logical id>` of a file the run read which defines no such resource.

It is reported only where the run shows that the justification is unused, so that linting a
part of an estate never calls the rest's justifications unused:
- the rules it names ran (`select`, `ignore` and levels `off` leave some out);
- they could judge the resource: it is not a list-* summary, its domain is among the inputs,
  and no value they needed was unknown (a note says "cannot be checked" then);
- for a waiver, the run read the resource's files: some resource of the run matches its
  `resource` pattern, or the pattern names `<file>#…` and the run read that file.

A justification written beside a resource for a rule that does not apply to that kind of
resource (a domain rule's tag on a user profile) is unused too; the message says so.

## Why it matters
A justification outlives its reason: the resource was fixed, renamed or deleted, the rule
stopped firing. Left in place it becomes a blank cheque: when the resource breaks the rule
again, the old justification silences the finding and nobody reviews the new departure.
Removing justifications as soon as they are unused keeps every exception in force a decision
someone made about the configuration as it is.

## Example
A profile that lands in Studio, with a justification for landing in Studio Classic:
```json
"UserSettings": {"DefaultLandingUri": "studio::"},
"Tags": [
  {"Key": "sagelint:justify:SMD007", "Value": "nightly report job runs in Classic until the port; expires=2026-12-31"}
]
```

## Use instead
Remove the justification:
```json
"UserSettings": {"DefaultLandingUri": "studio::"},
"Tags": []
```

## References
- [ruff: unused-noqa (RUF100)](https://docs.astral.sh/ruff/rules/unused-noqa/)
- [ESLint: reportUnusedDisableDirectives](https://eslint.org/docs/latest/use/configure/rules#report-unused-eslint-disable-comments)
)md";

bool applies_to_kind(const RuleInfo& rule, ResourceKind kind) {
  switch (kind) {
    case ResourceKind::domain: return (rule.applies_to & kAppliesToDomain) != 0;
    case ResourceKind::user_profile: return (rule.applies_to & kAppliesToUserProfile) != 0;
    case ResourceKind::space: return (rule.applies_to & kAppliesToSpace) != 0;
  }
  return false;
}

void check_written_beside(const JustificationEntry& entry, const RuleInfo& rule, const JustificationReview& review,
                          Reporter& reporter) {
  const Resource& resource = *entry.resource;
  if (!review.judged(rule, resource)) return;
  std::string message = describe(entry) + " justifies nothing: ";
  if (!applies_to_kind(rule, resource.kind) && (rule.applies_to & kAppliesToAnyInput) == 0) {
    message += std::string(rule.id) + " judges " + applies_to_text(rule.applies_to) + ", not " +
               std::string(to_string(resource.kind)) + "s";
  } else {
    message += std::string(rule.id) + " reports nothing about " + resource.description();
  }
  reporter.report(&resource, entry.rule_at, Level::warning, message + "; remove it");
}

// A waiver is unused when the run read its resources and none of their findings matched it.
void check_waiver(const JustificationEntry& entry, std::span<const Rule* const> named,
                  std::span<const std::vector<std::string>> names_of, std::span<const Resource* const> resources,
                  const RuleContext& context, const JustificationReview& review, Reporter& reporter) {
  const Waiver& waiver = *entry.waiver;
  std::vector<const Resource*> matched;
  for (size_t k = 0; k < resources.size(); ++k) {
    if (waiver_matches(waiver, names_of[k])) matched.push_back(resources[k]);
  }
  for (const Resource* resource : matched) {
    for (const Rule* rule : named) {
      if (!review.judged(rule->info, *resource)) return;
    }
  }
  std::string message = describe(entry) + " justifies nothing: ";
  if (!matched.empty()) {
    message += "it matches " + matched.front()->description();
    if (matched.size() > 1) message += " and " + count_of(matched.size() - 1, "other resource", "other resources");
    message += ", but no finding about " + std::string(matched.size() > 1 ? "them" : "it");
  } else {
    // Only a `<file>#<logical id>` pattern says which files the resource lives in.
    const size_t hash = waiver.resource.find('#');
    if (hash == std::string::npos) return;
    const std::string_view file_pattern = std::string_view(waiver.resource).substr(0, hash);
    const auto read = std::find_if(context.model().files.begin(), context.model().files.end(),
                                   [&](const auto& file) { return glob_matches(file_pattern, file->path()); });
    if (read == context.model().files.end()) return;
    message += "no resource of " + (*read)->path() + " matches it";
  }
  reporter.report(nullptr, entry.rule_at, Level::warning, message + "; remove it");
}

void check(const RuleContext& context, Reporter& reporter) {
  const JustificationReview* review = context.justifications();
  if (review == nullptr) return;
  // The resources and the names waivers match, computed once and only if a waiver is unused.
  std::vector<const Resource*> resources;
  std::vector<std::vector<std::string>> names_of;
  for (const JustificationEntry& entry : review->entries()) {
    if (entry.matched_findings > 0) continue;
    const std::vector<const Rule*> named = review->rules_named(entry);
    if (named.empty()) continue;  // justification-unknown-rule reports it
    if (entry.source != JustificationSource::waiver) {
      check_written_beside(entry, named.front()->info, *review, reporter);
      continue;
    }
    if (resources.empty()) {
      const Model& model = context.model();
      for (const Domain& domain : model.domains) resources.push_back(&domain);
      for (const UserProfile& profile : model.profiles) resources.push_back(&profile);
      for (const Space& space : model.spaces) resources.push_back(&space);
      for (const Resource* resource : resources) names_of.push_back(waiver_names(*resource));
    }
    check_waiver(entry, named, names_of, resources, context, *review, reporter);
  }
}

}  // namespace

constinit const Rule kJustificationUnused{
    .info =
        {
            .id = "SMD037",
            .name = "justification-unused",
            .level = Level::warning,
            .summary = "A justification or waiver that justifies no finding should be removed.",
            .description = "A sagelint:justify tag or CloudFormation Metadata justification whose rule reports "
                           "nothing about its resource, or a waiver that matches no finding of the resources it "
                           "names, would silently justify the next departure from the rule. Reported only when the "
                           "run read the resource and its rules could judge it.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToJustifications,
            .justification = JustificationPolicy::not_accepted,
            .security_severity = {},
            .precision = "very-high",
            .settings = {},
        },
    .check = check,
};

}  // namespace sagelint::rules
