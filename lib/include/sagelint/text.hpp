// Small text helpers shared by the loaders, rules and reporters.
#pragma once

#include <string>
#include <string_view>

namespace sagelint {

// 'text', the way messages quote values.
std::string quoted(std::string_view text);
bool equals_ignoring_case(std::string_view a, std::string_view b);
// ASCII lower case; other bytes are kept.
std::string to_lower(std::string_view text);
// Without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view text);
// "1 user profile", "3 user profiles".
std::string count_of(size_t count, std::string_view singular, std::string_view plural);

}  // namespace sagelint
