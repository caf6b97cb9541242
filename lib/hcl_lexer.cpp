#include "hcl_lexer.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <span>

#include "sagelint/text.hpp"

namespace sagelint {
namespace {

using Kind = HclTokenKind;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Blocks outside ASCII that hold no letters, digits or marks: spaces, punctuation, symbols,
// arrows, emoji, private use. Everything else counts as a letter, a coarse stand-in for UAX
// #31's ID_Start and ID_Continue that is right for the scripts people name things in.
constexpr std::array<std::pair<char32_t, char32_t>, 24> kNotIdentifierRanges{{
    {0x0080, 0x00A9}, {0x00AB, 0x00B4}, {0x00B6, 0x00B6}, {0x00B8, 0x00B9}, {0x00BB, 0x00BF},
    {0x00D7, 0x00D7}, {0x00F7, 0x00F7}, {0x1680, 0x1680}, {0x2000, 0x203E}, {0x2041, 0x2070},
    {0x2074, 0x207E}, {0x2080, 0x208E}, {0x20A0, 0x20CF}, {0x2190, 0x2BFF}, {0x2E00, 0x2E7F},
    {0x3000, 0x3003}, {0x3008, 0x3020}, {0xE000, 0xF8FF}, {0xFE10, 0xFE1F}, {0xFE30, 0xFE6F},
    {0xFEFF, 0xFEFF}, {0xFF00, 0xFF0F}, {0xFFF0, 0xFFFF}, {0x1F000, 0x1FAFF},
}};

// Characters that continue an identifier but cannot start one: the middle dot, connector
// punctuation, and combining marks (an accent belongs to the letter before it).
constexpr std::array<std::pair<char32_t, char32_t>, 7> kContinueOnlyRanges{{
    {0x00B7, 0x00B7}, {0x0300, 0x036F}, {0x0483, 0x0489}, {0x203F, 0x2040}, {0x20D0, 0x20FF},
    {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F},
}};

bool in_ranges(char32_t cp, std::span<const std::pair<char32_t, char32_t>> ranges) {
  return std::any_of(ranges.begin(), ranges.end(), [cp](const auto& range) { return cp >= range.first && cp <= range.second; });
}

bool is_identifier_code_point(char32_t cp, bool first) {
  if (cp >= 0xF0000) return false;  // supplementary private use
  if (in_ranges(cp, kNotIdentifierRanges)) return false;
  return !first || !in_ranges(cp, kContinueOnlyRanges);
}

std::string code_point_name(char32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  return buffer;
}

bool has_zero_byte(uint64_t word) { return ((word - 0x0101010101010101ULL) & ~word & 0x8080808080808080ULL) != 0; }

// The first byte from `start` that is NUL or not part of well-formed UTF-8. Eight bytes at a
// time while they are ASCII, since that is almost every byte of a configuration file.
std::optional<HclLexFault> find_invalid_byte(std::string_view text, size_t start) {
  size_t i = start;
  while (i < text.size()) {
    if (i + 8 <= text.size()) {
      uint64_t word;
      std::memcpy(&word, text.data() + i, sizeof word);
      if ((word & 0x8080808080808080ULL) == 0 && !has_zero_byte(word)) {
        i += 8;
        continue;
      }
    }
    const char c = text[i];
    if (c == '\0') return HclLexFault{uint32_t(i), uint32_t(i + 1), "unexpected NUL byte"};
    if (static_cast<unsigned char>(c) < 0x80) {
      ++i;
      continue;
    }
    const Utf8Prefix prefix = utf8_prefix(text, i);
    if (!prefix.complete) {
      return HclLexFault{uint32_t(i), uint32_t(i + prefix.length),
                         "invalid UTF-8 sequence starting with byte " + byte_in_hex(c)};
    }
    i += prefix.length;
  }
  return std::nullopt;
}

class Lexer {
 public:
  Lexer(const SourceFile& file, std::string_view text, std::optional<HclLexFault> invalid_byte)
      : file_(file), text_(text), invalid_byte_(std::move(invalid_byte)) {
    // Terraform files hold a token every five to six bytes (the bench/ file, 268 KB: one in 5.4).
    result_.tokens.reserve(text.size() / 5 + 16);
    frames_.push_back(Frame{});
  }

