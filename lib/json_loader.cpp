#include "sagelint/json_loader.hpp"

#include "sagelint/text.hpp"

#include <rapidjson/reader.h>

#include <cstdio>
#include <cstring>
#include <string>

namespace sagelint {
namespace {

bool is_json_whitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A read-only stream over the file text. RapidJSON's own string streams enable a copy
// optimisation under which Tell() is stale inside handler callbacks; this stream has no
// StreamTraits specialisation, so the reader advances it directly and Tell() is exact. (With
// the optimisation the reader ran more instructions, not fewer: measured on bench/ data.)
// It needs no bounds check: the text is followed by NUL padding (SourceFile::kPadding), the
// reader stops at a NUL, and its UTF-8 validation reads at most three bytes past a lead byte.
class OffsetStream {
 public:
  using Ch = char;
  OffsetStream(const char* text, size_t start) : text_(text), at_(text + start) {}
  Ch Peek() const { return *at_; }
  Ch Take() { return *at_++; }
  size_t Tell() const { return static_cast<size_t>(at_ - text_); }
  // Never called by a reader; required by the stream concept.
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  size_t PutEnd(Ch*) { return 0; }

 private:
  const char* text_;
  const char* at_;
};

static_assert(SourceFile::kPadding >= 4, "the stream reads up to three bytes past the text");

// What is wrong with the input, and where.
struct Fault {
  size_t offset = 0;
  std::string message;
};

unsigned hex4(std::string_view digits) {
  unsigned value = 0;
  for (char c : digits.substr(0, 4)) {
    value <<= 4;
    if (c >= '0' && c <= '9') value |= static_cast<unsigned>(c - '0');
    else if (c >= 'a' && c <= 'f') value |= static_cast<unsigned>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') value |= static_cast<unsigned>(c - 'A' + 10);
  }
  return value;
}

// RapidJSON rejects a \u escape of a high surrogate that is not followed by a low one, but
// decodes a lone low surrogate (\udc00) into bytes that are not UTF-8. Those bytes (ED A0..BF)
// cannot come from the input itself, which the reader validates, so finding them is enough.
bool has_decoded_lone_surrogate(std::string_view decoded) {
  for (size_t at = decoded.find('\xED'); at != std::string_view::npos; at = decoded.find('\xED', at + 1)) {
    if (at + 1 < decoded.size() && static_cast<unsigned char>(decoded[at + 1]) >= 0xA0) return true;
  }
  return false;
}

// Offset within the raw string token of the \u escape of a low surrogate that no high
// surrogate precedes.
size_t lone_low_surrogate_escape(std::string_view raw) {
  for (size_t i = 0; i + 5 < raw.size(); ++i) {
    if (raw[i] != '\\') continue;
    if (raw[i + 1] != 'u') {
      ++i;  // skip the escaped character, which may itself be a backslash
      continue;
    }
    const unsigned unit = hex4(raw.substr(i + 2));
    if (unit >= 0xDC00 && unit <= 0xDFFF) return i;
    // A high surrogate comes with its low half (the reader checked): skip both escapes.
    i += (unit >= 0xD800 && unit <= 0xDBFF) ? 11 : 5;
  }
  return 0;
}

class Handler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Handler> {
 public:
  Handler(std::string_view text, const OffsetStream& stream, size_t start, TreeBuilder& builder, const Limits& limits)
      : text_(text), stream_(stream), previous_end_(start), builder_(builder), limits_(limits) {}

