#include "sagelint/model.hpp"

#include <unordered_map>

namespace sagelint {

std::string_view to_string(ResourceKind kind) {
  switch (kind) {
    case ResourceKind::domain: return "domain";
    case ResourceKind::user_profile: return "user profile";
    case ResourceKind::space: return "space";
  }
  return "resource";
}

std::string_view Resource::display_name() const {
  if (auto text = name.string()) return *text;
  return "(unnamed)";
}

const Tag* Resource::find_tag(std::string_view key) const {
  for (const Tag& tag : tags) {
    if (tag.key == key) return &tag;
  }
  return nullptr;
}

void Model::link() {
  std::unordered_map<std::string_view, Domain*> by_key;
  for (Domain& domain : domains) {
    domain.domain = &domain;
    domain.profiles.clear();
    domain.spaces.clear();
    if (!domain.link_key.empty()) by_key.emplace(domain.link_key, &domain);
  }
  for (UserProfile& profile : profiles) {
    const auto it = by_key.find(profile.domain_link);
    profile.domain = it == by_key.end() ? nullptr : it->second;
    if (profile.domain) it->second->profiles.push_back(&profile);
  }
  for (Space& space : spaces) {
    const auto it = by_key.find(space.domain_link);
    space.domain = it == by_key.end() ? nullptr : it->second;
    if (space.domain) it->second->spaces.push_back(&space);
  }
}

}  // namespace sagelint
