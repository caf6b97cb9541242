// What several rules need to say or decide about the model, written once.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "sagelint/effective.hpp"
#include "sagelint/model.hpp"

namespace sagelint::rules {

// Where to point when a setting is missing: the settings object it belongs in when that
// exists, else the resource's name, else the resource's document.
Location missing_setting_location(const EffectiveSettings& settings);
// The resource's name, else its document: for findings about the resource as a whole.
Location resource_location(const Resource& resource);

// A known string equal to `expected`; nullopt when the value is unknown or not a string.
std::optional<bool> string_equals(const Setting& setting, std::string_view expected);

// Whether users of these settings land in Studio (DefaultLandingUri is 'studio::') and
// whether Studio Classic is hidden (HiddenAppTypes lists 'JupyterServer'); nullopt when
// that cannot be known.
std::optional<bool> lands_in_studio(const EffectiveSettings& settings);
std::optional<bool> hides_studio_classic(const EffectiveSettings& settings);
// Whether the effective StudioWebPortalSettings.HiddenAppTypes lists `app_type`; nullopt when
// the list is unknown or holds unknown entries that might name it.
std::optional<bool> hides_app_type(const EffectiveSettings& settings, std::string_view app_type);

// Whether the space is shared ('Shared'); nullopt when its SharingType is not known.
std::optional<bool> is_shared_space(const Space& space);

// Where a resource's Tags are written, else the resource's name.
Location tags_location(const Resource& resource);
// Whether a tag written for the resource has a key that is not known before deployment (the
// model leaves such tags out of Resource::tags).
bool has_unknown_tag_key(const Resource& resource);
// "'a'", "'a' and 'b'", "'a', 'b' and 'c'".
std::string quoted_list(std::span<const std::string_view> items);

// "path:line", for messages that point at a second place.
std::string short_position(const Location& location);

}  // namespace sagelint::rules