  bool Null() {
    const uint32_t begin = token_begin();
    builder_.scalar(NodeKind::null, begin, token_end());
    return true;
  }
  bool Bool(bool b) {
    const uint32_t begin = token_begin();
    builder_.boolean(b, begin, token_end());
    return true;
  }
  bool Int(int i) { return integer(static_cast<double>(i)); }
  bool Uint(unsigned u) { return integer(static_cast<double>(u)); }
  bool Int64(int64_t i) { return integer(static_cast<double>(i)); }
  bool Uint64(uint64_t u) { return integer(static_cast<double>(u)); }
  bool Double(double d) {
    const uint32_t begin = token_begin();
    const uint32_t end = token_end();
    // Integers too large for 64 bits arrive here too; what the user wrote decides.
    const bool written_as_integer = text_.substr(begin, end - begin).find_first_of(".eE") == std::string_view::npos;
    builder_.number(d, written_as_integer, begin, end);
    return true;
  }
  bool String(const char* s, rapidjson::SizeType length, bool) {
    const uint32_t begin = string_begin();
    const uint32_t end = token_end();
    const std::string_view decoded(s, length);
    if (decoded.size() > limits_.max_string_length) return reject_long_string(begin, false);
    if (has_escapes(begin, end, decoded) && has_decoded_lone_surrogate(decoded)) return reject_lone_surrogate(begin, end);
    builder_.string(in_source(decoded, begin, end), begin, end);
    return true;
  }
  bool Key(const char* s, rapidjson::SizeType length, bool) {
    const uint32_t begin = string_begin();
    const uint32_t end = token_end();
    const std::string_view decoded(s, length);
    if (decoded.size() > limits_.max_string_length) return reject_long_string(begin, true);
    if (has_escapes(begin, end, decoded) && has_decoded_lone_surrogate(decoded)) return reject_lone_surrogate(begin, end);
    builder_.key(in_source(decoded, begin, end), begin, end);
    return true;
  }
  bool StartObject() { return open(NodeKind::object); }
  bool StartArray() { return open(NodeKind::array); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool EndArray(rapidjson::SizeType) { return close(); }

  // Why the handler stopped the reader, when it did.
  const std::optional<Fault>& rejection() const { return rejection_; }

  // A token starts at the first byte after the previous event that is not whitespace or a
  // separator. This does not depend on when the reader reports brackets, which differs
  // between its iterative and recursive modes.
  uint32_t token_begin() const {
    size_t at = previous_end_;
    while (at < text_.size() && (is_json_whitespace(text_[at]) || text_[at] == ',' || text_[at] == ':')) ++at;
    return static_cast<uint32_t>(at);
  }

 private:
  // The opening quote of a string or key: only whitespace and separators come between the
  // previous event and it, so it is the first quote, which memchr finds fast.
  uint32_t string_begin() const {
    const void* quote = std::memchr(text_.data() + previous_end_, '"', text_.size() - previous_end_);
    return static_cast<uint32_t>(static_cast<const char*>(quote) - text_.data());
  }
  // A string token longer than its quotes and decoded text holds escapes (every escape is
  // longer than what it stands for).
  static bool has_escapes(uint32_t begin, uint32_t end, std::string_view decoded) {
    return end - begin != decoded.size() + 2;
  }
  // The decoded text of a string token, as a view into the source when the token holds no
  // escape, so that the tree points at it instead of copying it.
  std::string_view in_source(std::string_view decoded, uint32_t begin, uint32_t end) const {
    return has_escapes(begin, end, decoded) ? decoded : text_.substr(begin + 1, decoded.size());
  }
  // Scalars and keys are reported after the reader consumed them.
  uint32_t token_end() {
    previous_end_ = stream_.Tell();
    return static_cast<uint32_t>(previous_end_);
  }
  bool integer(double value) {
    const uint32_t begin = token_begin();
    builder_.number(value, true, begin, token_end());
    return true;
  }
  bool open(NodeKind kind) {
    const uint32_t begin = token_begin();
    if (builder_.depth() >= limits_.max_depth) {
      rejection_ = Fault{begin, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels (--max-depth)"};
      return false;
    }
    builder_.open(kind, begin);
    previous_end_ = begin + 1;
    return true;
  }
  bool close() {
    const uint32_t bracket = token_begin();
    builder_.close(bracket + 1);
    previous_end_ = bracket + 1;
    return true;
  }
  bool reject_long_string(uint32_t begin, bool key) {
    rejection_ = Fault{begin, std::string(key ? "member name" : "string") + " longer than " +
                                  byte_size_text(limits_.max_string_length) + " (--max-string-length)"};
    return false;
  }
  bool reject_lone_surrogate(uint32_t begin, uint32_t end) {
    const size_t escape = begin + lone_low_surrogate_escape(text_.substr(begin, end - begin));
    rejection_ = Fault{escape, "invalid \\u escape: unpaired UTF-16 surrogate " + std::string(text_.substr(escape, 6))};
    return false;
  }

  std::string_view text_;
  const OffsetStream& stream_;
  size_t previous_end_;
  TreeBuilder& builder_;
  const Limits& limits_;
  std::optional<Fault> rejection_;
};

std::string code_point(char c) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
  return buffer;
}

// How a control character must be written inside a JSON string.
std::string escaped_form(char c) {
  switch (c) {
    case '\b': return "\\b";
    case '\f': return "\\f";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    default: {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
      return buffer;
    }
  }
}

// The offset of the comma before `offset` when only whitespace lies between them.
std::optional<size_t> comma_before(std::string_view text, size_t offset) {
  size_t at = offset;
  while (at > 0 && is_json_whitespace(text[at - 1])) --at;
  if (at > 0 && text[at - 1] == ',') return at - 1;
  return std::nullopt;
}

// Turns the reader's error into a message a user can act on, pointing at the byte at fault.
// `token` is where the token the reader was working on starts.
Fault describe_parse_error(rapidjson::ParseErrorCode code, std::string_view text, size_t offset, size_t token) {
  using namespace rapidjson;
  const bool at_end = offset >= text.size();
  const char at = at_end ? '\0' : text[offset];
  token = std::min(token, offset);
  // The reader takes a NUL byte for the end of the input, so it reports one as whatever it
  // expected there.
  if (!at_end && at == '\0') {
    if (code == kParseErrorStringMissQuotationMark) return {offset, "NUL byte in a string; write it as \\u0000"};
    return {offset, "unexpected NUL byte"};
  }
  // A digit right after a number's first '0' ends the number there, so the reader asks for a
  // separator; what the user wrote is a leading zero.
  const bool wants_separator = code == kParseErrorDocumentRootNotSingular ||
                               code == kParseErrorObjectMissCommaOrCurlyBracket ||
                               code == kParseErrorArrayMissCommaOrSquareBracket;
  if (wants_separator && at >= '0' && at <= '9' && offset > 0 && text[offset - 1] == '0') {
    return {offset - 1, "numbers cannot have leading zeros"};
  }
  switch (code) {
    case kParseErrorDocumentEmpty: return {offset, "the file contains no JSON value"};
    case kParseErrorDocumentRootNotSingular: return {offset, "unexpected text after the end of the JSON document"};
    case kParseErrorValueInvalid:
      if (at_end) return {offset, "unexpected end of file; expected a value"};
      if (at == ']') {
        if (auto comma = comma_before(text, offset)) return {*comma, "trailing comma after the last array element"};
      }
      if (offset > 0 && text[offset - 1] == '-') return {offset, "expected a digit after '-'"};
      return {token, "invalid value; expected an object, array, string, number, true, false or null"};
    case kParseErrorObjectMissName:
      if (at_end) return {offset, "unexpected end of file; expected a member name or '}'"};
      if (at == '}') {
        if (auto comma = comma_before(text, offset)) return {*comma, "trailing comma after the last object member"};
      }
      return {offset, "expected a member name in double quotes"};
    case kParseErrorObjectMissColon:
      if (at_end) return {offset, "unexpected end of file; expected ':'"};
      return {offset, "expected ':' after the member name"};
    case kParseErrorObjectMissCommaOrCurlyBracket:
      if (at_end) return {offset, "unexpected end of file; expected ',' or '}'"};
      return {offset, "expected ',' or '}' after an object member"};
    case kParseErrorArrayMissCommaOrSquareBracket:
      if (at_end) return {offset, "unexpected end of file; expected ',' or ']'"};
      return {offset, "expected ',' or ']' after an array element"};
    case kParseErrorStringUnicodeEscapeInvalidHex:
      return {offset, "invalid \\u escape: expected four hexadecimal digits"};
    case kParseErrorStringUnicodeSurrogateInvalid:
      return {offset, "invalid \\u escape: unpaired UTF-16 surrogate " + std::string(text.substr(offset, 6))};
    case kParseErrorStringEscapeInvalid: {
      // The reader uses this code for raw control characters too.
      if (static_cast<unsigned char>(at) < 0x20) {
        return {offset, "unescaped control character " + code_point(at) + " in a string; write it as " +
                            escaped_form(at)};
      }
      const char escaped = offset + 1 < text.size() ? text[offset + 1] : '\0';
      if (escaped > 0x20 && escaped < 0x7F) {
        return {offset, std::string("invalid escape sequence '\\") + escaped + "' in a string"};
      }
      return {offset, "invalid escape sequence in a string"};
    }
    case kParseErrorStringMissQuotationMark:
      // The string runs to the end of the file: point at its opening quote.
      if (token < text.size() && text[token] == '"') return {token, "unterminated string"};
      return {offset, "unterminated string"};
    case kParseErrorStringInvalidEncoding:
      return {offset, "invalid UTF-8 sequence starting with byte " + byte_in_hex(at) + " in a string"};
    case kParseErrorNumberTooBig: {
      const std::string_view number = text.substr(offset, text.substr(offset).find_first_not_of("+-.0123456789eE"));
      constexpr size_t kShown = 24;  // enough to recognise the number, short enough for one line
      std::string shown(number.substr(0, kShown));
      if (number.size() > kShown) shown += "...";
      return {offset, "number " + shown + " is out of range"};
    }
    case kParseErrorNumberMissFraction: return {offset, "expected a digit after the decimal point"};
    case kParseErrorNumberMissExponent: return {offset, "expected a digit in the exponent"};
    default: break;
  }
  return {offset, "syntax error"};
}

// The end of the character at `offset`, so that a fault's span never splits one.
size_t character_end(std::string_view text, size_t offset) {
  if (offset >= text.size()) return offset;
  size_t end = offset + 1;
  if (static_cast<unsigned char>(text[offset]) >= 0xC0) {
    while (end < text.size() && end < offset + 4 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  }
  return end;
}

}  // namespace

LoadResult load_json(const SourceFile& file, const Limits& limits) {
  LoadResult result;
  const std::string_view text = file.text();
  const auto fail = [&](Fault fault) {
    const auto begin = static_cast<uint32_t>(fault.offset);
    const auto end = static_cast<uint32_t>(character_end(text, fault.offset));
    result.failure = Diagnostic{Level::error, Location::at_offset(file, begin, end), std::move(fault.message)};
    result.tree.reset();
    return std::move(result);
  };

  if (text.empty()) return fail({0, "the file is empty; expected a JSON document"});
  if (auto message = unsupported_encoding(text)) return fail({0, std::move(*message)});

  const size_t start = file.has_utf8_bom() ? 3 : 0;
  auto tree = std::make_unique<Tree>(file);
  TreeBuilder builder(*tree);
  // Exports printed by the AWS CLI hold a value for every 30 to 50 bytes; denser JSON grows
  // the tree as usual.
  builder.reserve(text.size() / 40 + 16);
  OffsetStream stream(text.data(), start);
  Handler handler(text, stream, start, builder, limits);
  rapidjson::Reader reader;
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;
  const rapidjson::ParseResult parsed = reader.Parse<kFlags>(stream, handler);
  if (parsed.IsError()) {
    if (handler.rejection()) return fail(*handler.rejection());
    return fail(describe_parse_error(parsed.Code(), text, parsed.Offset(), handler.token_begin()));
  }
  // The reader stops at a NUL byte as if the input ended there.
  if (stream.Tell() < text.size()) return fail({stream.Tell(), "unexpected NUL byte"});
  result.duplicate_keys = builder.duplicate_keys();
  result.tree = std::move(tree);
  return result;
}

}  // namespace sagelint
