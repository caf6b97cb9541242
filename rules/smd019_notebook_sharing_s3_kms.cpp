// SMD019 notebook-sharing-s3-kms: shared notebook output goes to a valid S3 location, encrypted with a KMS key.
#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"studio-classic", "encryption", "security"};

constexpr std::string_view kDocumentation = R"md(## What it does
Where the effective `SharingSettings.NotebookOutputOption` of the domain or of a user profile
is `Allowed` (Studio Classic notebook sharing), checks that:
- `S3OutputPath` is set and looks like an S3 location (`s3://bucket/…` or `https://…`):
  an error when it is missing or malformed;
- `S3KmsKeyId` is set, so that shared cell output is encrypted with your key: a warning
  when it is missing.

The members are resolved one by one, so a profile that allows sharing inherits its domain's
`S3OutputPath` and `S3KmsKeyId`; this reads a profile's partial `SharingSettings` in the way
that gives the fewest findings. A finding goes to the domain or profile that wrote one of
the three members. Where Studio Classic is hidden (`HiddenAppTypes` lists `JupyterServer`),
`SharingSettings` has no effect and this rule says nothing: SMD009 already reports the
setting as dead configuration. A `NotebookOutputOption` that is not known before deployment
is not checked, and a note says so; an `S3OutputPath` or `S3KmsKeyId` that is not known is
taken as set.

## Why it matters
Notebook sharing copies notebooks and their cell output, which can hold data samples and
credentials, to the S3 location. Without a location, sharing cannot work and the API
rejects or ignores the setting; without a KMS key the copies are encrypted only with the
bucket's default, outside the key policy that guards the rest of the domain.

## Example
```json
"SharingSettings": {"NotebookOutputOption": "Allowed"}
```

## Use instead
```json
"SharingSettings": {
  "NotebookOutputOption": "Allowed",
  "S3OutputPath": "s3://ml-platform-prod-notebook-sharing/",
  "S3KmsKeyId": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
```
or `"NotebookOutputOption": "Disabled"` (the default), and hide Studio Classic.

## References
- [SharingSettings](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_SharingSettings.html)
- [UserSettings](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UserSettings.html)
)md";

// "s3://bucket…" or "https://host…": what the API's S3Uri pattern `(https|s3)://([^/]+)/?(.*)` accepts.
bool is_s3_location(std::string_view path) {
  for (std::string_view scheme : {"s3://", "https://"}) {
    if (path.starts_with(scheme)) return path.size() > scheme.size() && path[scheme.size()] != '/';
  }
  return false;
}

void check(const RuleContext& context, Reporter& reporter) {
  for_each_settings_owner(context.model(), [&](const EffectiveSettings& settings) {
    const Resource& owner = settings.owner();
    const Setting option = settings.get({"SharingSettings", "NotebookOutputOption"});
    const Setting path = settings.get({"SharingSettings", "S3OutputPath"});
    const Setting key = settings.get({"SharingSettings", "S3KmsKeyId"});
    // Inherited settings are the domain's to report, when the domain is among the inputs.
    const bool writes = option.origin == &owner || path.origin == &owner || key.origin == &owner;
    const bool domain_missing = !settings.is_domain() && option.origin == nullptr && option.value.is_unknown();
    if (!writes && !domain_missing) return;
    if (option.value.is_unknown()) {
      reporter.not_evaluable(owner, option.value.location(), unknown_because(settings, option, "NotebookOutputOption"));
      return;
    }
    if (string_equals(option, "Allowed") != true) return;
    const std::optional<bool> classic_hidden = hides_studio_classic(settings);
    if (classic_hidden == true) return;  // dead configuration, which SMD009 reports
    if (!classic_hidden) {
      reporter.not_evaluable(owner, option.value.location(), "whether Studio Classic is hidden is not known");
      return;
    }
    const Reporter::Premise premise(reporter, option.value);
    // Point at what the owner wrote: its NotebookOutputOption, else its SharingSettings.
    const Value own_sharing = settings.own()["SharingSettings"];
    const Location sharing = option.origin == &owner || !own_sharing.is_present() ? option.value.location()
                                                                                  : own_sharing.location();
    // An unknown path or key is written, which is what matters most; its form cannot be checked.
    if (path.value.is_absent()) {
      reporter.report(&owner, sharing, Level::error,
                      owner.description() +
                          " allows notebook sharing (NotebookOutputOption is 'Allowed') without an S3OutputPath; set "
                          "SharingSettings.S3OutputPath to an s3:// location");
    } else if (const auto text = path.value.string();
               text && !is_s3_location(*text)) {
      reporter.report(owner, path.value, Level::error,
                      owner.description() + " shares notebooks to " + quoted(*text) +
                          " (SharingSettings.S3OutputPath), which is not an S3 location; expected "
                          "'s3://bucket/prefix'");
    }
    if (key.value.is_absent()) {
      reporter.report(&owner, sharing, Level::warning,
                      owner.description() +
                          " allows notebook sharing without an S3KmsKeyId, so shared cell output is not encrypted "
                          "with your KMS key; set SharingSettings.S3KmsKeyId");
    }
  });
}

}  // namespace

constinit const Rule kNotebookSharingS3Kms{
    .info =
        {
            .id = "SMD019",
            .name = "notebook-sharing-s3-kms",
            .level = Level::warning,
            .summary = "Notebook sharing should write to a valid S3 location, encrypted with a KMS key.",
            .description = "Where SharingSettings.NotebookOutputOption is 'Allowed' and Studio Classic is not hidden, "
                           "S3OutputPath must be an S3 location (an error when missing or malformed) and S3KmsKeyId "
                           "should name the KMS key for shared cell output (a warning when missing).",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain | kAppliesToUserProfile,
            .justification = JustificationPolicy::not_accepted,
            .security_severity = "4.0",
            .precision = "very-high",
            .settings = {},
        },
    .check = check,
};

}  // namespace sagelint::rules
