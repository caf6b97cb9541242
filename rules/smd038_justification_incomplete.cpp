// SMD038 justification-incomplete: a justification without a real reason, a valid expiry date
// or, where the configuration asks for one, an owner.
#include "rules.hpp"
#include "sagelint/justification_ledger.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"justifications", "maintainability"};
constexpr std::string_view kSettings[] = {"require_justification_owner"};

constexpr std::string_view kDocumentation = R"md(## What it does
Reports a justification or waiver that cannot be accepted whatever it justifies:
- its reason is shorter than 10 characters (`legacy`, `tbd`, `ok`);
- its `expires=` is not a date of the form YYYY-MM-DD (`expires=soon`, `expires=2026-02-30`);
- it names no owner although `require_justification_owner` is true: `owner=NAME` in a tag's
  value or a Metadata justification, `owner` in a Metadata list entry or a waiver.

The finding it was meant for stays open, and its message says why the justification was
not accepted; this finding points at the justification itself.

## Why it matters
An exception is only as good as the record it leaves: an auditor, or the engineer who meets
the finding a year later, needs to read why the configuration departs from the practice, who
answers for it and until when. A one-word reason records none of that, and a date that does
not parse would make an exception permanent without anyone deciding so.

## Example
```json
"Tags": [
  {"Key": "sagelint:justify:SMD007", "Value": "legacy"}
]
```

## Use instead
```json
"Tags": [
  {"Key": "sagelint:justify:SMD007", "Value": "nightly report job runs in Classic until the port owner=ml-platform expires=2026-09-30"}
]
```
SageMaker allows only letters, digits, spaces and `_ . : / = + - @` in tag values, so an
owner in a tag is a team name or an e-mail address without spaces.

## References
- [Tagging AWS resources: tag naming limits](https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html)
- [AddTags (SageMaker API)](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AddTags.html)
)md";

void check(const RuleContext& context, Reporter& reporter) {
  const JustificationReview* review = context.justifications();
  if (review == nullptr) return;
  for (const JustificationEntry& entry : review->entries()) {
    const Justification& justification = entry.justification;
    const Location* at = nullptr;
    switch (justification.flaw) {
      case JustificationFlaw::none: continue;
      case JustificationFlaw::invalid_expiry: at = &entry.expires_at; break;
      case JustificationFlaw::short_reason: at = &entry.reason_at; break;
      case JustificationFlaw::missing_owner:
        at = entry.source == JustificationSource::waiver ? &entry.at : &entry.reason_at;
        break;
    }
    reporter.report(entry.resource, *at, Level::warning, describe(entry) + " is not accepted: " + justification.problem);
  }
}

}  // namespace

constinit const Rule kJustificationIncomplete{
    .info =
        {
            .id = "SMD038",
            .name = "justification-incomplete",
            .level = Level::warning,
            .summary = "A justification or waiver needs a reason of at least 10 characters, a valid expiry date "
                       "and, where required, an owner.",
            .description = "A justification whose reason is shorter than 10 characters, whose expiry is not a "
                           "YYYY-MM-DD date, or that names no owner while require_justification_owner is set is not "
                           "accepted: the finding it was written for stays open, and the justification is reported "
                           "where it is written.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToJustifications,
            .justification = JustificationPolicy::not_accepted,
            .security_severity = {},
            .precision = "very-high",
            .settings = kSettings,
        },
    .check = check,
};

}  // namespace sagelint::rules
