// The second half of parsing a template ("..." or a heredoc), private to the library: the
// parser reads its parts in order, then assemble_template decodes the literal text, applies
// strip markers (`${~`, `~}`) and the indentation rule of `<<-` heredocs, joins neighbouring
// text, and nests the %{ if } and %{ for } directives.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "hcl_builder.hpp"

namespace sagelint {

struct HclTemplatePart {
  enum class Kind : uint8_t { text, interpolation, if_directive, else_directive, endif_directive, for_directive, endfor_directive };
  Kind kind = Kind::text;
  bool strip_before = false;  // `${~` or `%{~`: spaces at the end of the text before are removed
  bool strip_after = false;   // `~}`: spaces at the start of the text after are removed
  uint32_t begin = 0;         // as written: the text, or the whole ${ ... } or %{ ... }
  uint32_t end = 0;
  // interpolation: the interpolation node. if: the condition. for: the collection.
  HclNodeId expression = kNoHclNode;
  HclNodeId key_name = kNoHclNode;    // for, when it names two variables
  HclNodeId value_name = kNoHclNode;  // for
  // text: the value, once decoded
  TextRef value{};
  bool value_in_source = true;
};

enum class HclTemplateStyle : uint8_t { quoted, heredoc, flush_heredoc };

struct HclTemplateFault {
  uint32_t begin;
  uint32_t end;
  std::string message;
};

// Adds the nodes of the template's parts as the children of `template_node`, reordering and
// rewriting `parts` as it goes. `depth` is the nesting depth of the template itself;
// directives nest further, up to `max_depth`.
std::optional<HclTemplateFault> assemble_template(HclFileBuilder& builder, HclNodeId template_node,
                                                  std::span<HclTemplatePart> parts, HclTemplateStyle style,
                                                  size_t depth, size_t max_depth);

// Whether literal template text differs from its value: it holds an escape (in a quoted
// string), or `$${` or `%%{`. Most text does not, and then stays in the source.
bool hcl_text_needs_decoding(std::string_view raw, bool quoted);

// Appends the value of literal template text as written: escapes (in quoted strings, where
// the lexer has checked them), and `$${` and `%%{`, which stand for `${` and `%{`.
void decode_hcl_text(std::string_view raw, bool quoted, std::string& out);

}  // namespace sagelint
