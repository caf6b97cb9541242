// SMD035 justification-expired: a justification or waiver whose expiry date has passed.
#include "rules.hpp"
#include "sagelint/justification_ledger.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"justifications", "maintainability"};

constexpr std::string_view kDocumentation = R"md(## What it does
Reports every justification whose `expires=` date has passed: `sagelint:justify:<ID>` tags,
CloudFormation `Metadata.sagelint.justify` entries and the configuration's `waivers`. A
justification holds through the end of its expiry day (UTC); from the next day on it is
reported, at its expiry date, whether or not the rule it names still finds something.
`--as-of YYYY-MM-DD` sets the day the dates are compared with (default: today, UTC).

## Why it matters
An expiry date is a promise: the migration lands, the exception is reviewed, or the
justification goes. Once the date has passed, the findings it justified are reported again,
but those are reported against the resource; this finding points at the justification itself,
so that the team that owns it renews it with a reason and a new date, or removes it.

## Example
```json
"Tags": [
  {"Key": "sagelint:justify:SMD007", "Value": "nightly report job runs in Classic until the port; expires=2026-01-31"}
]
```

## Use instead
Renew it, with a reason that says what changed and a new date, or bring the resource in line
with the rule and remove the justification:
```json
"Tags": [
  {"Key": "sagelint:justify:SMD007", "Value": "report job port slipped to Q3, ticket ML-88; expires=2026-09-30"}
]
```

## References
- [Tagging AWS resources](https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html)
- [SARIF 2.1.0, suppressions (§3.27.23)](https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html)
)md";

void check(const RuleContext& context, Reporter& reporter) {
  const JustificationReview* review = context.justifications();
  if (review == nullptr) return;
  for (const JustificationEntry& entry : review->entries()) {
    const std::optional<Date>& expires = entry.justification.expires;
    if (!expires || !(*expires < context.as_of())) continue;
    std::string message = describe(entry) + " expired on " + expires->to_string();
    if (!entry.justification.owner.empty()) message += " (owner: " + entry.justification.owner + ")";
    message += entry.matched_findings > 0 ? ", so what it justified is reported again" : "";
    message += "; renew it with a new date, or remove it";
    reporter.report(entry.resource, entry.expires_at, Level::warning, std::move(message));
  }
}

}  // namespace

constinit const Rule kJustificationExpired{
    .info =
        {
            .id = "SMD035",
            .name = "justification-expired",
            .level = Level::warning,
            .summary = "A justification or waiver whose expiry date has passed should be renewed or removed.",
            .description = "A sagelint:justify tag, CloudFormation Metadata justification or waiver holds through "
                           "the end of its expiry day (UTC). Once that day has passed the findings it justified are "
                           "reported again, and the justification itself is reported at its date so that its owner "
                           "renews or removes it.",
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