  HclTokens run(uint32_t start) {
    at_ = start;
    while (!done_) {
      switch (frames_.back().mode) {
        case Mode::code: lex_code(); break;
        case Mode::quoted: lex_quoted(); break;
        case Mode::heredoc: lex_heredoc(); break;
      }
    }
    return std::move(result_);
  }

 private:
  enum class Mode : uint8_t { code, quoted, heredoc };

  // One level of the lexer's context: the file, or an expression inside ${ } or %{ }, or a
  // quoted string, or a heredoc.
  struct Frame {
    Mode mode = Mode::code;
    bool in_template = false;  // code: opened by ${ or %{, so its closing } ends a sequence
    bool line_start = true;    // heredoc: nothing but literal text so far on this line
    uint32_t braces = 0;       // code: braces opened in this frame and not yet closed
    uint32_t opener_begin = 0;  // quoted, heredoc: the opening token
    uint32_t opener_end = 0;
    std::string_view marker;  // heredoc: the word that closes it
  };

  char at(size_t i) const { return i < text_.size() ? text_[i] : '\0'; }
  bool at_end() const { return at_ >= text_.size(); }

  void emit(Kind kind, uint32_t length) {
    result_.tokens.push_back(HclToken{kind, at_, at_ + length});
    at_ += length;
  }

  void fail(uint32_t begin, uint32_t end, std::string message) {
    result_.tokens.push_back(HclToken{Kind::invalid, begin, end});
    result_.fault = HclLexFault{begin, end, std::move(message)};
    done_ = true;
  }

  // The text ends here: either the file does, or a byte that is not text does.
  // `unfinished` says what is left open, when something is.
  void end_of_text(std::optional<HclLexFault> unfinished) {
    if (invalid_byte_) {
      fail(invalid_byte_->begin, invalid_byte_->end, std::move(invalid_byte_->message));
    } else if (unfinished) {
      fail(unfinished->begin, unfinished->end, std::move(unfinished->message));
    } else {
      result_.tokens.push_back(HclToken{Kind::end_of_file, at_, at_});
      done_ = true;
    }
  }

  // --- Expressions and structure -----------------------------------------------------------

  void lex_code() {
    while (at(at_) == ' ' || at(at_) == '\t') ++at_;
    if (at_end()) {
      end_of_text(std::nullopt);
      return;
    }
    const char c = text_[at_];
    const char next = at(at_ + 1);
    switch (c) {
      case '\n': return emit(Kind::newline, 1);
      case '\r':
        if (next == '\n') return emit(Kind::newline, 2);
        return fail(at_, at_ + 1, "unexpected carriage return; lines end with \\n or \\r\\n");
      case '#': return line_comment(1);
      case '/':
        if (next == '/') return line_comment(2);
        if (next == '*') return block_comment();
        return emit(Kind::slash, 1);
      case '"': return open_quoted();
      case '{':
        ++frames_.back().braces;
        return emit(Kind::open_brace, 1);
      case '}': return close_brace(1);
      case '~':
        if (next == '}') return close_brace(2);
        break;
      case '<':
        if (next == '<') return open_heredoc();
        return emit(next == '=' ? Kind::less_equal : Kind::less, next == '=' ? 2 : 1);
      case '>': return emit(next == '=' ? Kind::greater_equal : Kind::greater, next == '=' ? 2 : 1);
      case '!': return emit(next == '=' ? Kind::not_equal : Kind::bang, next == '=' ? 2 : 1);
      case '=':
        if (next == '=') return emit(Kind::equal_equal, 2);
        if (next == '>') return emit(Kind::fat_arrow, 2);
        return emit(Kind::equals, 1);
      case ':': return emit(next == ':' ? Kind::double_colon : Kind::colon, next == ':' ? 2 : 1);
      case '.':
        if (next == '.' && at(at_ + 2) == '.') return emit(Kind::ellipsis, 3);
        return emit(Kind::dot, 1);
      case '&':
        if (next == '&') return emit(Kind::and_and, 2);
        return fail(at_, at_ + 1, "unexpected character '&'; the logical and is '&&'");
      case '|':
        if (next == '|') return emit(Kind::or_or, 2);
        return fail(at_, at_ + 1, "unexpected character '|'; the logical or is '||'");
      case '\'':
        return fail(at_, at_ + 1, "unexpected character \"'\"; strings are written in double quotes");
      case '$':
        if (next == '{') return fail(at_, at_ + 2, "unexpected '${'; interpolations are only valid inside strings");
        break;
      case '[': return emit(Kind::open_bracket, 1);
      case ']': return emit(Kind::close_bracket, 1);
      case '(': return emit(Kind::open_paren, 1);
      case ')': return emit(Kind::close_paren, 1);
      case ',': return emit(Kind::comma, 1);
      case '?': return emit(Kind::question, 1);
      case '+': return emit(Kind::plus, 1);
      case '-': return emit(Kind::minus, 1);
      case '*': return emit(Kind::star, 1);
      case '%': return emit(Kind::percent, 1);
      default: break;
    }
    if (is_digit(c)) return number();
    const uint32_t length = identifier_length(at_);
    if (length > 0) return emit(Kind::identifier, length);
    unexpected_character();
  }

