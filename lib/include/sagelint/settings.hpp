// The organisation's policy that rules read: which resources are production, which names are
// generic, thresholds and allow-lists. The defaults are the catalog's; a `.sagelint.json`
// overrides them (config.hpp reads it). kSettingInfo documents every key, so the rule pages,
// the configuration reference and the config loader cannot disagree.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace sagelint {

enum class Environment : uint8_t { unspecified, production, nonproduction };

// An RE2 pattern, searched (not anchored) without regard to case: RE2 runs in linear time, so a
// pattern from a configuration file cannot make a run slow.
class NamePattern {
 public:
  // nullopt and an error message when the pattern does not compile.
  static std::optional<NamePattern> compile(std::string_view text, std::string* error);

  const std::string& text() const { return text_; }
  bool matches(std::string_view name) const;

 private:
  NamePattern(std::string text, std::shared_ptr<const re2::RE2> compiled)
      : text_(std::move(text)), compiled_(std::move(compiled)) {}

  std::string text_;
  std::shared_ptr<const re2::RE2> compiled_;  // shared: settings are copied, patterns never change
};

// How a resource's environment is decided, first match wins: its own environment tag, its
// domain's environment tag, a production domain-name pattern, a production account, `fallback`.
struct EnvironmentPolicy {
  std::vector<std::string> tag_keys{"Environment", "env", "stage"};  // compared without case
  std::vector<std::string> production_values{"prod", "production", "prd"};  // compared without case
  std::vector<NamePattern> production_domain_names;  // searched in DomainName
  std::vector<std::string> production_accounts;      // 12-digit ids, read from the resources' ARNs
  Environment fallback = Environment::unspecified;   // `default` in the config, `--env`
};

struct Settings {
  EnvironmentPolicy env;
  // A user profile (or space owner, or identity tag value) whose name matches one is generic:
  // a team, a role or nobody in particular. Default: the catalog's pattern.
  std::vector<NamePattern> generic_name_patterns;
  // The longest acceptable idle timeout of JupyterLab and Code Editor apps, in minutes.
  int idle_max_minutes = 240;
  // Partner tools (HiddenMlTools values) nobody uses, which should be hidden...
  std::vector<std::string> unused_tools{"LakeraGuard", "Comet", "DeepchecksLLMEvaluation", "Fiddler"};
  // ...except these, which the organisation licenses and uses.
  std::vector<std::string> allowed_tools;
  // App types (HiddenAppTypes values) nobody uses, which should be hidden.
  std::vector<std::string> unused_app_types;
  // Whether the organisation holds RStudio licences; unset: inferred from the domain's
  // RStudioServerProDomainSettings.
  std::optional<bool> rstudio_licensed;
  // User profile names licensed to use RStudio.
  std::vector<std::string> licensed_rstudio_users;
  // Instance types apps may default to; `*` globs; empty: any.
  std::vector<std::string> approved_instance_types;
  // Instance types HiddenInstanceTypes should hide; `*` globs.
  std::vector<std::string> denied_instance_types{"ml.p4d.*", "ml.p4de.*", "ml.p5*", "ml.p6-*",
                                                 "ml.trn1*", "*.48xlarge", "*.32xlarge", "*.24xlarge"};
  // Tag keys every domain, user profile and space carries.
  std::vector<std::string> required_tag_keys{"CostCenter", "Owner", "Environment"};
  // Tag keys every shared space carries, for cost attribution.
  std::vector<std::string> shared_space_tag_keys{"Project", "Owner"};
  // The tag that names the person behind a profile in an IAM domain.
  std::string identity_tag_key = "studiouserid";
  // The largest acceptable EBS volume of a space, in GB.
  int ebs_max_gb = 100;
  // The accounts' default VPCs: a public domain in one of them is a Quick Setup signal.
  std::vector<std::string> default_vpc_ids;
  // Accounts a VpcOnly domain with Docker access may trust (VpcOnlyTrustedAccounts).
  std::vector<std::string> trusted_accounts;
  // Whether idle timeouts should be fixed (Min = Idle = Max) so users cannot change them.
  bool enforce_fixed_idle = false;
  // Whether every justification and waiver must name its owner (owner=NAME, a waiver's `owner`).
  bool require_justification_owner = false;

  // The catalog's defaults, with the default generic-name pattern compiled.
  static Settings defaults();
  // Whether `name` matches one of generic_name_patterns.
  bool is_generic_name(std::string_view name) const;
};

// `*` matches any run of characters, everything else itself, without regard to case.
bool glob_matches(std::string_view pattern, std::string_view text);
// Whether `text` matches one of `patterns` (globs).
bool matches_any_glob(std::span<const std::string> patterns, std::string_view text);

// One configuration key, for the documentation and the loader.
struct SettingInfo {
  std::string_view key;            // "idle_max_minutes"
  std::string_view type;           // "integer", "list of strings", …
  std::string_view default_value;  // as the documentation shows it
  std::string_view description;    // one sentence
};

std::span<const SettingInfo> setting_infos();
const SettingInfo* find_setting_info(std::string_view key);

}  // namespace sagelint
