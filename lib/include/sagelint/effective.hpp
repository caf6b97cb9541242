// Effective user settings: what a user profile really gets once its own UserSettings are laid
// over its domain's DefaultUserSettings, and where each value was written.
#pragma once

#include <initializer_list>
#include <string_view>
#include <vector>

#include "sagelint/model.hpp"
#include "sagelint/value.hpp"

namespace sagelint {

struct Setting {
  Value value;
  // The domain or profile that wrote the value; null when it is absent everywhere, or unknown
  // because a source cannot be seen (a domain that is not among the inputs).
  const Resource* origin = nullptr;
};

// The settings of one "settings owner": a domain (its DefaultUserSettings, which every profile
// without overrides gets) or a user profile (its UserSettings over its domain's defaults).
class EffectiveSettings {
 public:
  static EffectiveSettings of_domain(const Domain& domain);
  static EffectiveSettings of_profile(const UserProfile& profile);

  const Resource& owner() const { return *owner_; }
  bool is_domain() const { return owner_->kind == ResourceKind::domain; }
  const Domain* domain() const { return owner_->domain; }

  // A member path below UserSettings, resolved member by member: the profile's value where
  // it sets one, else the domain's. So a profile that sets only
  // StudioWebPortalSettings.HiddenMlTools still inherits the domain's HiddenAppTypes.
  Setting get(std::initializer_list<std::string_view> path) const;

  // SecurityGroups are the one member AWS aggregates rather than overrides.
  std::vector<Setting> security_groups() const;

  // AutoMountHomeEFS with DefaultAsDomain (the profile default) resolved to the domain's value.
  Setting auto_mount_home_efs() const;

  // The owner's own settings object (UserSettings or DefaultUserSettings); for an absent
  // member, its location is where the member belongs.
  const Value& own() const { return own_; }

 private:
  EffectiveSettings(const Resource& owner, Value own, Value inherited, bool has_inherited)
      : owner_(&owner), own_(own), inherited_(inherited), has_inherited_(has_inherited) {}

  const Resource* owner_;
  Value own_;
  Value inherited_;
  bool has_inherited_;  // a profile whose domain is among the inputs
};

// Calls `visit` with the settings of every domain, then every user profile.
template <class Visitor>
void for_each_settings_owner(const Model& model, Visitor&& visit) {
  for (const Domain& domain : model.domains) visit(EffectiveSettings::of_domain(domain));
  for (const UserProfile& profile : model.profiles) visit(EffectiveSettings::of_profile(profile));
}

}  // namespace sagelint
