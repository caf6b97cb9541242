#include "sagelint/rule.hpp"

#include <algorithm>

#include "sagelint/text.hpp"

namespace sagelint {
namespace {

bool equals_any_ignoring_case(const std::vector<std::string>& candidates, std::string_view text) {
  return std::any_of(candidates.begin(), candidates.end(),
                     [&](const std::string& candidate) { return equals_ignoring_case(candidate, text); });
}

// The environment a resource's own tags declare, if any.
Environment tagged_environment(const Resource& resource, const EnvironmentPolicy& policy) {
  for (const Tag& tag : resource.tags) {
    if (!equals_any_ignoring_case(policy.tag_keys, tag.key)) continue;
    return equals_any_ignoring_case(policy.production_values, tag.value) ? Environment::production
                                                                         : Environment::nonproduction;
  }
  return Environment::unspecified;
}

// The account of an ARN, "arn:partition:service:region:account:resource", or empty.
std::string_view arn_account(std::string_view arn) {
  size_t start = 0;
  for (int field = 0; field < 4; ++field) {
    const size_t colon = arn.find(':', start);
    if (colon == std::string_view::npos) return {};
    start = colon + 1;
  }
  const size_t end = arn.find(':', start);
  return end == std::string_view::npos ? std::string_view() : arn.substr(start, end - start);
}

// Where a domain's account is written: its ARN, else its default execution role's.
bool in_production_account(const Domain& domain, const EnvironmentPolicy& policy) {
  if (policy.production_accounts.empty()) return false;
  for (const Value& arn : {domain.root["DomainArn"], domain.default_user_settings["ExecutionRole"]}) {
    const auto text = arn.string();
    if (!text || !text->starts_with("arn:")) continue;
    const std::string_view account = arn_account(*text);
    return std::find(policy.production_accounts.begin(), policy.production_accounts.end(), account) !=
           policy.production_accounts.end();
  }
  return false;
}

bool has_production_name(const Domain& domain, const EnvironmentPolicy& policy) {
  const auto name = domain.name.string();
  if (!name) return false;
  return std::any_of(policy.production_domain_names.begin(), policy.production_domain_names.end(),
                     [&](const NamePattern& pattern) { return pattern.matches(*name); });
}

}  // namespace

Environment RuleContext::environment_of(const Resource& resource) const {
  return resource_environment(resource, options_.settings.env);
}

Environment resource_environment(const Resource& resource, const EnvironmentPolicy& policy) {
  Environment environment = tagged_environment(resource, policy);
  const Domain* domain = resource.domain;
  if (environment == Environment::unspecified && domain && domain != &resource) {
    environment = tagged_environment(*domain, policy);
  }
  if (environment == Environment::unspecified && domain &&
      (has_production_name(*domain, policy) || in_production_account(*domain, policy))) {
    environment = Environment::production;
  }
  if (environment == Environment::unspecified) environment = policy.fallback;
  return environment;
}

namespace {

// Where a value comes from when it is not written where it is, or empty.
std::string_view derivation_of(const Value& value) {
  return value.is_present() ? value.tree()->derivation(value.node()) : std::string_view();
}

}  // namespace

void Reporter::report(const Resource& subject, const Value& at, Level level, std::string message) {
  if (const std::string_view how = derivation_of(at); !how.empty()) {
    message += "; the value comes from " + std::string(how) + ", which a deployment may override";
  }
  report(&subject, at.location(), level, std::move(message));
}

void Reporter::report(const Resource* subject, const Location& at, Level level, std::string message) {
  for (const Value& premise : premises_) {
    if (premise.node() == at.node && premise.tree() == at.tree) continue;  // said by the overload above
    if (const std::string_view how = derivation_of(premise); !how.empty()) {
      message += "; " + premise.tree()->last_token(premise.node()) + " comes from " + std::string(how) +
                 ", which a deployment may override";
    }
  }
  Finding finding;
  finding.rule = &rule_;
  finding.level = level;
  finding.message = std::move(message);
  finding.location = at;
  finding.subject = subject;
  findings_.push_back(std::move(finding));
}

void Reporter::not_evaluable(const Resource& subject, const Location& at, std::string_view why) {
  // A profile or space whose domain is not among the inputs: the model notes that once for
  // the domain, with what it means for every rule.
  if (subject.kind != ResourceKind::domain && subject.domain == nullptr) return;
  if (subject.summary) return;  // likewise for list-* summaries
  if (!not_evaluable_.insert(&subject).second) return;
  report(&subject, at, Level::note, subject.description() + " cannot be checked: " + std::string(why));
  findings_.back().not_evaluable = true;
}

void Reporter::report_unreadable(const Location& at, std::string message) {
  report(nullptr, at, Level::error, std::move(message));
  findings_.back().unreadable_input = true;
}

bool rule_matches(const RuleInfo& rule, std::string_view entry) {
  if (rule.name == entry) return true;
  return entry.size() >= 3 && entry.size() <= rule.id.size() && equals_ignoring_case(rule.id.substr(0, entry.size()), entry);
}

}  // namespace sagelint
