// SMD023 hide-unused-tools: tools and apps nobody uses are hidden from the Studio UI.
#include <algorithm>

#include "rules.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"ui"};

constexpr std::string_view kSettings[] = {"unused_tools", "allowed_tools", "unused_app_types"};

constexpr std::string_view kDocumentation = R"md(## What it does
Checks that the effective `StudioWebPortalSettings` of the domain and of every user profile
hide what the organisation does not use:
- `HiddenMlTools` lists every tool of `unused_tools` (by default the partner AI apps
  `LakeraGuard`, `Comet`, `DeepchecksLLMEvaluation` and `Fiddler`) that is not in
  `allowed_tools`;
- `HiddenAppTypes` lists every app type of `unused_app_types` (empty by default; for
  example `Canvas` or `CodeEditor`).

A domain that does not hide them is reported on the domain, since every profile without
lists of its own inherits them. A profile that sets its own list replaces the domain's, so
it is reported when its list leaves one out. Each finding is a warning. Lists that are not
known before deployment are not checked; a note says so.

To keep a tool the organisation licenses, add it to `allowed_tools`; a single domain or
profile can be excused with a `sagelint:justify:SMD023` tag.

## Why it matters
Every entry in the left navigation is something users click, ask about and sometimes
start paying for. Hiding what nobody uses keeps Studio to the tools the platform supports.
Hiding is visibility only: a hidden tool can still be reached through the API or a direct
URL, so restrict access in the execution role's IAM policy where it must be enforced.

## Example
```json
"StudioWebPortalSettings": {
  "HiddenAppTypes": ["JupyterServer"],
  "HiddenMlTools": []
}
```

## Use instead
```json
"StudioWebPortalSettings": {
  "HiddenAppTypes": ["JupyterServer"],
  "HiddenMlTools": ["LakeraGuard", "Comet", "DeepchecksLLMEvaluation", "Fiddler"]
}
```

## References
- [Customize Studio: hide applications and tools (domain)](https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-ui-customize-tools-apps-domain.html)
- [Customize Studio: hide applications and tools (user)](https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-ui-customize-tools-apps-user.html)
- [StudioWebPortalSettings](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_StudioWebPortalSettings.html)
)md";

constexpr std::string_view kVisibilityOnly =
    " (hiding is visibility only; restrict access in the execution role / IAM)";

struct Expectation {
  std::string_view member;  // StudioWebPortalSettings.<member>
  std::string_view what;    // "partner tools", "apps"
  std::vector<std::string_view> wanted;
};

std::vector<Expectation> expectations(const Settings& config) {
  Expectation tools{"HiddenMlTools", "tools", {}};
  for (const std::string& tool : config.unused_tools) {
    const bool allowed = std::any_of(config.allowed_tools.begin(), config.allowed_tools.end(),
                                     [&](const std::string& kept) { return kept == tool; });
    if (!allowed) tools.wanted.push_back(tool);
  }
  Expectation apps{"HiddenAppTypes", "apps", {}};
  for (const std::string& app : config.unused_app_types) apps.wanted.push_back(app);
  return {tools, apps};
}

void check_list(const EffectiveSettings& settings, const Expectation& expected, Reporter& reporter) {
  if (expected.wanted.empty()) return;
  const Resource& owner = settings.owner();
  const Setting list = settings.get({"StudioWebPortalSettings", expected.member});
  if (!settings.is_domain() && list.origin != &owner) {
    // Inherited lists are the domain's to report, when the domain is among the inputs.
    if (list.origin == nullptr && list.value.is_unknown()) {
      reporter.not_evaluable(owner, resource_location(owner), unknown_because(settings, list, expected.member));
    }
    return;
  }
  if (list.value.is_unknown()) {
    reporter.not_evaluable(owner, list.value.location(), unknown_because(owner, expected.member));
    return;
  }
  const std::string member(expected.member);
  if (list.value.is_absent()) {
    reporter.report(&owner, missing_setting_location(settings), Level::warning,
                    owner.description() + " shows " + std::string(expected.what) + " nobody uses: add " +
                        quoted_list(expected.wanted) + " to StudioWebPortalSettings." + member +
                        std::string(kVisibilityOnly));
    return;
  }
  const auto present = list.value.strings();
  if (!present) {
    if (!list.value.is_array()) return;  // a wrong type is an input problem
    reporter.not_evaluable(owner, list.value.location(), "an entry of " + member + " is not known before deployment");
    return;
  }
  const std::vector<std::string_view> missing = missing_entries(expected.wanted, *present);
  if (missing.empty()) return;
  reporter.report(owner, list.value,
                  owner.description() + " shows " + std::string(expected.what) + " nobody uses: " + member +
                      " does not include " + quoted_list(missing) + std::string(kVisibilityOnly));
}

void check(const RuleContext& context, Reporter& reporter) {
  const std::vector<Expectation> expected = expectations(context.settings());
  for_each_settings_owner(context.model(), [&](const EffectiveSettings& settings) {
    for (const Expectation& expectation : expected) check_list(settings, expectation, reporter);
  });
}

}  // namespace

constinit const Rule kHideUnusedTools{
    .info =
        {
            .id = "SMD023",
            .name = "hide-unused-tools",
            .level = Level::warning,
            .summary = "Tools and apps nobody uses should be hidden: HiddenMlTools and HiddenAppTypes should list "
                       "them.",
            .description = "The effective HiddenMlTools of a domain and of each user profile should list the unused "
                           "tools (by default the partner AI apps Lakera Guard, Comet, Deepchecks and Fiddler) that "
                           "are not allowed, and HiddenAppTypes the unused app types. Hiding is visibility only; "
                           "restrict access in IAM.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain | kAppliesToUserProfile,
            .justification = JustificationPolicy::allowed,
            .security_severity = {},
            .precision = "high",
            .settings = kSettings,
        },
    .check = check,
};

}  // namespace sagelint::rules
