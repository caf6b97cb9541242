#include "support.hpp"

#include <algorithm>

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
  return hides_app_type(settings, "JupyterServer");
}

bool unknown_setting(const EffectiveSettings& settings, const Setting& setting, std::string_view name,
                     Reporter& reporter) {
  if (!setting.value.is_unknown()) return false;
  if (setting.origin == &settings.owner()) unknown_value(settings.owner(), setting.value, name, reporter);
  return true;
}

bool unknown_value(const Resource& resource, const Value& value, std::string_view name, Reporter& reporter) {
  if (!value.is_unknown()) return false;
  reporter.not_evaluable(resource, resource_location(resource), unknown_because(resource, name));
  return true;
}

std::string unknown_because(const Resource& resource, std::string_view what) {
  if (resource.summary) return std::string(what) + " is not in a list-* summary; export it with describe-*";
  return std::string(what) + " is not known before deployment";
}

std::string unknown_because(const EffectiveSettings& settings, const Setting& setting, std::string_view what) {
  if (!settings.is_domain() && setting.origin == nullptr) {
    return std::string(what) + " is inherited from its domain, which is not among the inputs";
  }
  return unknown_because(settings.owner(), what);
}

std::vector<std::string_view> missing_entries(const std::vector<std::string_view>& wanted,
                                              const std::vector<std::string_view>& present) {
  std::vector<std::string_view> missing;
  for (const std::string_view entry : wanted) {
    const bool listed = std::find(present.begin(), present.end(), entry) != present.end();
    const bool repeated = std::find(missing.begin(), missing.end(), entry) != missing.end();
    if (!listed && !repeated) missing.push_back(entry);
  }
  return missing;
}

std::string quoted_list(std::span<const std::string_view> entries, size_t limit) {
  std::string text;
  const size_t shown = std::min(entries.size(), limit);
  for (size_t i = 0; i < shown; ++i) {
    if (i > 0) text += (i + 1 == shown && shown == entries.size()) ? " and " : ", ";
    text += quoted(entries[i]);
  }
  if (shown < entries.size()) text += " and " + std::to_string(entries.size() - shown) + " more";
  return text;
}

std::optional<bool> hides_app_type(const EffectiveSettings& settings, std::string_view app_type) {
  const Setting hidden = settings.get({"StudioWebPortalSettings", "HiddenAppTypes"});
  if (hidden.value.is_absent()) return false;
  if (hidden.value.contains_string(app_type)) return true;
  if (!hidden.value.strings()) return std::nullopt;  // unknown entries might name it
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

std::string tags_unknown_because(const Resource& resource) {
  if (resource.logical_id.empty() && !resource.tags_known) {
    return "its tags are not in the export (describe-* output has none; add the output of list-tags as its Tags)";
  }
  return "its tags are not known before deployment";
}

bool has_unknown_tag_key(const Resource& resource) {
  for (const Value& entry : resource.root["Tags"].elements()) {
    if (!entry.is_object() || entry["Key"].is_unknown()) return true;
  }
  return false;
}

ConsoleRolePattern::ConsoleRolePattern()
    : pattern_(R"(arn:aws[a-z-]*:iam::\d{12}:role/service-role/AmazonSageMaker-ExecutionRole-\d{8}T\d{6})") {}

bool ConsoleRolePattern::matches(const Value& role) const {
  const auto text = role.string();
  return text && RE2::FullMatch(re2::StringPiece(text->data(), text->size()), pattern_);
}

std::string short_position(const Location& location) {
  if (location.file == nullptr) return "?";
  return location.file->path() + ":" + std::to_string(location.file->position(location.begin).line);
}

}  // namespace sagelint::rules
