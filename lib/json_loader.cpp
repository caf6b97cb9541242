#include "sagelint/json_loader.hpp"

#include <rapidjson/reader.h>

#include <string>

namespace sagelint {
namespace {

// A read-only stream over the file text. RapidJSON's own string streams enable a copy
// optimisation under which Tell() is stale inside handler callbacks; this stream has no
// StreamTraits specialisation, so the reader advances it directly and Tell() is exact.
class OffsetStream {
 public:
  using Ch = char;
  OffsetStream(std::string_view text, size_t start) : text_(text), pos_(start) {}
  Ch Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  Ch Take() { return pos_ < text_.size() ? text_[pos_++] : '\0'; }
  size_t Tell() const { return pos_; }
  // Never called by a reader; required by the stream concept.
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  size_t PutEnd(Ch*) { return 0; }

 private:
  std::string_view text_;
  size_t pos_;
};

class Handler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Handler> {
 public:
  Handler(std::string_view text, const OffsetStream& stream, size_t start, TreeBuilder& builder)
      : text_(text), stream_(stream), previous_end_(start), builder_(builder) {}

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
    builder_.number(d, false, begin, token_end());
    return true;
  }
  bool String(const char* s, rapidjson::SizeType length, bool) {
    const uint32_t begin = token_begin();
    builder_.string(std::string_view(s, length), begin, token_end());
    return true;
  }
  bool Key(const char* s, rapidjson::SizeType length, bool) {
    const uint32_t begin = token_begin();
    builder_.key(std::string_view(s, length), begin, token_end());
    return true;
  }
  bool StartObject() { return open(NodeKind::object); }
  bool StartArray() { return open(NodeKind::array); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool EndArray(rapidjson::SizeType) { return close(); }

  bool too_deep() const { return too_deep_; }
  size_t too_deep_offset() const { return too_deep_offset_; }

 private:
  // A token starts at the first byte after the previous event that is not whitespace or a
  // separator. This does not depend on when the reader reports brackets, which differs
  // between its iterative and recursive modes.
  uint32_t token_begin() const {
    size_t at = previous_end_;
    while (at < text_.size()) {
      const char c = text_[at];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != ':') break;
      ++at;
    }
    return static_cast<uint32_t>(at);
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
    if (builder_.depth() >= kMaxJsonDepth) {
      too_deep_ = true;
      too_deep_offset_ = begin;
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

  std::string_view text_;
  const OffsetStream& stream_;
  size_t previous_end_;
  TreeBuilder& builder_;
  bool too_deep_ = false;
  size_t too_deep_offset_ = 0;
};

std::string parse_error_message(rapidjson::ParseErrorCode code, std::string_view text, size_t offset) {
  using namespace rapidjson;
  const char at = offset < text.size() ? text[offset] : '\0';
  const bool at_end = offset >= text.size();
  switch (code) {
    case kParseErrorDocumentEmpty: return "the file contains no JSON value";
    case kParseErrorDocumentRootNotSingular: return "unexpected text after the end of the JSON document";
    case kParseErrorValueInvalid:
      if (at_end) return "unexpected end of file; expected a value";
      return "invalid value; expected an object, array, string, number, true, false or null";
    case kParseErrorObjectMissName:
      if (at_end) return "unexpected end of file inside an object";
      return "expected a member name in double quotes";
    case kParseErrorObjectMissColon: return "expected ':' after the member name";
    case kParseErrorObjectMissCommaOrCurlyBracket:
      if (at_end) return "unexpected end of file; expected ',' or '}'";
      return "expected ',' or '}' after an object member";
    case kParseErrorArrayMissCommaOrSquareBracket:
      if (at_end) return "unexpected end of file; expected ',' or ']'";
      return "expected ',' or ']' after an array element";
    case kParseErrorStringUnicodeEscapeInvalidHex: return "invalid \\u escape: expected four hexadecimal digits";
    case kParseErrorStringUnicodeSurrogateInvalid: return "invalid \\u escape: unpaired UTF-16 surrogate";
    case kParseErrorStringEscapeInvalid:
      if (static_cast<unsigned char>(at) < 0x20) return "control character in a string; it must be escaped";
      return "invalid escape sequence in a string";
    case kParseErrorStringMissQuotationMark:
      if (at == '\0' && !at_end) return "NUL byte in a string";
      return "unterminated string";
    case kParseErrorStringInvalidEncoding: return "invalid UTF-8 byte sequence";
    case kParseErrorNumberTooBig: return "number too large";
    case kParseErrorNumberMissFraction: return "expected digits after the decimal point";
    case kParseErrorNumberMissExponent: return "expected digits in the exponent";
    default: return "syntax error";
  }
}

// UTF-16 and UTF-32 text is what some shells write when output is redirected (Windows
// PowerShell 5 writes UTF-16 LE); say so instead of reporting a confusing syntax error.
std::optional<std::string> wrong_encoding(std::string_view text) {
  const auto starts = [&](std::string_view prefix) { return text.starts_with(prefix); };
  if (starts(std::string_view("\xFF\xFE\0\0", 4)) || starts(std::string_view("\0\0\xFE\xFF", 4))) {
    return "the file is UTF-32 encoded; sagelint reads UTF-8 (convert it, e.g. with iconv -f UTF-32 -t UTF-8)";
  }
  if (starts("\xFF\xFE") || starts("\xFE\xFF") ||
      (text.size() >= 2 && ((text[0] == '\0') != (text[1] == '\0')))) {
    return "the file is UTF-16 encoded; sagelint reads UTF-8 (convert it, e.g. with iconv -f UTF-16 -t UTF-8)";
  }
  return std::nullopt;
}

}  // namespace

JsonLoadResult load_json(const SourceFile& file) {
  JsonLoadResult result;
  const std::string_view text = file.text();
  const auto fail = [&](size_t offset, std::string message) {
    const auto begin = static_cast<uint32_t>(offset);
    const uint32_t end = offset < text.size() ? begin + 1 : begin;
    result.failure = Diagnostic{Level::error, Location::at_offset(file, begin, end), std::move(message)};
    result.tree.reset();
    return std::move(result);
  };

  if (text.empty()) return fail(0, "the file is empty; expected a JSON document");
  if (auto message = wrong_encoding(text)) return fail(0, *message);

  const size_t start = file.has_utf8_bom() ? 3 : 0;
  auto tree = std::make_unique<Tree>(file);
  TreeBuilder builder(*tree);
  OffsetStream stream(text, start);
  Handler handler(text, stream, start, builder);
  rapidjson::Reader reader;
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;
  const rapidjson::ParseResult parsed = reader.Parse<kFlags>(stream, handler);
  if (parsed.IsError()) {
    if (handler.too_deep()) {
      return fail(handler.too_deep_offset(),
                  "nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    }
    return fail(parsed.Offset(), parse_error_message(parsed.Code(), text, parsed.Offset()));
  }
  result.duplicate_keys = builder.duplicate_keys();
  result.tree = std::move(tree);
  return result;
}

}  // namespace sagelint
