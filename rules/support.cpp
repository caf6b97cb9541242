#include "support.hpp"

#include "sagelint/text.hpp"

namespace sagelint::rules {

Location resource_location(const Resource& resource) {
  if (!resource.name.is_absent()) return resource.name.location();
  return resource.root.location();
}

Location missing_setting_location(const EffectiveSettings& settings) {
  if (!settings.own().is_absent()) return settings.own().location();
  return resource_location(settings.owner());
}

std::optional<bool> string_equals(const Setting& setting, std::string_view expected) {
  const auto text = setting.value.string();
  if (!text) return std::nullopt;
  return *text == expected;
}

std::optional<bool> lands_in_studio(const EffectiveSettings& settings) {
  return string_equals(settings.get({"DefaultLandingUri"}), "studio::");
}

std::optional<bool> hides_studio_classic(const EffectiveSettings& settings) {
  const Setting hidden = settings.get({"StudioWebPortalSettings", "HiddenAppTypes"});
  if (hidden.value.is_absent()) return false;
  if (hidden.value.contains_string("JupyterServer")) return true;
  if (!hidden.value.strings()) return std::nullopt;  // unknown entries might name it
  return false;
}

std::optional<bool> hides_app_type(const EffectiveSettings& settings, std::string_view app_type) {
  const Setting hidden = settings.get({"StudioWebPortalSettings", "HiddenAppTypes"});
  if (hidden.value.is_absent()) return false;
  if (hidden.value.contains_string(app_type)) return true;
  if (!hidden.value.strings()) return std::nullopt;
  return false;
}

std::optional<bool> is_shared_space(const Space& space) {
  const auto type = space.sharing_type.string();
  if (!type) return space.sharing_type.is_absent() ? std::optional<bool>(false) : std::nullopt;
  return *type == "Shared";
}

Location tags_location(const Resource& resource) {
  const Value tags = resource.root["Tags"];
  return tags.is_absent() ? resource_location(resource) : tags.location();
}

bool has_unknown_tag_key(const Resource& resource) {
  for (const Value& entry : resource.root["Tags"].elements()) {
    if (!entry.is_object() || entry["Key"].is_unknown()) return true;
  }
  return false;
}

std::string quoted_list(std::span<const std::string_view> items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += quoted(items[i]);
  }
  return out;
}

std::string short_position(const Location& location) {
  if (location.file == nullptr) return "?";
  return location.file->path() + ":" + std::to_string(location.file->position(location.begin).line);
}

}  // namespace sagelint::rules
