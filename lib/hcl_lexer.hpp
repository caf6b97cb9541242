// The tokens of an HCL native-syntax file, for hcl_parser.cpp (private to the library).
//
// HCL's lexical structure depends on context: inside "..." and heredocs the text is template
// literal text until ${ or %{ starts an expression, which in turn ends at its matching }. The
// lexer follows those modes itself, as HashiCorp's scanner does, so that the parser sees one
// flat token sequence.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sagelint/source_file.hpp"

namespace sagelint {

enum class HclTokenKind : uint8_t {
  end_of_file,
  newline,  // "\n" or "\r\n"; also the end of a # or // comment
  identifier,
  number,
  open_brace, close_brace, open_bracket, close_bracket, open_paren, close_paren,
  equals, colon, double_colon, comma, dot, ellipsis, question, fat_arrow,
  plus, minus, star, slash, percent, bang,
  equal_equal, not_equal, less, less_equal, greater, greater_equal, and_and, or_or,
  open_quote, close_quote,
  open_heredoc,   // `<<EOT` or `<<-EOT`, without the line break that follows
  close_heredoc,  // the marker on its own line, without surrounding spaces
  template_text,  // literal text of a template as written (escapes not decoded)
  interpolation_open,  // `${` or `${~`
  directive_open,      // `%{` or `%{~`
  sequence_close,      // `}` or `~}` that ends an interpolation or directive
  invalid,             // where the lexer stopped; the fault says why
};

struct HclToken {
  HclTokenKind kind;
  uint32_t begin;
  uint32_t end;
};

// Why lexing stopped early, and where.
struct HclLexFault {
  uint32_t begin;
  uint32_t end;
  std::string message;
};

struct HclTokens {
  std::vector<HclToken> tokens;  // ends with end_of_file, or with invalid when `fault` is set
  std::optional<HclLexFault> fault;
};

// The tokens of the file, after its byte-order mark if it has one. Comments and spaces are
// dropped, but a line comment still ends its line. Lexing stops at the first byte that is not
// well-formed UTF-8, at a NUL byte, and at the first lexical error.
HclTokens lex_hcl(const SourceFile& file);

}  // namespace sagelint
