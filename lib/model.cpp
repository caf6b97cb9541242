#include "sagelint/model.hpp"

#include "sagelint/text.hpp"

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
  if (!logical_id.empty()) return logical_id;
  return "(unnamed)";
}

std::string Resource::description() const {
  std::string text = std::string(to_string(kind)) + " " + quoted(display_name());
  if (!name.string() && !logical_id.empty()) text += " (" + std::string(logical_id_kind) + ")";
  return text;
}

const Tag* Resource::find_tag(std::string_view key) const {
  for (const Tag& tag : tags) {
    if (tag.key == key) return &tag;
  }
  return nullptr;
}

void read_domain_members(Domain& domain) {
  domain.name = domain.root["DomainName"];
  domain.default_user_settings = domain.root["DefaultUserSettings"];
  domain.domain_settings = domain.root["DomainSettings"];
}

void read_profile_members(UserProfile& profile) {
  profile.name = profile.root["UserProfileName"];
  profile.domain_id = profile.root["DomainId"];
  profile.sso_user_identifier = profile.root["SingleSignOnUserIdentifier"];
  profile.sso_user_value = profile.root["SingleSignOnUserValue"];
  profile.user_settings = profile.root["UserSettings"];
}

void read_space_members(Space& space) {
  space.name = space.root["SpaceName"];
  space.domain_id = space.root["DomainId"];
  space.display_name_value = space.root["SpaceDisplayName"];
  space.space_settings = space.root["SpaceSettings"];
  space.owner = space.root.get({"OwnershipSettings", "OwnerUserProfileName"});
  space.sharing_type = space.root.get({"SpaceSharingSettings", "SharingType"});
}

void read_tag_list(Resource& resource) {
  const Value tags = resource.root["Tags"];
  resource.tags_known = !tags.is_unknown();
  for (const Value& entry : tags.elements()) {
    const auto key = entry["Key"].string();
    if (!key) continue;
    Tag tag;
    tag.key = *key;
    tag.value = entry["Value"].string().value_or(std::string_view());
    tag.node = entry;
    resource.tags.push_back(std::move(tag));
  }
}

Diagnostic unknown_domain_note(const Resource& resource, const Value& domain_id, std::string_view field,
                               std::string_view scope) {
  return Diagnostic{Level::note, domain_id.location(),
                    "the domain of " + resource.description() + " is not known before deployment (its " +
                        std::string(field) + " names no domain of this " + std::string(scope) +
                        "); checks that need the domain's settings are skipped"};
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
