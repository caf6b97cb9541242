#include "sagelint/rule.hpp"

#include "sagelint/text.hpp"

namespace sagelint {
namespace {

// The environment a resource's own tags declare, if any.
Environment tagged_environment(const Resource& resource) {
  for (const Tag& tag : resource.tags) {
    if (!equals_ignoring_case(tag.key, "Environment") && !equals_ignoring_case(tag.key, "env") &&
        !equals_ignoring_case(tag.key, "stage")) {
      continue;
    }
    for (std::string_view prod : {"prod", "production", "prd"}) {
      if (equals_ignoring_case(tag.value, prod)) return Environment::production;
    }
    return Environment::nonproduction;
  }
  return Environment::unspecified;
}

}  // namespace

std::string_view RuleContext::option(std::string_view name) const {
  std::string key;
  key.reserve(rule_.id.size() + 1 + name.size());
  key.append(rule_.id).append(".").append(name);
  if (const auto it = options_.rule_options.find(key); it != options_.rule_options.end()) return it->second;
  for (const RuleOption& option : rule_.options) {
    if (option.name == name) return option.default_value;
  }
  return {};
}

bool RuleContext::is_production(const Resource& resource) const {
  Environment environment = tagged_environment(resource);
  if (environment == Environment::unspecified && resource.domain && resource.domain != &resource) {
    environment = tagged_environment(*resource.domain);
  }
  if (environment == Environment::unspecified) environment = options_.environment;
  return environment == Environment::production;
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

void Reporter::report_unreadable(const Location& at, std::string message) {
  report(nullptr, at, Level::error, std::move(message));
  findings_.back().unreadable_input = true;
}

}  // namespace sagelint
