#include "sagelint/settings.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

namespace sagelint {
namespace {

// The catalog's generic names: team, role and placeholder names, the Quick Setup profile
// `default-<timestamp>`, and names with a -team, -shared, -group or -common part.
constexpr std::string_view kDefaultGenericNamePattern =
    R"(^(default(-\d{8}T\d{6})?|shared|common|generic|team|group|everyone|admin|test|demo|user\d*|student\d*|guest)$)"
    R"(|-(team|shared|group|common)(-|$))";

constexpr SettingInfo kSettingInfos[] = {
    {"env", "object", "see below",
     "which resources are production: `tag_keys` and `production_values` (an Environment, env or stage tag of prod, "
     "production or prd), `production_domain_names` (RE2 patterns searched in DomainName), `production_accounts` "
     "(account ids in the resources' ARNs) and `default` (prod or nonprod, like `--env`)"},
    {"generic_name_patterns", "list of RE2 patterns", "the catalog's pattern (see SMD003)",
     "profile names, space owners and identity tag values that name a team, a role or nobody in particular; searched "
     "without regard to case"},
    {"idle_max_minutes", "integer", "240", "the longest acceptable idle timeout of JupyterLab and Code Editor apps"},
    {"unused_tools", "list of strings", "`LakeraGuard`, `Comet`, `DeepchecksLLMEvaluation`, `Fiddler`",
     "HiddenMlTools values nobody uses, which should be hidden"},
    {"allowed_tools", "list of strings", "empty", "tools of `unused_tools` the organisation licenses and uses"},
    {"unused_app_types", "list of strings", "empty", "HiddenAppTypes values nobody uses, which should be hidden"},
    {"rstudio_licensed", "boolean", "inferred from RStudioServerProDomainSettings",
     "whether the organisation holds RStudio on SageMaker licences"},
    {"licensed_rstudio_users", "list of strings", "empty", "user profile names licensed to use RStudio"},
    {"approved_instance_types", "list of globs", "empty (any)", "instance types apps may default to"},
    {"denied_instance_types", "list of globs",
     "`ml.p4d.*`, `ml.p4de.*`, `ml.p5*`, `ml.p6-*`, `ml.trn1*`, `*.48xlarge`, `*.32xlarge`, `*.24xlarge`",
     "instance types HiddenInstanceTypes should hide"},
    {"required_tag_keys", "list of strings", "`CostCenter`, `Owner`, `Environment`",
     "tag keys every domain, user profile and space carries"},
    {"shared_space_tag_keys", "list of strings", "`Project`, `Owner`",
     "tag keys every shared space carries, for cost attribution"},
    {"identity_tag_key", "string", "`studiouserid`", "the tag that names the person behind a profile in an IAM domain"},
    {"ebs_max_gb", "integer", "100", "the largest acceptable EBS volume of a space, in GB"},
    {"default_vpc_ids", "list of strings", "empty",
     "the accounts' default VPCs; a public domain in one of them is a Quick Setup signal"},
    {"trusted_accounts", "list of strings", "empty",
     "accounts a VpcOnly domain with Docker access may list in VpcOnlyTrustedAccounts"},
    {"enforce_fixed_idle", "boolean", "false",
     "whether idle timeouts should be fixed (minimum = timeout = maximum) so users cannot change them"},
    {"require_justification_owner", "boolean", "false",
     "whether every justification and waiver must name who answers for it (`owner=NAME` in a tag, `owner` in a "
     "waiver); one that does not is not accepted"},
};

}  // namespace

std::optional<NamePattern> NamePattern::compile(std::string_view text, std::string* error) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  auto compiled = std::make_shared<const RE2>(re2::StringPiece(text.data(), text.size()), options);
  if (!compiled->ok()) {
    if (error) *error = "not a valid regular expression: " + compiled->error();
    return std::nullopt;
  }
  return NamePattern(std::string(text), std::move(compiled));
}

bool NamePattern::matches(std::string_view name) const {
  return RE2::PartialMatch(re2::StringPiece(name.data(), name.size()), *compiled_);
}

Settings Settings::defaults() {
  Settings settings;
  settings.generic_name_patterns.push_back(*NamePattern::compile(kDefaultGenericNamePattern, nullptr));
  return settings;
}

bool Settings::is_generic_name(std::string_view name) const {
  return std::any_of(generic_name_patterns.begin(), generic_name_patterns.end(),
                     [&](const NamePattern& pattern) { return pattern.matches(name); });
}

bool glob_matches(std::string_view pattern, std::string_view text) {
  // Greedy matching with backtracking to the last star: linear in practice, and at worst
  // pattern × text, both short.
  size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
  const auto same = [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  };
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.size() && same(pattern[p], text[t])) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool matches_any_glob(std::span<const std::string> patterns, std::string_view text) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& pattern) { return glob_matches(pattern, text); });
}

std::span<const SettingInfo> setting_infos() { return kSettingInfos; }

const SettingInfo* find_setting_info(std::string_view key) {
  for (const SettingInfo& info : kSettingInfos) {
    if (info.key == key) return &info;
  }
  return nullptr;
}

}  // namespace sagelint
