// Justifications: a tag `sagelint:justify:<RULE-ID>` whose value gives the reason a resource
// departs from a rule, optionally with `owner=NAME` and `expires=YYYY-MM-DD`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sagelint/date.hpp"

namespace sagelint {

inline constexpr std::string_view kJustifyTagPrefix = "sagelint:justify:";
inline constexpr size_t kMinJustificationLength = 10;

// What makes a justification unacceptable, whatever it justifies.
enum class JustificationFlaw : uint8_t { none, invalid_expiry, short_reason, missing_owner };

struct Justification {
  std::string reason;            // the value without its owner and expiry
  std::string owner;             // who answers for it; empty when it names nobody
  std::optional<Date> expires;   // valid through the end of this day, UTC
  JustificationFlaw flaw = JustificationFlaw::none;
  std::string problem;           // the flaw as messages say it; empty when there is none
};

// "reason owner=NAME expires=YYYY-MM-DD", the fields in any order and separated from the
// reason by spaces, ';' or ','. A reason shorter than kMinJustificationLength characters and
// an expiry that is not a date are problems.
Justification parse_justification(std::string_view tag_value);

// "reason (expires YYYY-MM-DD)", as reports show an accepted justification.
std::string justification_text(const Justification& justification);

// The problem of a reason shorter than kMinJustificationLength characters; empty when it is long enough.
std::string short_reason_problem(std::string_view reason);

}  // namespace sagelint
