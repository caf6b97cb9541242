#include "sagelint/text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "sagelint/markup.hpp"

namespace sagelint {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::string quoted(std::string_view text) { return '\'' + printable(text) + '\''; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

std::string to_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

Utf8Prefix utf8_prefix(std::string_view text, size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  if (lead < 0x80) return {1, true};
  size_t needed = 0;
  unsigned char lower = 0x80, upper = 0xBF;  // bounds of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    needed = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    needed = 2;
    if (lead == 0xE0) lower = 0xA0;  // overlong
    if (lead == 0xED) upper = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    needed = 3;
    if (lead == 0xF0) lower = 0x90;  // overlong
    if (lead == 0xF4) upper = 0x8F;  // above U+10FFFF
  } else {
    return {1, false};
  }
  size_t length = 1;
  while (length <= needed && at + length < text.size()) {
    const auto byte = static_cast<unsigned char>(text[at + length]);
    if (byte < lower || byte > upper) break;
    lower = 0x80;
    upper = 0xBF;
    ++length;
  }
  return {length, length == needed + 1};
}

size_t utf8_sequence_length(std::string_view text, size_t at) {
  const Utf8Prefix prefix = utf8_prefix(text, at);
  return prefix.complete ? prefix.length : 0;
}

Utf8Character decode_utf8(std::string_view text, size_t at) {
  const auto byte = [&](size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(text[at + i])); };
  const char32_t lead = byte(0);
  if (lead < 0x80) return {lead, 1};
  if (lead < 0xE0) return {((lead & 0x1F) << 6) | (byte(1) & 0x3F), 2};
  if (lead < 0xF0) return {((lead & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F), 3};
  return {((lead & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) | (byte(3) & 0x3F), 4};
}

void append_utf8(std::string& out, char32_t code_point) {
  const auto unit = [](char32_t bits) { return static_cast<char>(bits); };
  if (code_point < 0x80) {
    out += unit(code_point);
  } else if (code_point < 0x800) {
    out += unit(0xC0 | (code_point >> 6));
    out += unit(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += unit(0xE0 | (code_point >> 12));
    out += unit(0x80 | ((code_point >> 6) & 0x3F));
    out += unit(0x80 | (code_point & 0x3F));
  } else {
    out += unit(0xF0 | (code_point >> 18));
    out += unit(0x80 | ((code_point >> 12) & 0x3F));
    out += unit(0x80 | ((code_point >> 6) & 0x3F));
    out += unit(0x80 | (code_point & 0x3F));
  }
}

size_t code_point_count(std::string_view utf8) {
  size_t count = 0;
  for (char c : utf8) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

std::string to_valid_utf8(std::string_view text) {
  std::string valid;
  valid.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t length = utf8_sequence_length(text, i);
    if (length == 0) {
      valid += "\xEF\xBF\xBD";
      ++i;
    } else {
      valid.append(text.substr(i, length));
      i += length;
    }
  }
  return valid;
}

std::string_view utf8_character_at(std::string_view text, size_t at) {
  return text.substr(at, std::max<size_t>(1, utf8_sequence_length(text, at)));
}

std::string byte_in_hex(char c) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
  return buffer;
}

std::optional<std::string> unsupported_encoding(std::string_view text) {
  using namespace std::string_view_literals;
  const auto zero = [&](size_t i) { return text[i] == '\0'; };
  const bool utf32 = text.starts_with("\xFF\xFE\0\0"sv) || text.starts_with("\0\0\xFE\xFF"sv) ||
                     (text.size() >= 4 && text.size() % 4 == 0 &&
                      ((zero(0) && zero(1) && zero(2) && !zero(3)) || (!zero(0) && zero(1) && zero(2) && zero(3))));
  if (utf32) {
    return "the file is UTF-32 encoded; sagelint reads UTF-8 (convert it, e.g. with iconv -f UTF-32 -t UTF-8)";
  }
  const bool utf16 = text.starts_with("\xFF\xFE"sv) || text.starts_with("\xFE\xFF"sv) ||
                     (text.size() >= 2 && text.size() % 2 == 0 && zero(0) != zero(1));
  if (utf16) {
    return "the file is UTF-16 encoded; sagelint reads UTF-8 (convert it, e.g. with iconv -f UTF-16 -t UTF-8)";
  }
  return std::nullopt;
}

std::string number_as_text(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<long long>(value));
  }
  char buffer[32];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return error == std::errc() ? std::string(buffer, end) : std::string();
}

std::string count_of(size_t count, std::string_view singular, std::string_view plural) {
  return std::to_string(count) + " " + std::string(count == 1 ? singular : plural);
}

}  // namespace sagelint