  void unexpected_character() {
    const Utf8Character cp = decode_utf8(text_, at_);
    if (cp.code_point < 0x20 || cp.code_point == 0x7F) {
      return fail(at_, at_ + 1, "unexpected control character " + code_point_name(cp.code_point));
    }
    std::string shown(text_.substr(at_, cp.length));
    if (cp.code_point >= 0x80) shown += "' (" + code_point_name(cp.code_point) + ")";
    else shown += "'";
    fail(at_, at_ + static_cast<uint32_t>(cp.length), "unexpected character '" + shown);
  }

  // How many bytes of identifier start at `from`: a letter or underscore, then letters,
  // digits, underscores and dashes.
  uint32_t identifier_length(uint32_t from) const {
    uint32_t i = from;
    while (i < text_.size()) {
      const char c = text_[i];
      if (is_ascii_letter(c) || c == '_' || (i > from && (is_digit(c) || c == '-'))) {
        ++i;
        continue;
      }
      if (static_cast<unsigned char>(c) < 0x80) break;
      const Utf8Character cp = decode_utf8(text_, i);
      if (!is_identifier_code_point(cp.code_point, i == from)) break;
      i += static_cast<uint32_t>(cp.length);
    }
    return i - from;
  }

  // decimal+ ("." decimal+)? (("e" | "E") ("+" | "-")? decimal+)?
  void number() {
    uint32_t i = at_;
    while (is_digit(at(i))) ++i;
    if (at(i) == '.' && is_digit(at(i + 1))) {
      i += 1;
      while (is_digit(at(i))) ++i;
    }
    if (at(i) == 'e' || at(i) == 'E') {
      uint32_t exponent = i + 1;
      if (at(exponent) == '+' || at(exponent) == '-') ++exponent;
      if (is_digit(at(exponent))) {
        i = exponent;
        while (is_digit(at(i))) ++i;
      }
    }
    emit(Kind::number, i - at_);
  }

  // A # or // comment runs to the end of the line, and ends the line as a newline would.
  void line_comment(uint32_t opener_length) {
    const size_t lf = text_.find('\n', at_ + opener_length);
    if (lf == std::string_view::npos) {
      at_ = static_cast<uint32_t>(text_.size());
      return;
    }
    at_ = static_cast<uint32_t>(lf > 0 && text_[lf - 1] == '\r' ? lf - 1 : lf);
    emit(Kind::newline, static_cast<uint32_t>(lf + 1 - at_));
  }

  // A /* */ comment counts as a space, even across lines.
  void block_comment() {
    const size_t close = text_.find("*/", at_ + 2);
    if (close == std::string_view::npos) return fail(at_, at_ + 2, "unterminated comment; no '*/' closes this '/*'");
    at_ = static_cast<uint32_t>(close + 2);
  }

  // `}` or `~}`. A `~}` always reads as the end of a sequence: where it closes an ordinary
  // brace, or nothing, the parser reports the mistake.
  void close_brace(uint32_t length) {
    Frame& frame = frames_.back();
    const bool ends_sequence = frame.in_template && frame.braces == 0;
    if (frame.braces > 0) --frame.braces;
    emit(ends_sequence || length == 2 ? Kind::sequence_close : Kind::close_brace, length);
    if (ends_sequence) frames_.pop_back();
  }

