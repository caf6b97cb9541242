// SMD022 hidden-values-valid: StudioWebPortalSettings hides only values the API knows.
#include <algorithm>
#include <cctype>

#include "rules.hpp"
#include "sagelint/aws_shapes.hpp"
#include "support.hpp"

namespace sagelint::rules {
namespace {

constexpr std::string_view kTags[] = {"ui", "correctness"};

constexpr std::string_view kDocumentation = R"md(## What it does
Checks the values of `StudioWebPortalSettings` in a domain's `DefaultUserSettings` and in
each user profile's own `UserSettings` against the SageMaker API's enumerations:
- every entry of `HiddenAppTypes` is an app type (`JupyterServer`, `JupyterLab`,
  `CodeEditor`, `RStudioServerPro`, `Canvas`, …);
- every entry of `HiddenMlTools` is an ML tool (`Experiments`, `JumpStart`, `LakeraGuard`,
  `DeepchecksLLMEvaluation`, …);
- every entry of `HiddenInstanceTypes` is an app instance type (`ml.t3.medium`, …);
- `HiddenSageMakerImageVersionAliases` has at most 5 entries, each for the image
  `sagemaker_distribution`.

Each invalid value is an error. The message suggests the nearest valid value (compared
without regard to case, spaces or punctuation, then by edit distance), names the list a
value belongs in when it was put in the wrong one, and for `MLflow`, which has no value of
its own, suggests hiding `Experiments` (where new Studio shows MLflow) and restricting
MLflow in IAM. Values that are not known before deployment are not checked; a note says so.

## Why it matters
The API rejects a value it does not know, so the deployment fails, after review and
possibly halfway through a stack. The console's toggle labels ("RStudio", "Studio
Classic", "Lakera Guard") are not the API values, which makes these mistakes common.

## Example
```json
"StudioWebPortalSettings": {
  "HiddenAppTypes": ["RStudio", "StudioClassic"],
  "HiddenMlTools": ["MLflow", "Lakera Guard"]
}
```

## Use instead
```json
"StudioWebPortalSettings": {
  "HiddenAppTypes": ["RStudioServerPro", "JupyterServer"],
  "HiddenMlTools": ["Experiments", "LakeraGuard"]
}
```

## References
- [StudioWebPortalSettings](https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_StudioWebPortalSettings.html)
- [Customize Studio: hide applications and tools](https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-ui-customize-tools-apps-domain.html)
- [Customize Studio: hide instance types and images](https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-ui-customize-instances-images.html)
)md";

constexpr size_t kMaxHiddenImages = 5;

struct HiddenList {
  std::string_view member;  // StudioWebPortalSettings.<member>
  std::string_view shape;   // the enumeration its entries come from
  std::string_view what;    // how messages name an entry
};

constexpr HiddenList kLists[] = {
    {"HiddenAppTypes", "AppType", "an app type"},
    {"HiddenMlTools", "MlTools", "an ML tool"},
    {"HiddenInstanceTypes", "AppInstanceType", "an instance type"},
};

// Console labels and other names people write for values that are spelled differently.
struct Alias {
  std::string_view written;  // normalised
  std::string_view value;
};

constexpr Alias kAliases[] = {
    {"rstudio", "RStudioServerPro"},
    {"studioclassic", "JupyterServer"},
    {"classic", "JupyterServer"},
    {"jupyterclassic", "JupyterServer"},
    {"autopilot", "AutoMl"},
    {"vscode", "CodeEditor"},
};

std::span<const std::string_view> values_of(std::string_view shape_name) {
  const aws::Shape* shape = aws::find_shape(shape_name);
  if (shape == nullptr) return {};
  return aws::enum_values(*shape);
}

bool is_one_of(std::span<const std::string_view> values, std::string_view text) {
  return std::find(values.begin(), values.end(), text) != values.end();
}

// Lower case, letters and digits only: "Lakera Guard" and "lakera-guard" both read "lakeraguard".
std::string normalised(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The valid value `text` most likely means, or empty when none is close.
std::string_view nearest_value(std::span<const std::string_view> values, std::string_view text) {
  const std::string wanted = normalised(text);
  if (wanted.empty()) return {};
  for (const Alias& alias : kAliases) {
    if (alias.written == wanted && is_one_of(values, alias.value)) return alias.value;
  }
  std::string_view prefixed;
  size_t prefix_matches = 0;
  std::string_view best;
  size_t best_distance = std::max<size_t>(2, wanted.size() / 4) + 1;
  for (const std::string_view value : values) {
    const std::string candidate = normalised(value);
    if (candidate == wanted) return value;
    if (wanted.size() >= 3 && candidate.starts_with(wanted)) {
      prefixed = value;
      ++prefix_matches;
    }
    const size_t distance = edit_distance(wanted, candidate);
    if (distance < best_distance) {
      best = value;
      best_distance = distance;
    }
  }
  if (prefix_matches == 1) return prefixed;
  return best;
}

// What to tell the user about an entry of `list` that is not one of its values.
std::string advice(const HiddenList& list, std::string_view entry) {
  if (list.member == "HiddenMlTools" && normalised(entry) == "mlflow") {
    return "; MLflow has no value of its own: hide 'Experiments', where Studio shows MLflow, and restrict MLflow "
           "access in the execution role's IAM policy";
  }
  for (const HiddenList& other : kLists) {
    if (other.member == list.member) continue;
    const std::span<const std::string_view> values = values_of(other.shape);
    if (is_one_of(values, entry)) {
      return "; it is " + std::string(other.what) + ": move it to " + std::string(other.member);
    }
  }
  const std::string_view suggestion = nearest_value(values_of(list.shape), entry);
  if (!suggestion.empty()) return "; did you mean " + quoted(suggestion) + "?";
  return "; the API rejects it";
}

void check_list(const Resource& owner, const Value& settings, const HiddenList& list, Reporter& reporter) {
  const Value entries = settings[list.member];
  if (entries.is_unknown()) {
    reporter.not_evaluable(owner, entries.location(), unknown_because(owner, list.member));
    return;
  }
  const std::span<const std::string_view> values = values_of(list.shape);
  if (values.empty()) return;
  for (const Value& entry : entries.elements()) {
    if (entry.is_unknown()) {
      reporter.not_evaluable(owner, entry.location(),
                             "an entry of " + std::string(list.member) + " is not known before deployment");
      continue;
    }
    const auto text = entry.string();
    if (!text || is_one_of(values, *text)) continue;
    reporter.report(owner, entry,
                    owner.description() + " hides " + quoted(*text) + " in " + std::string(list.member) +
                        ", which is not " + std::string(list.what) + " the API accepts" + advice(list, *text));
  }
}

void check_images(const Resource& owner, const Value& settings, Reporter& reporter) {
  const Value images = settings["HiddenSageMakerImageVersionAliases"];
  if (images.is_unknown()) {
    reporter.not_evaluable(owner, images.location(), unknown_because(owner, "HiddenSageMakerImageVersionAliases"));
    return;
  }
  const std::vector<Value> entries = images.elements();
  if (entries.size() > kMaxHiddenImages) {
    reporter.report(owner, images,
                    owner.description() + " hides the versions of " + std::to_string(entries.size()) +
                        " images in HiddenSageMakerImageVersionAliases; the API accepts at most 5 entries");
  }
  const std::span<const std::string_view> names = values_of("SageMakerImageName");
  for (const Value& entry : entries) {
    const Value name = entry["SageMakerImageName"];
    if (name.is_unknown()) {
      reporter.not_evaluable(owner, name.location(), "a SageMakerImageName is not known before deployment");
      continue;
    }
    const auto text = name.string();
    if (!text || names.empty() || is_one_of(names, *text)) continue;
    reporter.report(owner, name,
                    owner.description() + " hides versions of the image " + quoted(*text) +
                        " in HiddenSageMakerImageVersionAliases; the only image whose versions can be hidden is " +
                        quoted(names.front()));
  }
}

void check_settings(const Resource& owner, const Value& user_settings, Reporter& reporter) {
  const Value settings = user_settings["StudioWebPortalSettings"];
  if (settings.is_unknown()) {
    reporter.not_evaluable(owner, settings.location(), unknown_because(owner, "StudioWebPortalSettings"));
    return;
  }
  if (!settings.is_object()) return;
  for (const HiddenList& list : kLists) check_list(owner, settings, list, reporter);
  check_images(owner, settings, reporter);
}

void check(const RuleContext& context, Reporter& reporter) {
  for (const Domain& domain : context.model().domains) check_settings(domain, domain.default_user_settings, reporter);
  for (const UserProfile& profile : context.model().profiles) {
    check_settings(profile, profile.user_settings, reporter);
  }
}

}  // namespace

constinit const Rule kHiddenValuesValid{
    .info =
        {
            .id = "SMD022",
            .name = "hidden-values-valid",
            .level = Level::error,
            .summary = "StudioWebPortalSettings should hide only app types, ML tools and instance types the API "
                       "accepts.",
            .description = "Every entry of HiddenAppTypes, HiddenMlTools and HiddenInstanceTypes must be a value of "
                           "the SageMaker API's enumeration, and HiddenSageMakerImageVersionAliases may name only "
                           "sagemaker_distribution, at most 5 times; otherwise the deployment fails. The message "
                           "suggests the value that was probably meant.",
            .documentation = kDocumentation,
            .tags = kTags,
            .applies_to = kAppliesToDomain | kAppliesToUserProfile,
            .justification = JustificationPolicy::not_accepted,
            .security_severity = {},
            .precision = "very-high",
            .settings = {},
        },
    .check = check,
};

}  // namespace sagelint::rules
