#include "sagelint/effective.hpp"

namespace sagelint {

EffectiveSettings EffectiveSettings::of_domain(const Domain& domain) {
  return EffectiveSettings(domain, domain.default_user_settings, Value(), false);
}

EffectiveSettings EffectiveSettings::of_profile(const UserProfile& profile) {
  if (profile.domain == nullptr) return EffectiveSettings(profile, profile.user_settings, Value(), false);
  return EffectiveSettings(profile, profile.user_settings, profile.domain->default_user_settings, true);
}

Setting EffectiveSettings::get(std::initializer_list<std::string_view> path) const {
  const Value own = own_.get(path);
  if (!own.is_absent()) return Setting{own, owner_};
  if (is_domain()) return Setting{own, nullptr};
  if (!has_inherited_) {
    // The domain's defaults are not among the inputs: the effective value cannot be known.
    return Setting{own.as_unknown(), nullptr};
  }
  const Value inherited = inherited_.get(path);
  if (!inherited.is_absent()) return Setting{inherited, owner_->domain};
  return Setting{own, nullptr};
}

std::vector<Setting> EffectiveSettings::security_groups() const {
  std::vector<Setting> groups;
  for (const Value& group : own_["SecurityGroups"].elements()) groups.push_back(Setting{group, owner_});
  if (has_inherited_) {
    for (const Value& group : inherited_["SecurityGroups"].elements()) {
      groups.push_back(Setting{group, owner_->domain});
    }
  }
  return groups;
}

Setting EffectiveSettings::auto_mount_home_efs() const {
  const Value own = own_["AutoMountHomeEFS"];
  if (is_domain()) return Setting{own, own.is_absent() ? nullptr : owner_};
  const auto text = own.string();
  const bool defers = own.is_absent() || (text && *text == "DefaultAsDomain");
  if (!defers) return Setting{own, owner_};
  if (!has_inherited_) return Setting{own.as_unknown(), nullptr};
  const Value inherited = inherited_["AutoMountHomeEFS"];
  return Setting{inherited, inherited.is_absent() ? nullptr : owner_->domain};
}

}  // namespace sagelint
