// SMD036 justification-unknown-rule: a justification or waiver that names no rule of sagelint.
#include "rules.hpp"
#include "sagelint/justification_ledger.hpp"
#include "sagelint/text.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"justifications", "maintainability"};

constexpr std::string_view kDocumentation = R"md(## What it does
Reports a justification that names no rule of sagelint's catalog, so that it can justify
nothing: a `sagelint:justify:<ID>` tag or CloudFormation `Metadata.sagelint.justify` entry
whose `<ID>` is not a rule id (ids are written exactly, `SMD007`), or a waiver whose `rule` is
not a rule id, a rule name or the start of an id (at least three characters, `SMD01`).
Where the text is a rule's name or its id in other letter case, the message says which id to
write.

A rule the run did not select (`select`, `ignore`, `--select`) is still a rule: only names
that no version of the catalog this sagelint knows defines are reported.

## Why it matters
A misspelt rule id in a justification fails silently: the finding it was written for is
still reported, and whoever reads the tag believes the exception is recorded. Rules are never
renumbered, so an id that names no rule is a typo or a justification for another tool.

## Example
```json
"Tags": [
  {"Key": "sagelint:justify:SMD070", "Value": "nightly report job runs in Classic until the port; expires=2026-09-30"}
]
```

## Use instead
```json
"Tags": [
  {"Key": "sagelint:justify:SMD007", "Value": "nightly report job runs in Classic until the port; expires=2026-09-30"}
]
```
`sagelint rules` lists every rule with its id and name.

## References
- [SARIF 2.1.0, suppressions (§3.27.23)](https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html)
)md";

// The id to write instead, when `text` is a rule's name or its id in other letter case.
const Rule* meant_rule(std::span<const Rule* const> catalog, std::string_view text) {
  for (const Rule* rule : catalog) {
    if (rule->info.name == text || equals_ignoring_case(rule->info.id, text)) return rule;
  }
  return nullptr;
}

void check(const RuleContext& context, Reporter& reporter) {
  const JustificationReview* review = context.justifications();
  if (review == nullptr) return;
  for (const JustificationEntry& entry : review->entries()) {
    if (!review->rules_named(entry).empty()) continue;
    std::string message = describe(entry) + " names no rule: " + quoted(entry.rule) + " is not ";
    message += entry.source == JustificationSource::waiver ? "a rule id, a rule name or the start of an id"
                                                           : "the id of a rule";
    if (const Rule* meant = meant_rule(review->catalog(), entry.rule)) {
      message += "; write " + quoted(meant->info.id) + " (" + std::string(meant->info.name) + ")";
    } else {
      message += ", so it justifies nothing; `sagelint rules` lists the ids";
    }
    reporter.report(entry.resource, entry.rule_at, Level::warning, std::move(message));
  }
}

}  // namespace

constinit const Rule kJustificationUnknownRule{
    .info =
        {
            .id = "SMD036",
            .name = "justification-unknown-rule",
            .level = Level::warning,
            .summary = "A justification or waiver should name a rule of sagelint's catalog.",
            .description = "A sagelint:justify tag or CloudFormation Metadata justification names a rule by its id; "
                           "a waiver by its id, its name or the start of its id. One that names no rule justifies "
                           "nothing, and the finding it was written for is still reported.",
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
