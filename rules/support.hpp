// What several rules need to say or decide about the model, written once.
#pragma once

#include <re2/re2.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sagelint/effective.hpp"
#include "sagelint/model.hpp"
#include "sagelint/rule.hpp"

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
// Why the resource's tags cannot be read: an export without list-tags output, or tags only
// known at deployment; for Reporter::not_evaluable.
std::string tags_unknown_because(const Resource& resource);
// Whether a tag written for the resource has a key that is not known before deployment (the
// model leaves such tags out of Resource::tags).
bool has_unknown_tag_key(const Resource& resource);

// Whether `setting` is unknown (known only at deployment). When the owner wrote it, the rule
// says once that the owner cannot be checked; an unknown value it inherits is its domain's
// to say.
bool unknown_setting(const EffectiveSettings& settings, const Setting& setting, std::string_view name,
                     Reporter& reporter);
// Whether a value of `resource`'s own is unknown; if so the rule says once that `resource`
// cannot be checked.
bool unknown_value(const Resource& resource, const Value& value, std::string_view name, Reporter& reporter);

// Why `what` (a setting's name) cannot be read: the resource is a list-* summary, or the value is
// a template expression or reference; for Reporter::not_evaluable.
std::string unknown_because(const Resource& resource, std::string_view what);
// The same for an effective setting, which may also be unknown because the profile inherits it
// from a domain that is not among the inputs.
std::string unknown_because(const EffectiveSettings& settings, const Setting& setting, std::string_view what);

// The entries of a list of strings that are not in `present`, in the order of `wanted`.
std::vector<std::string_view> missing_entries(const std::vector<std::string_view>& wanted,
                                              const std::vector<std::string_view>& present);

// "'a'", "'a' and 'b'", "'a', 'b' and 'c'"; after `limit` entries, "… and 7 more".
std::string quoted_list(std::span<const std::string_view> entries, size_t limit = 8);

// Recognises the execution roles the console and Quick Setup generate,
// `arn:aws:iam::<account>:role/service-role/AmazonSageMaker-ExecutionRole-<yyyymmdd>T<hhmmss>`, which
// carry AmazonSageMakerFullAccess (and, with Quick Setup, AmazonS3FullAccess).
class ConsoleRolePattern {
 public:
  ConsoleRolePattern();
  bool matches(const Value& role) const;  // false for unknown and non-string values

 private:
  re2::RE2 pattern_;
};

// "path:line", for messages that point at a second place.
std::string short_position(const Location& location);

}  // namespace sagelint::rules
