// Small text helpers shared by the loaders, rules and reporters.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sagelint {

// 'text', the way messages quote values: control characters and invalid UTF-8 shown escaped
// (`printable`), so that every report shows a name with a line break or an escape as it is.
std::string quoted(std::string_view text);
bool equals_ignoring_case(std::string_view a, std::string_view b);
// ASCII lower case; other bytes are kept.
std::string to_lower(std::string_view text);
// Without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view text);
// How much of a UTF-8 sequence starts at text[at]: the lead byte and the continuation bytes
// that fit it, and whether they complete it. An invalid sequence is decoded to one U+FFFD per
// such prefix (the WHATWG decoder's "maximal subpart"); a byte that leads nothing is {1, false}.
struct Utf8Prefix {
  size_t length;
  bool complete;
};
Utf8Prefix utf8_prefix(std::string_view text, size_t at);
// A byte that continues a UTF-8 sequence (10xxxxxx): never where a character starts.
inline bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
// Length of the well-formed UTF-8 sequence that starts at text[at], or 0 if none does
// (a stray continuation byte, an overlong form, a surrogate, a truncated sequence).
size_t utf8_sequence_length(std::string_view text, size_t at);
// `text` with every byte that starts no well-formed sequence replaced by U+FFFD, for outputs
// that must be UTF-8 (SARIF, JSON) whatever file names and input bytes they quote.
std::string to_valid_utf8(std::string_view text);
// The code point of the well-formed sequence that starts at text[at], and its length in bytes;
// the text must have been validated (utf8_sequence_length).
struct Utf8Character {
  char32_t code_point;
  size_t length;
};
Utf8Character decode_utf8(std::string_view text, size_t at);
// Appends the UTF-8 encoding of `code_point` (a Unicode scalar value).
void append_utf8(std::string& out, char32_t code_point);
// Characters (code points; continuation bytes are not counted), as AWS counts name lengths.
size_t code_point_count(std::string_view utf8);
// The whole UTF-8 character that starts at text[at] (one byte if it is not well formed).
std::string_view utf8_character_at(std::string_view text, size_t at);

// "0x0A": how messages name a byte that is not text.
std::string byte_in_hex(char c);
// Why a file that should be UTF-8 is not, when it is UTF-16 or UTF-32 (what some shells write
// when output is redirected; Windows PowerShell 5 writes UTF-16 LE): a message naming the
// encoding and how to convert it. Without a byte-order mark the zero bytes give the encoding
// away, since JSON and HCL files start with an ASCII character.
std::optional<std::string> unsupported_encoding(std::string_view text);

// A number as a template or a message shows it: integers without a fraction ("60"), others in
// their shortest exact form ("0.5").
std::string number_as_text(double value);

// "1 user profile", "3 user profiles".
std::string count_of(size_t count, std::string_view singular, std::string_view plural);

}  // namespace sagelint
