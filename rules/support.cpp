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

bool unknown_setting(const EffectiveSettings& settings, const Setting& setting, std::string_view name,
                     Reporter& reporter) {
  if (!setting.value.is_unknown()) return false;
  if (setting.origin == &settings.owner()) unknown_value(settings.owner(), setting.value, name, reporter);
  return true;
}

bool unknown_value(const Resource& resource, const Value& value, std::string_view name, Reporter& reporter) {
  if (!value.is_unknown()) return false;
  reporter.not_evaluable(resource, resource_location(resource), std::string(name) + " is only known at deployment");
  return true;
}

std::string short_position(const Location& location) {
  if (location.file == nullptr) return "?";
  return location.file->path() + ":" + std::to_string(location.file->position(location.begin).line);
}

}  // namespace sagelint::rules