  // --- Templates ---------------------------------------------------------------------------

  void open_quoted() {
    Frame frame;
    frame.mode = Mode::quoted;
    frame.opener_begin = at_;
    frame.opener_end = at_ + 1;
    emit(Kind::open_quote, 1);
    frames_.push_back(frame);
  }

  // `<<EOT` or `<<-EOT`, then a line break at once.
  void open_heredoc() {
    const uint32_t begin = at_;
    const bool flush = at(begin + 2) == '-';
    const uint32_t marker_begin = begin + 2 + (flush ? 1 : 0);
    const uint32_t marker_length = identifier_length(marker_begin);
    if (marker_length == 0) {
      return fail(begin, marker_begin, "expected a heredoc marker after '" + std::string(text_.substr(begin, marker_begin - begin)) +
                                           "', as in <<EOT or <<-EOT");
    }
    const uint32_t marker_end = marker_begin + marker_length;
    const std::string_view marker = text_.substr(marker_begin, marker_length);
    uint32_t line_break = 0;
    if (at(marker_end) == '\n') line_break = 1;
    if (at(marker_end) == '\r' && at(marker_end + 1) == '\n') line_break = 2;
    if (line_break == 0) {
      const auto found = static_cast<uint32_t>(marker_end < text_.size() ? utf8_character_at(text_, marker_end).size() : 0);
      return fail(marker_end, marker_end + found,
                  "expected a line break right after the heredoc marker '" + std::string(marker) + "'");
    }
    emit(Kind::open_heredoc, marker_end - begin);
    at_ += line_break;
    Frame frame;
    frame.mode = Mode::heredoc;
    frame.opener_begin = begin;
    frame.opener_end = marker_end;
    frame.marker = marker;
    frames_.push_back(frame);
  }

  // `${`, `${~`, `%{` or `%{~`: an expression follows, in a frame of its own.
  void open_sequence(Kind kind) {
    if (frames_.back().mode == Mode::heredoc) frames_.back().line_start = false;
    emit(kind, at(at_ + 2) == '~' ? 3 : 2);
    Frame frame;
    frame.in_template = true;
    frames_.push_back(frame);
  }

  // At text[i], `$${` or `%%{` (literal text) gives 3, `${` or `%{` (a sequence) gives 0, and
  // anything else 1.
  size_t template_character(size_t i) const {
    const char c = text_[i];
    if (c != '$' && c != '%') return 1;
    if (at(i + 1) == '{') return 0;
    if (at(i + 1) == c && at(i + 2) == '{') return 3;
    return 1;
  }

  void lex_quoted() {
    const Frame& frame = frames_.back();
    if (at_end()) return end_of_text(HclLexFault{frame.opener_begin, frame.opener_end, "unterminated string"});
    const char c = text_[at_];
    if (c == '"') {
      emit(Kind::close_quote, 1);
      frames_.pop_back();
      return;
    }
    if (c == '\n' || c == '\r') {
      return fail(frame.opener_begin, frame.opener_end,
                  "unterminated string; a quoted string ends on the line it starts (write \\n for a line "
                  "break, or use a heredoc)");
    }
    if (c == '$' && at(at_ + 1) == '{') return open_sequence(Kind::interpolation_open);
    if (c == '%' && at(at_ + 1) == '{') return open_sequence(Kind::directive_open);
    size_t i = at_;
    while (i < text_.size()) {
      const char d = text_[i];
      if (d == '"' || d == '\n' || d == '\r') break;
      if (d == '\\') {
        const size_t length = escape_length(i);
        if (length == 0) return;  // failed
        i += length;
        continue;
      }
      const size_t length = template_character(i);
      if (length == 0) break;
      i += length;
    }
    emit(Kind::template_text, static_cast<uint32_t>(i - at_));
  }

  // The length of the escape sequence at text[i] (a backslash), or 0 after failing.
  size_t escape_length(size_t i) {
    const char selector = at(i + 1);
    switch (selector) {
      case 'n': case 'r': case 't': case '"': case '\\': return 2;
      case 'u': return unicode_escape_length(i, 4);
      case 'U': return unicode_escape_length(i, 8);
      default: break;
    }
    // A backslash at the end of the line leaves the string unterminated; the caller sees it.
    if (selector == '\n' || selector == '\r' || i + 1 >= text_.size()) return 1;
    const std::string_view shown = utf8_character_at(text_, i + 1);
    fail(uint32_t(i), uint32_t(i + 1 + shown.size()),
         "invalid escape sequence '\\" + std::string(shown) + "'; the escapes are \\n \\r \\t \\\" \\\\ \\uNNNN \\UNNNNNNNN");
    return 0;
  }

