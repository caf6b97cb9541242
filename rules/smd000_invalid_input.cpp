// SMD000 invalid-input: the inputs themselves are broken.
#include "rules.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"input", "correctness"};

constexpr std::string_view kDocumentation = R"md(## What it does
Reports inputs sagelint cannot read as the document they claim to be: files that cannot be
read or are not well-formed JSON (empty files, syntax errors, invalid UTF-8, UTF-16 text,
nesting deeper than 256 levels), objects that name the same key twice, and values of the
wrong JSON type for the SageMaker API field they fill (a string where `UserSettings` must be
an object).

## Why it matters
A file that cannot be parsed is a file no rule has checked: a clean run would be a false
reassurance, so the run fails (exit code 2) whatever `--fail-on` says. A duplicate key is
ambiguous: AWS and most JSON tools silently keep only one of the two values, so what is
reviewed may not be what is deployed. A value of the wrong type would be rejected by the
API, or ignored by a tool that reads the file.

## Example
```json
{
  "DomainName": "ml-platform",
  "DefaultUserSettings": "studio::",
  "AuthMode": "SSO",
  "AuthMode": "IAM"
}
```

## Use instead
```json
{
  "DomainName": "ml-platform",
  "AuthMode": "SSO",
  "DefaultUserSettings": { "DefaultLandingUri": "studio::" }
}
```

## References
- [RFC 8259, The JSON Data Interchange Format](https://www.rfc-editor.org/rfc/rfc8259)
- [Amazon SageMaker API Reference: DescribeDomain](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeDomain.html)
)md";

void check(const RuleContext& context, Reporter& reporter) {
  const Model& model = context.model();
  for (const Diagnostic& failure : model.load_failures) {
    // A path that does not exist has no file to point into; the CLI reports it on its own.
    if (failure.location.file != nullptr) reporter.report_unreadable(failure.location, failure.message);
  }
  for (const Diagnostic& problem : model.input_problems) {
    reporter.report(nullptr, problem.location, problem.level, problem.message);
  }
}

}  // namespace

constinit const Rule kInvalidInput{
    .info =
        {
            .id = "SMD000",
            .name = "invalid-input",
            .level = Level::error,
            .summary = "An input file cannot be read, is not well-formed JSON, or has duplicate keys or values of the "
                       "wrong type.",
            .description = "Reports files that cannot be read or parsed (which fail the run, since no rule could check "
                           "them), objects with the same key twice (AWS keeps only one of the values) and values whose "
                           "JSON type does not match the SageMaker API field they fill.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToAnyInput,
            .justification = JustificationPolicy::not_accepted,
            .security_severity = {},
            .precision = "very-high",
            .settings = {},
        },
    .check = check,
};

}  // namespace sagelint::rules
