// SMD024 user-override-keeps-domain-hiding: a profile's own hidden lists keep the domain's entries.
#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"ui"};

constexpr std::string_view kDocumentation = R"md(## What it does
For every user profile that sets its own `StudioWebPortalSettings.HiddenAppTypes`,
`HiddenMlTools` or `HiddenInstanceTypes`, checks that the list includes every entry of the
same list in its domain's `DefaultUserSettings`. Each entry the profile's list leaves out is
reported, as a warning, on the profile's list. Lists that are not known before deployment,
and profiles whose domain is not among the inputs, are not checked; a note says so.

The rule assumes that a profile's list replaces the domain's list rather than adding to it:
AWS documents that user-level settings "take priority" over domain-level ones, which a
replacement is the plain reading of; this has not been verified on a live domain. If AWS
merges the lists instead, a finding of this rule is harmless: the profile's list then
simply repeats what the domain already hides.

A deliberate exception for one user (a person who really needs RStudio) can be justified
with a `sagelint:justify:SMD024` tag on the profile.

## Why it matters
Administrators hide apps, tools and instance types on the domain and expect every user to
get that. A profile that sets its own list for an unrelated reason (to hide one more tool)
silently shows that user everything the domain hid and the profile's list forgot, such as
Studio Classic or the largest GPU instances.

## Example
```json
{"DomainName": "ml-platform",
 "DefaultUserSettings": {"StudioWebPortalSettings": {"HiddenAppTypes": ["JupyterServer", "RStudioServerPro"]}}}
{"UserProfileName": "jdoe",
 "UserSettings": {"StudioWebPortalSettings": {"HiddenAppTypes": ["Canvas"]}}}
```

## Use instead
```json
{"UserProfileName": "jdoe",
 "UserSettings": {"StudioWebPortalSettings": {"HiddenAppTypes": ["JupyterServer", "RStudioServerPro", "Canvas"]}}}
```

## References
- [StudioWebPortalSettings](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_StudioWebPortalSettings.html)
- [Customize Studio: hide applications and tools (user)](https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-ui-customize-tools-apps-user.html)
- [Customize Studio: hide instance types and images](https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-ui-customize-instances-images.html)
)md";

constexpr std::string_view kLists[] = {"HiddenAppTypes", "HiddenMlTools", "HiddenInstanceTypes"};

void check_list(const UserProfile& profile, std::string_view member, Reporter& reporter) {
  const Value own = profile.user_settings.get({"StudioWebPortalSettings", member});
  if (own.is_absent()) return;
  if (own.is_unknown()) {
    reporter.not_evaluable(profile, own.location(), unknown_because(profile, member));
    return;
  }
  if (profile.domain == nullptr) {
    reporter.not_evaluable(profile, own.location(), "its domain, whose " + std::string(member) +
                                                        " it replaces, is not among the inputs");
    return;
  }
  const Domain& domain = *profile.domain;
  const Value inherited = domain.default_user_settings.get({"StudioWebPortalSettings", member});
  if (inherited.is_absent()) return;
  if (inherited.is_unknown()) {
    reporter.not_evaluable(profile, own.location(), unknown_because(domain, "its domain's " + std::string(member)));
    return;
  }
  const auto hidden_by_domain = inherited.strings();
  const auto hidden_by_profile = own.strings();
  if (!hidden_by_domain || !hidden_by_profile) {
    // A list of the wrong type is an input problem; otherwise an entry is not known.
    if (inherited.is_array() && own.is_array()) {
      reporter.not_evaluable(profile, own.location(),
                             "an entry of " + std::string(member) + " is not known before deployment");
    }
    return;
  }
  const std::vector<std::string_view> shown = missing_entries(*hidden_by_domain, *hidden_by_profile);
  if (shown.empty()) return;
  const Reporter::Premise premise(reporter, inherited);
  reporter.report(profile, own,
                  profile.description() + " sets its own " + std::string(member) + ", which replaces the list of " +
                      domain.description() + " (" + short_position(inherited.location()) + "), so it shows " +
                      quoted_list(shown) + " again; add " + (shown.size() == 1 ? "it" : "them") +
                      " to the profile's list");
}

void check(const RuleContext& context, Reporter& reporter) {
  for (const UserProfile& profile : context.model().profiles) {
    for (const std::string_view member : kLists) check_list(profile, member, reporter);
  }
}

}  // namespace

constinit const Rule kUserOverrideKeepsDomainHiding{
    .info =
        {
            .id = "SMD024",
            .name = "user-override-keeps-domain-hiding",
            .level = Level::warning,
            .summary = "A user profile's own hidden lists should keep every entry its domain hides.",
            .description = "A user profile's StudioWebPortalSettings take priority over its domain's, so a profile "
                           "that sets its own HiddenAppTypes, HiddenMlTools or HiddenInstanceTypes shows again what "
                           "the domain hid unless its list repeats those entries.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToUserProfile,
            .justification = JustificationPolicy::allowed,
            .security_severity = {},
            .precision = "high",
            .settings = {},
        },
    .check = check,
};

}  // namespace sagelint::rules
