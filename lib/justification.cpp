#include "sagelint/justification.hpp"

#include "sagelint/text.hpp"

namespace sagelint {
namespace {

bool is_separator(char c) { return c == ' ' || c == '\t' || c == ';' || c == ',' || c == '(' || c == ')'; }

std::string_view trim_separators(std::string_view text) {
  while (!text.empty() && is_separator(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_separator(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace

Justification parse_justification(std::string_view value) {
  constexpr std::string_view kExpires = "expires=";
  Justification result;
  std::string reason(value);
  const size_t at = value.find(kExpires);
  if (at != std::string_view::npos) {
    size_t date_end = at + kExpires.size();
    while (date_end < value.size() && !is_separator(value[date_end])) ++date_end;
    const std::string_view date_text = value.substr(at + kExpires.size(), date_end - at - kExpires.size());
    result.expires = Date::parse(date_text);
    if (!result.expires) {
      result.problem = "its expiry '" + std::string(date_text) + "' is not a date of the form YYYY-MM-DD";
    }
    reason = std::string(trim_separators(value.substr(0, at)));
    const std::string_view rest = trim_separators(value.substr(date_end));
    if (!rest.empty()) reason += (reason.empty() ? "" : " ") + std::string(rest);
  }
  result.reason = std::string(trim_separators(reason));
  if (result.problem.empty() && code_point_count(result.reason) < kMinJustificationLength) {
    result.problem = "its reason '" + result.reason + "' is shorter than " + std::to_string(kMinJustificationLength) +
                     " characters";
  }
  return result;
}

}  // namespace sagelint
