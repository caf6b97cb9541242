// Justifications: a tag `sagelint:justify:<RULE-ID>` whose value gives the reason a resource
// departs from a rule, optionally with `expires=YYYY-MM-DD`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sagelint/date.hpp"

namespace sagelint {

inline constexpr std::string_view kJustifyTagPrefix = "sagelint:justify:";
inline constexpr size_t kMinJustificationLength = 10;

struct Justification {
  std::string reason;            // the value without its expiry
  std::optional<Date> expires;
  std::string problem;           // why it cannot be accepted; empty when it is well-formed
};

Justification parse_justification(std::string_view tag_value);

}  // namespace sagelint
