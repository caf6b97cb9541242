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

// Removes the first `key=value` field that starts a word of `text` and returns its value
// (up to the next separator); nullopt when there is none.
std::optional<std::string> take_field(std::string& text, std::string_view key) {
  for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + 1)) {
    if (at > 0 && !is_separator(text[at - 1])) continue;
    size_t end = at + key.size();
    while (end < text.size() && !is_separator(text[end])) ++end;
    std::string value = text.substr(at + key.size(), end - at - key.size());
    const std::string_view before = trim_separators(std::string_view(text).substr(0, at));
    const std::string_view after = trim_separators(std::string_view(text).substr(end));
    text = std::string(before) + (before.empty() || after.empty() ? "" : " ") + std::string(after);
    return value;
  }
  return std::nullopt;
}

}  // namespace

std::string justification_text(const Justification& justification) {
  if (!justification.expires) return justification.reason;
  return justification.reason + " (expires " + justification.expires->to_string() + ")";
}

std::string short_reason_problem(std::string_view reason) {
  if (code_point_count(reason) >= kMinJustificationLength) return {};
  return "its reason '" + std::string(reason) + "' is shorter than " + std::to_string(kMinJustificationLength) +
         " characters";
}

Justification parse_justification(std::string_view value) {
  Justification result;
  std::string rest(value);
  if (const std::optional<std::string> date = take_field(rest, "expires=")) {
    result.expires = Date::parse(*date);
    if (!result.expires) {
      result.flaw = JustificationFlaw::invalid_expiry;
      result.problem = "its expiry '" + *date + "' is not a date of the form YYYY-MM-DD";
    }
  }
  if (std::optional<std::string> owner = take_field(rest, "owner=")) result.owner = std::move(*owner);
  result.reason = std::string(trim_separators(rest));
  if (result.flaw == JustificationFlaw::none) {
    result.problem = short_reason_problem(result.reason);
    if (!result.problem.empty()) result.flaw = JustificationFlaw::short_reason;
  }
  return result;
}

}  // namespace sagelint