  size_t unicode_escape_length(size_t i, size_t digits) {
    const char selector = text_[i + 1];
    char32_t value = 0;
    for (size_t d = 0; d < digits; ++d) {
      const char c = at(i + 2 + d);
      if (!is_hex_digit(c)) {
        fail(uint32_t(i), uint32_t(i + 2), std::string("invalid escape sequence: \\") + selector + " must be followed by " +
                                               (digits == 4 ? "four" : "eight") + " hexadecimal digits");
        return 0;
      }
      value = value * 16 + static_cast<char32_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) {
      fail(uint32_t(i), uint32_t(i + 2 + digits),
           "invalid escape sequence '" + std::string(text_.substr(i, 2 + digits)) + "'; " + code_point_name(value) +
               " is not a Unicode character");
      return 0;
    }
    return 2 + digits;
  }

  void lex_heredoc() {
    Frame& frame = frames_.back();
    if (at_end()) {
      const std::string opener(text_.substr(frame.opener_begin, frame.opener_end - frame.opener_begin));
      const uint32_t line = file_.position(frame.opener_begin).line;
      return end_of_text(HclLexFault{frame.opener_begin, frame.opener_end,
                                     "unclosed heredoc " + opener + " opened at line " + std::to_string(line) +
                                         "; expected '" + std::string(frame.marker) + "' on a line of its own"});
    }
    if (frame.line_start && closing_marker()) return;
    const char c = text_[at_];
    if (c == '$' && at(at_ + 1) == '{') return open_sequence(Kind::interpolation_open);
    if (c == '%' && at(at_ + 1) == '{') return open_sequence(Kind::directive_open);
    // One token per line, so that the parser can find the indentation of every line.
    size_t i = at_;
    frame.line_start = false;
    while (i < text_.size()) {
      if (text_[i] == '\n') {
        ++i;
        frame.line_start = true;
        break;
      }
      const size_t length = template_character(i);
      if (length == 0) break;
      i += length;
    }
    emit(Kind::template_text, static_cast<uint32_t>(i - at_));
  }

  // The heredoc's marker alone on this line, spaces around it allowed, ends the heredoc. The
  // line break after it is left for the structure (it ends the attribute).
  bool closing_marker() {
    const std::string_view marker = frames_.back().marker;
    size_t i = at_;
    while (at(i) == ' ' || at(i) == '\t') ++i;
    if (text_.substr(i, marker.size()) != marker) return false;
    const size_t marker_begin = i;
    i += marker.size();
    while (at(i) == ' ' || at(i) == '\t') ++i;
    const bool line_ends = i >= text_.size() || at(i) == '\n' || (at(i) == '\r' && at(i + 1) == '\n');
    if (!line_ends) return false;
    result_.tokens.push_back(HclToken{Kind::close_heredoc, uint32_t(marker_begin), uint32_t(marker_begin + marker.size())});
    at_ = static_cast<uint32_t>(i);
    frames_.pop_back();
    return true;
  }

  const SourceFile& file_;
  std::string_view text_;
  std::optional<HclLexFault> invalid_byte_;
  uint32_t at_ = 0;
  bool done_ = false;
  std::vector<Frame> frames_;
  HclTokens result_;
};

}  // namespace

HclTokens lex_hcl(const SourceFile& file) {
  const std::string_view text = file.text();
  const uint32_t start = file.has_utf8_bom() ? 3 : 0;
  std::optional<HclLexFault> invalid_byte = find_invalid_byte(text, start);
  // The lexer sees the text up to the first bad byte, and reports that byte when it gets there
  // (unless an earlier error stops it first).
  const size_t valid = invalid_byte ? invalid_byte->begin : text.size();
  Lexer lexer(file, text.substr(0, valid), std::move(invalid_byte));
  return lexer.run(start);
}

}  // namespace sagelint
