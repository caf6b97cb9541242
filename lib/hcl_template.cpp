#include "hcl_template.hpp"

#include <algorithm>
#include <limits>

#include "sagelint/hcl_parser.hpp"
#include "sagelint/text.hpp"

namespace sagelint {
namespace {

using Part = HclTemplatePart;

// What HCL strips next to a strip marker and counts as heredoc indentation: Unicode's White
// Space characters (as Go's unicode.IsSpace).
bool is_space(char32_t c) {
  switch (c) {
    case '\t': case '\n': case '\v': case '\f': case '\r': case ' ':
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

struct Spaces {
  size_t bytes = 0;
  size_t characters = 0;
};

// The white space that starts `text`, up to `most` characters of it.
Spaces leading_spaces(std::string_view text, size_t most = std::numeric_limits<size_t>::max()) {
  Spaces spaces;
  while (spaces.bytes < text.size() && spaces.characters < most) {
    const Utf8Character c = decode_utf8(text, spaces.bytes);
    if (!is_space(c.code_point)) break;
    spaces.bytes += c.length;
    ++spaces.characters;
  }
  return spaces;
}

size_t trailing_space_bytes(std::string_view text) {
  size_t end = text.size();
  while (end > 0) {
    size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    if (!is_space(decode_utf8(text, start).code_point)) break;
    end = start;
  }
  return text.size() - end;
}

uint32_t hex_value(std::string_view digits) {
  uint32_t value = 0;
  for (char c : digits) value = value * 16 + static_cast<uint32_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  return value;
}

}  // namespace

bool hcl_text_needs_decoding(std::string_view raw, bool quoted) {
  for (size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\\' && quoted) return true;
    if ((c == '$' || c == '%') && i + 2 < raw.size() && raw[i + 1] == c && raw[i + 2] == '{') return true;
  }
  return false;
}

void decode_hcl_text(std::string_view raw, bool quoted, std::string& out) {
  size_t i = 0;
  while (i < raw.size()) {
    const char c = raw[i];
    if (c == '\\' && quoted && i + 1 < raw.size()) {
      const char selector = raw[i + 1];
      i += 2;
      switch (selector) {
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u':
          append_utf8(out, hex_value(raw.substr(i, 4)));
          i += 4;
          break;
        case 'U':
          append_utf8(out, hex_value(raw.substr(i, 8)));
          i += 8;
          break;
        default: out += selector; break;  // \" and \\ .
      }
      continue;
    }
    if ((c == '$' || c == '%') && raw.substr(i + 1, 2) == std::string_view(c == '$' ? "${" : "%{")) {
      out += c;
      out += '{';
      i += 3;
      continue;
    }
    out += c;
    ++i;
  }
}

namespace {

class TemplateAssembler {
 public:
  TemplateAssembler(HclFileBuilder& builder, std::span<Part> parts, HclTemplateStyle style, size_t max_depth)
      : builder_(builder), parts_(parts), style_(style), max_depth_(max_depth) {}

  std::optional<HclTemplateFault> run(HclNodeId template_node, size_t depth) {
    decode();
    strip();
    if (style_ == HclTemplateStyle::flush_heredoc) remove_indentation();
    join_text();
    HclChildList children;
    size_t at = 0;
    if (!sequence(at, children, depth)) return std::move(fault_);
    if (at < parts_.size()) {
      const Part& stray = parts_[at];
      const char* opener = stray.kind == Part::Kind::endfor_directive ? "%{for}" : "%{if}";
      return HclTemplateFault{stray.begin, stray.end,
                              "unexpected " + directive_name(stray) + " with no " + opener + " before it"};
    }
    builder_.adopt(template_node, children);
    return std::nullopt;
  }

 private:
  std::string_view value(const Part& part) const { return builder_.text(part.value, part.value_in_source); }

  // Text without escapes is its own value and stays in the source; the rest is decoded into
  // the store.
  void decode() {
    const bool quoted = style_ == HclTemplateStyle::quoted;
    const std::string_view source = builder_.source();
    for (Part& part : parts_) {
      if (part.kind != Part::Kind::text) continue;
      const std::string_view raw = source.substr(part.begin, part.end - part.begin);
      if (!hcl_text_needs_decoding(raw, quoted)) {
        part.value = TextRef{part.begin, part.end - part.begin};
        part.value_in_source = true;
        continue;
      }
      std::string& store = builder_.store();
      const size_t offset = store.size();
      decode_hcl_text(raw, quoted, store);
      part.value = TextRef{static_cast<uint32_t>(offset), static_cast<uint32_t>(store.size() - offset)};
      part.value_in_source = false;
    }
  }

  // A strip marker removes the white space of the text right next to it, and only there:
  // the text of an earlier heredoc line keeps its line break.
  void strip() {
    for (size_t i = 0; i < parts_.size(); ++i) {
      const Part& part = parts_[i];
      if (part.kind == Part::Kind::text) continue;
      if (part.strip_before && i > 0 && parts_[i - 1].kind == Part::Kind::text) {
        Part& before = parts_[i - 1];
        before.value.length -= static_cast<uint32_t>(trailing_space_bytes(value(before)));
      }
      if (part.strip_after && i + 1 < parts_.size() && parts_[i + 1].kind == Part::Kind::text) {
        Part& after = parts_[i + 1];
        const auto bytes = static_cast<uint32_t>(leading_spaces(value(after)).bytes);
        after.value.offset += bytes;
        after.value.length -= bytes;
      }
    }
  }

  // Calls `visit(part, indentation)` for the text that starts each line of the template,
  // except lines that are blank; a line that starts with an interpolation or a directive has
  // no indentation.
  template <typename Visit>
  void visit_line_starts(Visit visit) {
    bool line_start = true;
    for (Part& part : parts_) {
      const bool text = part.kind == Part::Kind::text;
      if (line_start) {
        if (!text) {
          visit(part, Spaces{});
        } else {
          const Spaces spaces = leading_spaces(value(part));
          const bool blank = spaces.bytes == part.value.length && value(part).ends_with('\n');
          if (!blank) visit(part, spaces);
        }
      }
      line_start = text && value(part).ends_with('\n');
    }
  }

  // `<<-`: the smallest indentation of any line is removed from every line (in characters:
  // a tab counts as one).
  void remove_indentation() {
    size_t least = std::numeric_limits<size_t>::max();
    visit_line_starts([&](Part&, Spaces spaces) { least = std::min(least, spaces.characters); });
    if (least == 0 || least == std::numeric_limits<size_t>::max()) return;
    visit_line_starts([&](Part& part, Spaces) {
      if (part.kind != Part::Kind::text) return;
      const auto bytes = static_cast<uint32_t>(leading_spaces(value(part), least).bytes);
      part.value.offset += bytes;
      part.value.length -= bytes;
    });
  }

  // Neighbouring text becomes one part: a heredoc is one token per line.
  void join_text() {
    size_t out = 0;
    size_t i = 0;
    while (i < parts_.size()) {
      size_t j = i + 1;
      if (parts_[i].kind == Part::Kind::text) {
        while (j < parts_.size() && parts_[j].kind == Part::Kind::text) ++j;
      }
      Part joined = parts_[i];
      if (j - i > 1) {
        joined.end = parts_[j - 1].end;
        join_values(i, j, joined);
      }
      parts_[out++] = joined;
      i = j;
    }
    parts_ = parts_.first(out);
  }

  void join_values(size_t first, size_t last, Part& joined) {
    bool contiguous = true;
    uint32_t length = 0;
    for (size_t k = first; k < last; ++k) {
      const Part& part = parts_[k];
      contiguous = contiguous && part.value_in_source && part.value.offset == joined.value.offset + length;
      length += part.value.length;
    }
    if (contiguous) {
      joined.value.length = length;
      return;
    }
    std::string& store = builder_.store();
    // Room first, so that pieces already in the store stay where they are while copied.
    store.reserve(store.size() + length);
    const size_t offset = store.size();
    for (size_t k = first; k < last; ++k) store.append(value(parts_[k]));
    joined.value = TextRef{static_cast<uint32_t>(offset), length};
    joined.value_in_source = false;
  }

  bool fail(uint32_t begin, uint32_t end, std::string message) {
    fault_ = HclTemplateFault{begin, end, std::move(message)};
    return false;
  }

  uint32_t line_of(const Part& part) const { return builder_.source_file().position(part.begin).line; }

  std::string directive_name(const Part& part) const {
    switch (part.kind) {
      case Part::Kind::if_directive: return "%{if}";
      case Part::Kind::else_directive: return "%{else}";
      case Part::Kind::endif_directive: return "%{endif}";
      case Part::Kind::for_directive: return "%{for}";
      case Part::Kind::endfor_directive: return "%{endfor}";
      default: return "text";
    }
  }

  // Adds nodes for parts_[at...] to `out` until the end or a directive that ends or divides
  // the enclosing one (else, endif, endfor), which is left for the caller.
  bool sequence(size_t& at, HclChildList& out, size_t depth) {
    while (at < parts_.size()) {
      const Part& part = parts_[at];
      switch (part.kind) {
        case Part::Kind::text: {
          const HclNodeId literal = builder_.add(HclKind::template_literal, part.begin, part.end);
          builder_.set_text(literal, part.value, part.value_in_source);
          builder_.append(out, literal);
          ++at;
          break;
        }
        case Part::Kind::interpolation:
          builder_.append(out, part.expression);
          ++at;
          break;
        case Part::Kind::if_directive:
          if (!if_directive(at, out, depth + 1)) return false;
          break;
        case Part::Kind::for_directive:
          if (!for_directive(at, out, depth + 1)) return false;
          break;
        default:
          return true;
      }
    }
    return true;
  }

  // A template_expression node for the parts between two directives.
  bool branch(size_t& at, uint32_t begin, HclNodeId& branch_node, size_t depth) {
    HclChildList children;
    if (!sequence(at, children, depth)) return false;
    const uint32_t end = at < parts_.size() ? parts_[at].begin : parts_.back().end;
    branch_node = builder_.add(HclKind::template_expression, begin, end);
    builder_.adopt(branch_node, children);
    return true;
  }

  bool too_deep(const Part& part) {
    return fail(part.begin, part.end, "nesting deeper than " + std::to_string(max_depth_) + " levels (--max-depth)");
  }

  bool if_directive(size_t& at, HclChildList& out, size_t depth) {
    const size_t open = at++;
    if (depth > max_depth_) return too_deep(parts_[open]);
    HclNodeId then_branch = kNoHclNode;
    HclNodeId else_branch = kNoHclNode;
    if (!branch(at, parts_[open].end, then_branch, depth)) return false;
    if (at < parts_.size() && parts_[at].kind == Part::Kind::else_directive) {
      const size_t divider = at++;
      if (!branch(at, parts_[divider].end, else_branch, depth)) return false;
    }
    if (at == parts_.size()) {
      return fail(parts_[open].begin, parts_[open].end, "unclosed %{if}; expected %{endif} before the end of the template");
    }
    const Part& close = parts_[at];
    if (close.kind != Part::Kind::endif_directive) {
      const std::string expected = close.kind == Part::Kind::else_directive ? "second %{else} in" : directive_name(close) + " before the %{endif} of";
      return fail(close.begin, close.end,
                  "unexpected " + expected + " the %{if} at line " + std::to_string(line_of(parts_[open])));
    }
    ++at;
    const HclNodeId node = builder_.add(HclKind::template_if, parts_[open].begin, close.end);
    HclChildList children;
    builder_.append(children, parts_[open].expression);
    builder_.append(children, then_branch);
    if (else_branch != kNoHclNode) {
      builder_.append(children, else_branch);
      builder_.node(node).flags |= kHasElse;
    }
    builder_.adopt(node, children);
    builder_.append(out, node);
    return true;
  }

  bool for_directive(size_t& at, HclChildList& out, size_t depth) {
    const size_t open = at++;
    if (depth > max_depth_) return too_deep(parts_[open]);
    HclNodeId body = kNoHclNode;
    if (!branch(at, parts_[open].end, body, depth)) return false;
    if (at == parts_.size()) {
      return fail(parts_[open].begin, parts_[open].end, "unclosed %{for}; expected %{endfor} before the end of the template");
    }
    const Part& close = parts_[at];
    if (close.kind != Part::Kind::endfor_directive) {
      return fail(close.begin, close.end,
                  "unexpected " + directive_name(close) + " before the %{endfor} of the %{for} at line " +
                      std::to_string(line_of(parts_[open])));
    }
    ++at;
    const Part& directive = parts_[open];
    const HclNodeId node = builder_.add(HclKind::template_for, directive.begin, close.end);
    HclChildList children;
    if (directive.key_name != kNoHclNode) {
      builder_.append(children, directive.key_name);
      builder_.node(node).flags |= kHasKeyName;
    }
    builder_.append(children, directive.value_name);
    builder_.append(children, directive.expression);
    builder_.append(children, body);
    builder_.adopt(node, children);
    builder_.append(out, node);
    return true;
  }

  HclFileBuilder& builder_;
  std::span<Part> parts_;
  HclTemplateStyle style_;
  size_t max_depth_;
  std::optional<HclTemplateFault> fault_;
};

}  // namespace

std::optional<HclTemplateFault> assemble_template(HclFileBuilder& builder, HclNodeId template_node,
                                                  std::span<HclTemplatePart> parts, HclTemplateStyle style,
                                                  size_t depth, size_t max_depth) {
  return TemplateAssembler(builder, parts, style, max_depth).run(template_node, depth);
}

}  // namespace sagelint
