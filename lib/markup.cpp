#include "sagelint/markup.hpp"

#include <cstdio>

#include "sagelint/text.hpp"

namespace sagelint {
namespace {

// A newline is a control character here too: a name holding "\nfile:1:1: error: …" must not
// start a line of its own in the text output, where it would read as a finding.
bool is_control(char32_t c) { return (c < 0x20 && c != '\t') || c == 0x7F || (c >= 0x80 && c < 0xA0); }

// Calls `emit` with each code point of `text` (U+FFFD for bytes that start no well-formed
// sequence), how it is shown (control characters made visible), and the offset after it.
template <class Emit>
void for_each_printable(std::string_view text, Emit&& emit) {
  for (size_t at = 0; at < text.size();) {
    const size_t length = utf8_sequence_length(text, at);
    if (length == 0) {
      ++at;
      emit(char32_t{0xFFFD}, std::string_view("\xEF\xBF\xBD"), at);
      continue;
    }
    const char32_t c = decode_utf8(text, at).code_point;
    if (is_control(c)) {
      char escape[12];
      std::snprintf(escape, sizeof escape, c < 0x80 ? "\\x%02x" : "\\u%04x", static_cast<unsigned>(c));
      emit(c, std::string_view(escape), at + length);
    } else {
      emit(c, text.substr(at, length), at + length);
    }
    at += length;
  }
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for_each_printable(text, [&](char32_t, std::string_view shown, size_t) { out += shown; });
  return out;
}

std::string html_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for_each_printable(text, [&](char32_t c, std::string_view shown, size_t) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += shown;
    }
  });
  return out;
}

std::string markdown_escaped(std::string_view text) {
  // Emphasis, code, links and images (their brackets: '(' alone starts nothing), raw HTML and
  // entities, headings, tables and strikethrough.
  constexpr std::string_view kSpecial = "\\`*_[]<>!#|~&";
  std::string out;
  out.reserve(text.size());
  for_each_printable(text, [&](char32_t c, std::string_view shown, size_t next) {
    const std::string_view rest = text.substr(next);
    // GitHub links "scheme://…" and "www.…" by itself: break the pattern, not the text.
    const bool autolink = (c == ':' && rest.starts_with("//")) || (c == '.' && out.ends_with("www"));
    if (autolink || (c < 0x80 && kSpecial.find(static_cast<char>(c)) != std::string_view::npos && shown.size() == 1)) {
      out += '\\';
    }
    out += shown;
  });
  return out;
}

}  // namespace sagelint
