#include "sagelint/hcl_parser.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <utility>

#include "hcl_builder.hpp"
#include "hcl_lexer.hpp"
#include "hcl_template.hpp"
#include "sagelint/text.hpp"

namespace sagelint {
namespace {

using Token = HclToken;
using TokenKind = HclTokenKind;

struct Fault {
  uint32_t begin;
  uint32_t end;
  std::string message;
};

struct BinaryOperator {
  HclOperator op;
  int level;  // higher binds tighter
};

// The spec's precedence levels: * / % above + - above comparisons above equality above && above ||.
std::optional<BinaryOperator> binary_operator(TokenKind kind) {
  switch (kind) {
    case TokenKind::star: return BinaryOperator{HclOperator::multiply, 6};
    case TokenKind::slash: return BinaryOperator{HclOperator::divide, 6};
    case TokenKind::percent: return BinaryOperator{HclOperator::modulo, 6};
    case TokenKind::plus: return BinaryOperator{HclOperator::add, 5};
    case TokenKind::minus: return BinaryOperator{HclOperator::subtract, 5};
    case TokenKind::less: return BinaryOperator{HclOperator::less, 4};
    case TokenKind::less_equal: return BinaryOperator{HclOperator::less_or_equal, 4};
    case TokenKind::greater: return BinaryOperator{HclOperator::greater, 4};
    case TokenKind::greater_equal: return BinaryOperator{HclOperator::greater_or_equal, 4};
    case TokenKind::equal_equal: return BinaryOperator{HclOperator::equal, 3};
    case TokenKind::not_equal: return BinaryOperator{HclOperator::not_equal, 3};
    case TokenKind::and_and: return BinaryOperator{HclOperator::logical_and, 2};
    case TokenKind::or_or: return BinaryOperator{HclOperator::logical_or, 1};
    default: return std::nullopt;
  }
}

// Whether a number too large or too small for a double is too large: its first significant
// digit stands left of the decimal point once the exponent is applied.
bool overflows(std::string_view digits) {
  const size_t exponent_mark = digits.find_first_of("eE");
  const std::string_view mantissa = digits.substr(0, exponent_mark);
  long long exponent = 0;
  if (exponent_mark != std::string_view::npos) {
    std::string_view written = digits.substr(exponent_mark + 1);
    const bool negative = written.starts_with('-');
    if (!written.empty() && (written[0] == '+' || written[0] == '-')) written.remove_prefix(1);
    for (char c : written) exponent = std::min<long long>(exponent * 10 + (c - '0'), 1'000'000'000);
    if (negative) exponent = -exponent;
  }
  const size_t point = std::min(mantissa.find('.'), mantissa.size());
  const size_t first = mantissa.find_first_of("123456789");
  if (first == std::string_view::npos) return false;  // zero
  const auto order = first < point ? static_cast<long long>(point - first) : -static_cast<long long>(first - point - 1);
  return order + exponent > 0;
}

// Saves a flag and restores it on leaving the scope: whether line breaks are tokens (in the
// structure and in object constructors) or spaces (inside brackets, parentheses, calls and
// template sequences).
class NewlineMode {
 public:
  NewlineMode(bool& significant, bool now) : significant_(significant), saved_(significant) { significant_ = now; }
  ~NewlineMode() { significant_ = saved_; }
  NewlineMode(const NewlineMode&) = delete;
  NewlineMode& operator=(const NewlineMode&) = delete;

 private:
  bool& significant_;
  bool saved_;
};

class Nesting {
 public:
  explicit Nesting(size_t& depth) : depth_(depth) { ++depth_; }
  ~Nesting() { --depth_; }
  Nesting(const Nesting&) = delete;
  Nesting& operator=(const Nesting&) = delete;

 private:
  size_t& depth_;
};

// Recursive descent over the lexer's tokens. Every parse_ function returns the node it built,
// or kNoHclNode after recording the fault that stopped it; callers return at once then, so
// the first error is the one reported.
class Parser {
 public:
  Parser(const SourceFile& file, const HclTokens& tokens, HclFile& tree, size_t max_depth)
      : file_(file), tokens_(tokens.tokens), lex_fault_(tokens.fault), builder_(tree), max_depth_(max_depth) {}

  std::optional<Fault> parse() {
    builder_.reserve(tokens_.size() / 2 + 16);
    const uint32_t start = file_.has_utf8_bom() ? 3 : 0;
    const HclNodeId root = builder_.add(HclKind::body, start, static_cast<uint32_t>(file_.text().size()));
    parse_body(root, nullptr, {});
    return std::move(fault_);
  }

 private:
  // --- Tokens ------------------------------------------------------------------------------

  size_t next_index() const {
    size_t i = next_;
    if (!newlines_significant_) {
      while (tokens_[i].kind == TokenKind::newline) ++i;
    }
    return i;
  }
  const Token& peek() const { return tokens_[next_index()]; }
  Token read() {
    const size_t i = next_index();
    const Token token = tokens_[i];
    if (token.kind != TokenKind::end_of_file && token.kind != TokenKind::invalid) next_ = i + 1;
    return token;
  }

  std::string_view text(const Token& token) const { return file_.text().substr(token.begin, token.end - token.begin); }
  std::string_view text_of(HclNodeId id) { return builder_.text(builder_.node(id).text, builder_.node(id).has(kTextInSource)); }
  bool is_keyword(const Token& token, std::string_view word) const {
    return token.kind == TokenKind::identifier && text(token) == word;
  }
  uint32_t line_of(uint32_t offset) const { return file_.position(offset).line; }

  // How a message names a token.
  std::string describe(const Token& token) const {
    constexpr size_t kShown = 40;  // enough to recognise a name, short enough for one line
    switch (token.kind) {
      case TokenKind::end_of_file: return "the end of the file";
      case TokenKind::newline: return "a line break";
      case TokenKind::open_quote: return "a string";
      case TokenKind::open_heredoc: return "a heredoc";
      case TokenKind::template_text: return "template text";
      case TokenKind::number: return "the number " + std::string(text(token).substr(0, kShown));
      default: break;
    }
    std::string shown(text(token).substr(0, kShown));
    if (token.end - token.begin > kShown) shown += "...";
    return quoted(shown);
  }

  // --- Faults ------------------------------------------------------------------------------

  HclNodeId fail(uint32_t begin, uint32_t end, std::string message) {
    if (!fault_) fault_ = Fault{begin, end, std::move(message)};
    return kNoHclNode;
  }
  // At `token`; at a token the lexer could not read, the lexer's own reason is the one to give.
  HclNodeId fail_at(const Token& token, std::string message) {
    if (token.kind == TokenKind::invalid && lex_fault_) return fail(lex_fault_->begin, lex_fault_->end, lex_fault_->message);
    return fail(token.begin, token.end, std::move(message));
  }
  HclNodeId fail_unclosed(const Token& open, std::string_view what, std::string_view closer) {
    return fail(open.begin, open.end,
                "unclosed " + std::string(what) + "; no " + quoted(closer) + " before the end of the file");
  }
  // A token other than the one expected; at the end of the file, the opener left unclosed is
  // what to point at.
  HclNodeId fail_expected(const Token& found, std::string expected, const Token& open, std::string_view what,
                          std::string_view closer) {
    if (found.kind == TokenKind::end_of_file) return fail_unclosed(open, what, closer);
    return fail_at(found, std::move(expected) + ", found " + describe(found));
  }
  HclNodeId too_deep() {
    const Token& at = peek();
    return fail(at.begin, at.end, "nesting deeper than " + std::to_string(max_depth_) + " levels (--max-depth)");
  }

  // --- Nodes -------------------------------------------------------------------------------

  uint32_t begin_of(HclNodeId id) { return builder_.node(id).begin; }
  uint32_t end_of(HclNodeId id) { return builder_.node(id).end; }

  HclNodeId add(HclKind kind, uint32_t begin, uint32_t end, std::initializer_list<HclNodeId> children = {}) {
    const HclNodeId id = builder_.add(kind, begin, end);
    HclChildList list;
    for (HclNodeId child : children) builder_.append(list, child);
    builder_.adopt(id, list);
    return id;
  }

  // A node named by `token`, whose text is the token itself.
  HclNodeId add_named(HclKind kind, const Token& token, uint32_t begin, uint32_t end) {
    const HclNodeId id = builder_.add(kind, begin, end);
    builder_.node(id).name_begin = token.begin;
    builder_.node(id).name_end = token.end;
    builder_.set_source_text(id, token.begin, token.end);
    return id;
  }

  // --- Structure ---------------------------------------------------------------------------

  // Attributes and blocks up to the end of the file (open_brace null) or the block's '}'.
  bool parse_body(HclNodeId body, const Token* open_brace, std::string_view block_type) {
    HclChildList items;
    while (true) {
      const Token token = peek();
      if (token.kind == TokenKind::newline) {
        read();
        continue;
      }
      if (token.kind == TokenKind::identifier) {
        const HclNodeId item = parse_body_item(false);
        if (item == kNoHclNode) return false;
        builder_.append(items, item);
        continue;
      }
      if (open_brace == nullptr && token.kind == TokenKind::end_of_file) break;
      if (open_brace != nullptr && token.kind == TokenKind::close_brace) {
        read();
        builder_.node(body).end = token.end;
        break;
      }
      if (token.kind == TokenKind::end_of_file) {
        fail_unclosed(*open_brace, "block " + quoted(block_type), "}");
      } else if (token.kind == TokenKind::close_brace) {
        fail_at(token, "unexpected '}'; there is no block to close");
      } else if (token.kind == TokenKind::open_quote) {
        fail_at(token, "an attribute or block name cannot be quoted");
      } else {
        fail_at(token, "expected an attribute or a block, found " + describe(token));
      }
      return false;
    }
    builder_.adopt(body, items);
    return names_are_unique(body);
  }

  // An attribute is set once per body (HCL rejects the file otherwise, as Terraform does).
  bool names_are_unique(HclNodeId body) {
    names_.clear();
    for (HclNodeId id = builder_.node(body).first_child; id != kNoHclNode; id = builder_.node(id).next_sibling) {
      if (builder_.node(id).kind == HclKind::attribute) names_.emplace_back(text_of(id), id);
    }
    if (names_.size() < 2) return true;
    std::sort(names_.begin(), names_.end(), [&](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : begin_of(a.second) < begin_of(b.second);
    });
    // Of the attributes set again, the first in the file. Sorted by name and then position,
    // every entry of a run of one name but the first is a repeat.
    std::optional<std::pair<HclNodeId, HclNodeId>> first_repeat;  // {first setting, repeat}
    size_t run_start = 0;
    for (size_t i = 1; i < names_.size(); ++i) {
      if (names_[i].first != names_[run_start].first) {
        run_start = i;
        continue;
      }
      if (!first_repeat || begin_of(names_[i].second) < begin_of(first_repeat->second)) {
        first_repeat = std::pair{names_[run_start].second, names_[i].second};
      }
    }
    if (!first_repeat) return true;
    const HclNode& repeat = builder_.node(first_repeat->second);
    fail(repeat.name_begin, repeat.name_end,
         "the attribute " + quoted(text_of(first_repeat->second)) + " is already set at line " +
             std::to_string(line_of(begin_of(first_repeat->first))) + "; an attribute can be set only once in a body");
    return false;
  }

  // An attribute or a block, starting at its name. In a single-line block `a { b = 1 }` only
  // an attribute is allowed, and it ends at the block's '}' rather than a line break.
  HclNodeId parse_body_item(bool single_line) {
    const Token name = read();
    const Token next = peek();
    if (next.kind == TokenKind::equals) return parse_attribute(name, single_line);
    const bool block = next.kind == TokenKind::identifier || next.kind == TokenKind::open_quote ||
                       next.kind == TokenKind::open_brace;
    if (block && single_line) {
      return fail(name.begin, next.end,
                  "a single-line block cannot hold a block; put the block " + quoted(text(name)) + " on a line of its own");
    }
    if (block) return parse_block(name);
    return fail_at(next, "expected '=' or '{' after the attribute name " + quoted(text(name)));
  }

  HclNodeId parse_attribute(const Token& name, bool single_line) {
    read();  // =
    const HclNodeId value = parse_expression();
    if (value == kNoHclNode) return kNoHclNode;
    const HclNodeId attribute = add_named(HclKind::attribute, name, name.begin, end_of(value));
    HclChildList children;
    builder_.append(children, value);
    builder_.adopt(attribute, children);
    if (single_line) return attribute;
    const Token end = peek();
    if (end.kind == TokenKind::newline) {
      read();
    } else if (end.kind == TokenKind::comma) {
      return fail_at(end, "unexpected ',' after the value of " + quoted(text(name)) +
                              "; attributes are separated by line breaks, not commas");
    } else if (end.kind != TokenKind::end_of_file) {
      return fail_at(end, "expected a line break after the value of " + quoted(text(name)) + ", found " + describe(end));
    }
    return attribute;
  }

  HclNodeId parse_block(const Token& type) {
    const Nesting nesting(depth_);
    if (depth_ > max_depth_) return too_deep();
    const std::string_view type_name = text(type);
    HclChildList children;
    while (peek().kind != TokenKind::open_brace) {
      const Token token = peek();
      HclNodeId label = kNoHclNode;
      if (token.kind == TokenKind::identifier) {
        read();
        label = add_named(HclKind::label, token, token.begin, token.end);
      } else if (token.kind == TokenKind::open_quote) {
        label = parse_quoted_label();
      } else if (token.kind == TokenKind::newline) {
        return fail_at(token, "expected '{' on the same line as the block type " + quoted(type_name) + " and its labels");
      } else {
        return fail_at(token, "expected a label or '{' after the block type " + quoted(type_name) + ", found " + describe(token));
      }
      if (label == kNoHclNode) return kNoHclNode;
      builder_.append(children, label);
    }
    const Token open = read();
    const HclNodeId body = builder_.add(HclKind::body, open.begin, open.end);
    const TokenKind first = peek().kind;
    const bool multi_line = first == TokenKind::newline || first == TokenKind::end_of_file || first == TokenKind::close_brace;
    const bool parsed = multi_line ? parse_body(body, &open, type_name) : parse_single_line_body(body, open, type_name);
    if (!parsed) return kNoHclNode;
    builder_.append(children, body);
    const HclNodeId block = add_named(HclKind::block, type, type.begin, end_of(body));
    builder_.adopt(block, children);
    const Token end = peek();
    if (end.kind == TokenKind::newline) {
      read();
    } else if (end.kind != TokenKind::end_of_file) {
      return fail_at(end, "expected a line break after the '}' of the block " + quoted(type_name) + ", found " + describe(end));
    }
    return block;
  }

  // `a { b = 1 }`: one attribute, and the '}' on the same line.
  bool parse_single_line_body(HclNodeId body, const Token& open, std::string_view type_name) {
    const Token first = peek();
    if (first.kind != TokenKind::identifier) {
      fail_at(first, first.kind == TokenKind::open_quote
                         ? "an attribute name cannot be quoted"
                         : "expected an attribute, a line break or '}' after the '{' of the block " + quoted(type_name) +
                               ", found " + describe(first));
      return false;
    }
    const HclNodeId attribute = parse_body_item(true);
    if (attribute == kNoHclNode) return false;
    const Token close = peek();
    if (close.kind == TokenKind::comma) {
      fail_at(close, "a single-line block holds one attribute; write the block " + quoted(type_name) +
                         " over several lines, one attribute on each");
      return false;
    }
    if (close.kind == TokenKind::newline) {
      fail_at(close, "a single-line block ends on the line it starts; put the '}' of the block " + quoted(type_name) +
                         " right after its attribute");
      return false;
    }
    if (close.kind != TokenKind::close_brace) {
      fail_expected(close, "expected '}' to end the single-line block " + quoted(type_name), open,
                    "block " + quoted(type_name), "}");
      return false;
    }
    read();
    builder_.node(body).end = close.end;
    HclChildList items;
    builder_.append(items, attribute);
    builder_.adopt(body, items);
    return true;
  }

  // A label written as a string: literal text only.
  HclNodeId parse_quoted_label() {
    const Token open = read();
    uint32_t text_begin = open.end, text_end = open.end;
    while (true) {
      const Token token = read();
      if (token.kind == TokenKind::close_quote) {
        const HclNodeId label = builder_.add(HclKind::label, open.begin, token.end);
        builder_.node(label).name_begin = open.begin;
        builder_.node(label).name_end = token.end;
        builder_.node(label).flags |= kQuoted;
        set_decoded_text(label, text_begin, text_end);
        return label;
      }
      if (token.kind == TokenKind::template_text) {
        text_end = token.end;
        continue;
      }
      if (token.kind == TokenKind::interpolation_open || token.kind == TokenKind::directive_open) {
        const std::string_view opener = text(token).substr(0, 2);  // ${ or %{
        return fail_at(token, "a block label cannot hold " + quoted(opener) + "; write " +
                                  quoted(std::string(opener.substr(0, 1)) + std::string(opener)) + " for the characters themselves");
      }
      return fail_at(token, "unexpected " + describe(token) + " in a block label");
    }
  }

  // The node's text is the decoded quoted-string text source[begin, end): the source itself
  // when nothing in it needs decoding.
  void set_decoded_text(HclNodeId id, uint32_t begin, uint32_t end) {
    const std::string_view raw = file_.text().substr(begin, end - begin);
    if (!hcl_text_needs_decoding(raw, true)) return builder_.set_source_text(id, begin, end);
    std::string& store = builder_.store();
    const size_t offset = store.size();
    decode_hcl_text(raw, true, store);
    builder_.set_text(id, TextRef{static_cast<uint32_t>(offset), static_cast<uint32_t>(store.size() - offset)}, false);
  }

  // --- Expressions -------------------------------------------------------------------------

  HclNodeId parse_expression() {
    const Nesting nesting(depth_);
    if (depth_ > max_depth_) return too_deep();
    const HclNodeId condition = parse_binary(1);
    if (condition == kNoHclNode || peek().kind != TokenKind::question) return condition;
    const Token question = read();
    const HclNodeId if_true = parse_expression();
    if (if_true == kNoHclNode) return kNoHclNode;
    const Token colon = peek();
    if (colon.kind != TokenKind::colon) {
      return fail_at(colon, "expected ':' and the false result of the conditional at line " +
                                std::to_string(line_of(question.begin)) + ", found " + describe(colon));
    }
    read();
    const HclNodeId if_false = parse_expression();
    if (if_false == kNoHclNode) return kNoHclNode;
    const HclNodeId conditional = add(HclKind::conditional, begin_of(condition), end_of(if_false), {condition, if_true, if_false});
    builder_.node(conditional).name_begin = question.begin;
    builder_.node(conditional).name_end = question.end;
    return conditional;
  }

  // Operators of `min_level` and above, left-associative (precedence climbing).
  HclNodeId parse_binary(int min_level) {
    HclNodeId left = parse_unary();
    while (left != kNoHclNode) {
      const std::optional<BinaryOperator> op = binary_operator(peek().kind);
      if (!op || op->level < min_level) break;
      const Token token = read();
      const HclNodeId right = parse_binary(op->level + 1);
      if (right == kNoHclNode) return kNoHclNode;
      left = operation(HclKind::binary, op->op, token, begin_of(left), end_of(right), {left, right});
    }
    return left;
  }

  HclNodeId operation(HclKind kind, HclOperator op, const Token& token, uint32_t begin, uint32_t end,
                      std::initializer_list<HclNodeId> operands) {
    const HclNodeId id = add(kind, begin, end, operands);
    HclNode& node = builder_.node(id);
    node.op = op;
    node.name_begin = token.begin;
    node.name_end = token.end;
    return id;
  }

  HclNodeId parse_unary() {
    const Token token = peek();
    if (token.kind != TokenKind::minus && token.kind != TokenKind::bang) return parse_traversals(parse_term());
    const Nesting nesting(depth_);
    if (depth_ > max_depth_) return too_deep();
    read();
    const HclNodeId operand = parse_unary();
    if (operand == kNoHclNode) return kNoHclNode;
    const HclOperator op = token.kind == TokenKind::minus ? HclOperator::negate : HclOperator::logical_not;
    return operation(HclKind::unary, op, token, token.begin, end_of(operand), {operand});
  }

  HclNodeId parse_term() {
    const Token token = peek();
    switch (token.kind) {
      case TokenKind::number: read(); return number_literal(token);
      case TokenKind::identifier: read(); return parse_identifier_term(token);
      case TokenKind::open_paren: return parse_parentheses();
      case TokenKind::open_quote:
      case TokenKind::open_heredoc: return parse_template();
      case TokenKind::open_bracket: return parse_tuple();
      case TokenKind::open_brace: return parse_object();
      case TokenKind::end_of_file: return fail_at(token, "unexpected end of file; expected an expression");
      default: return fail_at(token, "expected an expression, found " + describe(token));
    }
  }

  HclNodeId number_literal(const Token& token) {
    const std::string_view digits = text(token);
    double value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    // HCL's numbers have arbitrary precision; beyond a double's range they become infinity or 0.
    if (error == std::errc::result_out_of_range) value = overflows(digits) ? std::numeric_limits<double>::infinity() : 0.0;
    const HclNodeId id = builder_.add(HclKind::number, token.begin, token.end);
    HclNode& node = builder_.node(id);
    node.number = value;
    if (digits.find_first_of(".eE") == std::string_view::npos) node.flags |= kInteger;
    return id;
  }

  HclNodeId parse_identifier_term(const Token& token) {
    const TokenKind next = peek().kind;
    if (next == TokenKind::open_paren || next == TokenKind::double_colon) return parse_function_call(token);
    const std::string_view word = text(token);
    if (word == "true" || word == "false") {
      const HclNodeId id = builder_.add(HclKind::boolean, token.begin, token.end);
      builder_.node(id).boolean = word == "true";
      return id;
    }
    if (word == "null") return builder_.add(HclKind::null, token.begin, token.end);
    return add_named(HclKind::traversal, token, token.begin, token.end);
  }

  // `name(...)`, or `provider::aws::name(...)`.
  HclNodeId parse_function_call(const Token& first) {
    std::string name(text(first));
    uint32_t name_end = first.end;
    while (peek().kind == TokenKind::double_colon) {
      read();
      const Token part = peek();
      if (part.kind != TokenKind::identifier) return fail_at(part, "expected a function name after '::', found " + describe(part));
      read();
      name += "::";
      name += text(part);
      name_end = part.end;
    }
    const Token open = peek();
    if (open.kind != TokenKind::open_paren) {
      return fail_at(open, "expected '(' after the function name " + quoted(name) + ", found " + describe(open));
    }
    read();
    const NewlineMode newlines(newlines_significant_, false);
    HclChildList arguments;
    bool expand_final = false;
    while (peek().kind != TokenKind::close_paren) {
      const HclNodeId argument = parse_expression();
      if (argument == kNoHclNode) return kNoHclNode;
      builder_.append(arguments, argument);
      const Token separator = peek();
      if (separator.kind == TokenKind::comma) {
        read();
        continue;
      }
      if (separator.kind == TokenKind::ellipsis) {
        read();
        expand_final = true;
        const Token close = peek();
        if (close.kind != TokenKind::close_paren) {
          return fail_expected(close, "expected ')' right after the '...' that expands the last argument", open,
                               "call of " + quoted(name), ")");
        }
        break;
      }
      if (separator.kind != TokenKind::close_paren) {
        return fail_expected(separator, "expected ',' or ')' after an argument of " + quoted(name), open,
                             "call of " + quoted(name), ")");
      }
    }
    const Token close = read();
    const HclNodeId call = builder_.add(HclKind::function_call, first.begin, close.end);
    builder_.adopt(call, arguments);
    HclNode& node = builder_.node(call);
    node.name_begin = first.begin;
    node.name_end = name_end;
    if (expand_final) node.flags |= kExpandFinal;
    // Spaces or comments around '::' are allowed, and then the name is not the source text.
    if (file_.text().substr(first.begin, name_end - first.begin) == name) {
      builder_.set_source_text(call, first.begin, name_end);
    } else {
      std::string& store = builder_.store();
      builder_.set_text(call, TextRef{static_cast<uint32_t>(store.size()), static_cast<uint32_t>(name.size())}, false);
      store += name;
    }
    return call;
  }

  HclNodeId parse_parentheses() {
    const Token open = read();
    const NewlineMode newlines(newlines_significant_, false);
    const HclNodeId inner = parse_expression();
    if (inner == kNoHclNode) return kNoHclNode;
    const Token close = peek();
    if (close.kind != TokenKind::close_paren) {
      return fail_expected(close, "expected ')' to close the '(' at line " + std::to_string(line_of(open.begin)), open,
                           "'('", ")");
    }
    read();
    return add(HclKind::parentheses, open.begin, close.end, {inner});
  }

  // Attribute access, indexes and splats after a term: `a.b[0]`, `f(x).id`, `a[*].id`.
  HclNodeId parse_traversals(HclNodeId source) {
    if (source == kNoHclNode) return kNoHclNode;
    HclNodeId current = source;
    HclChildList steps;
    while (true) {
      const Token token = peek();
      if (token.kind == TokenKind::dot) {
        read();
        const Token after = peek();
        if (after.kind == TokenKind::star) {
          read();
          current = parse_attribute_splat(with_steps(current, steps), token, after);
          if (current == kNoHclNode) return kNoHclNode;
          steps = {};
          continue;
        }
        const HclNodeId step = parse_dot_step(token);
        if (step == kNoHclNode) return kNoHclNode;
        builder_.append(steps, step);
        continue;
      }
      if (token.kind != TokenKind::open_bracket) break;
      read();
      if (peek().kind == TokenKind::star) {
        read();
        const Token close = peek();
        if (close.kind != TokenKind::close_bracket) return fail_at(close, "expected ']' after '[*', found " + describe(close));
        read();
        return parse_full_splat(with_steps(current, steps), token, close);
      }
      const HclNodeId step = parse_index(token);
      if (step == kNoHclNode) return kNoHclNode;
      builder_.append(steps, step);
    }
    return with_steps(current, steps);
  }

  // `.name` or `.0` after the dot.
  HclNodeId parse_dot_step(const Token& dot) {
    const Token after = peek();
    if (after.kind == TokenKind::identifier) {
      read();
      return add_named(HclKind::attribute_step, after, dot.begin, after.end);
    }
    if (after.kind != TokenKind::number) return fail_at(after, "expected an attribute name after '.', found " + describe(after));
    read();
    // `a.0.1` reads as `a` then the number 0.1, so the legacy form cannot chain.
    const std::string_view digits = text(after);
    const size_t point = digits.find('.');
    if (point != std::string_view::npos) {
      return fail_at(after, "two legacy indexes cannot follow each other (" + quoted(digits) + " reads as a number); write [" +
                                std::string(digits.substr(0, point)) + "][" + std::string(digits.substr(point + 1)) + "]");
    }
    const HclNodeId step = add(HclKind::index_step, dot.begin, after.end, {number_literal(after)});
    builder_.node(step).flags |= kLegacyIndex;
    return step;
  }

  // `[key]` after the bracket.
  HclNodeId parse_index(const Token& open) {
    const NewlineMode newlines(newlines_significant_, false);
    const HclNodeId key = parse_expression();
    if (key == kNoHclNode) return kNoHclNode;
    const Token close = peek();
    if (close.kind != TokenKind::close_bracket) return fail_expected(close, "expected ']' to close the index", open, "'['", "]");
    read();
    return add(HclKind::index_step, open.begin, close.end, {key});
  }

  // `source` with `steps` applied: a bare variable takes them as its own (var.x), anything
  // else becomes the source of a relative traversal.
  HclNodeId with_steps(HclNodeId source, HclChildList steps) {
    if (steps.count == 0) return source;
    const uint32_t end = end_of(steps.last);
    if (builder_.node(source).kind == HclKind::traversal && builder_.node(source).child_count == 0) {
      builder_.adopt(source, steps);
      builder_.node(source).end = end;
      return source;
    }
    const HclNodeId relative = builder_.add(HclKind::relative_traversal, begin_of(source), end);
    HclChildList children;
    builder_.append(children, source);
    builder_.node(source).next_sibling = steps.first;
    children.last = steps.last;
    children.count += steps.count;
    builder_.adopt(relative, children);
    return relative;
  }

  // `.*` and the `.name` steps after it, which apply to every element; an index after them
  // applies to the result (the spec's difference between `.*` and `[*]`).
  HclNodeId parse_attribute_splat(HclNodeId source, const Token& dot, const Token& star) {
    const HclNodeId element = builder_.add(HclKind::splat_element, dot.begin, star.end);
    HclChildList steps;
    while (peek().kind == TokenKind::dot) {
      const Token step_dot = read();
      if (peek().kind == TokenKind::star) return fail_at(peek(), "a splat '.*' cannot follow another '.*'");
      const HclNodeId step = parse_dot_step(step_dot);
      if (step == kNoHclNode) return kNoHclNode;
      builder_.append(steps, step);
    }
    const HclNodeId each = with_steps(element, steps);
    const HclNodeId splat = add(HclKind::splat, begin_of(source), end_of(each), {source, each});
    HclNode& node = builder_.node(splat);
    node.flags |= kAttributeSplat;
    node.name_begin = dot.begin;
    node.name_end = star.end;
    return splat;
  }

  // `[*]` and every step after it, splats included, which apply to each element.
  HclNodeId parse_full_splat(HclNodeId source, const Token& open, const Token& close) {
    const Nesting nesting(depth_);
    if (depth_ > max_depth_) return too_deep();
    const HclNodeId element = builder_.add(HclKind::splat_element, open.begin, close.end);
    const HclNodeId each = parse_traversals(element);
    if (each == kNoHclNode) return kNoHclNode;
    const HclNodeId splat = add(HclKind::splat, begin_of(source), end_of(each), {source, each});
    builder_.node(splat).name_begin = open.begin;
    builder_.node(splat).name_end = close.end;
    return splat;
  }

  HclNodeId parse_tuple() {
    const Token open = read();
    const NewlineMode newlines(newlines_significant_, false);
    if (is_keyword(peek(), "for")) return parse_for(open);
    HclChildList elements;
    while (peek().kind != TokenKind::close_bracket) {
      const HclNodeId element = parse_expression();
      if (element == kNoHclNode) return kNoHclNode;
      builder_.append(elements, element);
      const Token separator = peek();
      if (separator.kind == TokenKind::comma) {
        read();
      } else if (separator.kind != TokenKind::close_bracket) {
        return fail_expected(separator, "expected ',' or ']' after an element of the tuple", open, "'['", "]");
      }
    }
    const Token close = read();
    const HclNodeId tuple = builder_.add(HclKind::tuple, open.begin, close.end);
    builder_.adopt(tuple, elements);
    return tuple;
  }

  // Items are separated by commas or line breaks; a key is an expression, but a bare
  // identifier names the key rather than referring to a variable (`{ a = 1 }`, not `{ (a) = 1 }`).
  HclNodeId parse_object() {
    const Token open = read();
    {
      const NewlineMode newlines(newlines_significant_, false);
      if (is_keyword(peek(), "for")) return parse_for(open);
    }
    const NewlineMode newlines(newlines_significant_, true);
    HclChildList items;
    while (true) {
      const Token token = peek();
      if (token.kind == TokenKind::newline) {
        read();
        continue;
      }
      if (token.kind == TokenKind::close_brace) break;
      if (token.kind == TokenKind::end_of_file) return fail_unclosed(open, "'{'", "}");
      const HclNodeId item = parse_object_item();
      if (item == kNoHclNode) return kNoHclNode;
      builder_.append(items, item);
      const Token separator = peek();
      if (separator.kind == TokenKind::comma || separator.kind == TokenKind::newline) {
        read();
      } else if (separator.kind != TokenKind::close_brace) {
        return fail_expected(separator, "expected ',' or a line break after an item of the object", open, "'{'", "}");
      }
    }
    const Token close = read();
    const HclNodeId object = builder_.add(HclKind::object, open.begin, close.end);
    builder_.adopt(object, items);
    return object;
  }

  HclNodeId parse_object_item() {
    const bool parenthesized = peek().kind == TokenKind::open_paren;
    const HclNodeId key = parse_expression();
    if (key == kNoHclNode) return kNoHclNode;
    HclNode& key_node = builder_.node(key);
    if (!parenthesized && key_node.kind == HclKind::traversal && key_node.child_count == 0) key_node.kind = HclKind::name;
    const Token separator = peek();
    if (separator.kind != TokenKind::equals && separator.kind != TokenKind::colon) {
      return fail_at(separator, "expected '=' or ':' after the key of an object item, found " + describe(separator));
    }
    read();
    const HclNodeId value = parse_expression();
    if (value == kNoHclNode) return kNoHclNode;
    const HclNodeId item = add(HclKind::object_item, begin_of(key), end_of(value), {key, value});
    if (separator.kind == TokenKind::colon) builder_.node(item).flags |= kColon;
    return item;
  }

  // A `for` variable.
  HclNodeId name_node(const Token& token) { return add_named(HclKind::name, token, token.begin, token.end); }

  // [for v in coll : value if cond] and {for k, v in coll : key => value... if cond}, after the opener.
  HclNodeId parse_for(const Token& open) {
    const bool object = open.kind == TokenKind::open_brace;
    const TokenKind close_kind = object ? TokenKind::close_brace : TokenKind::close_bracket;
    const std::string_view closer = object ? "}" : "]";
    const std::string_view what = object ? "'{for'" : "'[for'";
    const NewlineMode newlines(newlines_significant_, false);
    read();  // for
    HclChildList children;
    uint16_t flags = 0;
    const Token first = peek();
    if (first.kind != TokenKind::identifier) return fail_at(first, "expected a variable name after 'for', found " + describe(first));
    read();
    HclNodeId value_name = name_node(first);
    if (peek().kind == TokenKind::comma) {
      read();
      const Token second = peek();
      if (second.kind != TokenKind::identifier) {
        return fail_at(second, "expected a second variable name after ',', found " + describe(second));
      }
      read();
      builder_.append(children, value_name);
      value_name = name_node(second);
      flags |= kHasKeyName;
    }
    builder_.append(children, value_name);
    if (!is_keyword(peek(), "in")) {
      return fail_at(peek(), "expected 'in' after the variable names of the 'for' expression, found " + describe(peek()));
    }
    read();
    const HclNodeId collection = parse_expression();
    if (collection == kNoHclNode) return kNoHclNode;
    builder_.append(children, collection);
    if (peek().kind != TokenKind::colon) {
      return fail_expected(peek(), "expected ':' after the collection of the 'for' expression", open, what, closer);
    }
    read();
    const HclNodeId first_result = parse_expression();
    if (first_result == kNoHclNode) return kNoHclNode;
    builder_.append(children, first_result);
    if (peek().kind == TokenKind::fat_arrow) {
      const Token arrow = read();
      if (!object) return fail_at(arrow, "'=>' gives the key in an object 'for' expression {for ...}; a tuple [for ...] has none");
      const HclNodeId value = parse_expression();
      if (value == kNoHclNode) return kNoHclNode;
      builder_.append(children, value);
    } else if (object) {
      return fail(begin_of(first_result), end_of(first_result),
                  "an object 'for' expression needs a key and a value: {for k, v in collection : key => value}");
    }
    if (peek().kind == TokenKind::ellipsis) {
      const Token ellipsis = read();
      if (!object) return fail_at(ellipsis, "'...' groups values by key, in an object 'for' expression only");
      flags |= kGrouped;
    }
    if (is_keyword(peek(), "if")) {
      read();
      const HclNodeId condition = parse_expression();
      if (condition == kNoHclNode) return kNoHclNode;
      builder_.append(children, condition);
      flags |= kHasCondition;
    }
    const Token close = peek();
    if (close.kind != close_kind) {
      return fail_expected(close, "expected " + quoted(closer) + " to end the 'for' expression", open, what, closer);
    }
    read();
    const HclNodeId node = builder_.add(object ? HclKind::for_object : HclKind::for_tuple, open.begin, close.end);
    builder_.adopt(node, children);
    builder_.node(node).flags |= flags;
    return node;
  }

  // --- Templates ---------------------------------------------------------------------------

  // "..." or a heredoc: its parts are read here, then assembled (hcl_template.cpp). The parts
  // of templates nested in interpolations stack up in one buffer.
  HclNodeId parse_template() {
    const Token open = read();
    const bool heredoc = open.kind == TokenKind::open_heredoc;
    const TokenKind close_kind = heredoc ? TokenKind::close_heredoc : TokenKind::close_quote;
    const size_t first_part = parts_.size();
    Token close{};
    while (true) {
      const Token token = read();
      if (token.kind == close_kind) {
        close = token;
        break;
      }
      if (token.kind == TokenKind::template_text) {
        HclTemplatePart part;
        part.begin = token.begin;
        part.end = token.end;
        parts_.push_back(part);
      } else if (token.kind == TokenKind::interpolation_open) {
        if (!parse_interpolation(token)) return kNoHclNode;
      } else if (token.kind == TokenKind::directive_open) {
        if (!parse_directive(token)) return kNoHclNode;
      } else {
        return fail_at(token, "unexpected " + describe(token) + " in a template");
      }
    }
    const HclNodeId node = builder_.add(HclKind::template_expression, open.begin, close.end);
    HclTemplateStyle style = HclTemplateStyle::quoted;
    if (heredoc) {
      const bool flush = text(open).starts_with("<<-");
      style = flush ? HclTemplateStyle::flush_heredoc : HclTemplateStyle::heredoc;
      builder_.node(node).flags |= flush ? (kHeredoc | kFlushHeredoc) : kHeredoc;
      builder_.node(node).name_begin = open.begin;
      builder_.node(node).name_end = open.end;
    }
    const std::span<HclTemplatePart> parts(parts_.data() + first_part, parts_.size() - first_part);
    std::optional<HclTemplateFault> fault = assemble_template(builder_, node, parts, style, depth_, max_depth_);
    parts_.resize(first_part);
    if (fault) return fail(fault->begin, fault->end, std::move(fault->message));
    return node;
  }

  // The `}` or `~}` that ends a sequence opened by `open`.
  bool close_sequence(const Token& open, HclTemplatePart& part, std::string_view what) {
    const Token close = peek();
    if (close.kind != TokenKind::sequence_close) {
      if (close.kind == TokenKind::end_of_file) {
        fail(open.begin, open.end, "unclosed " + std::string(what) + "; no '}' before the end of the file");
      } else if (close.kind == TokenKind::open_quote) {
        // "${x": the quote meant to end the string opens another one inside the sequence.
        fail(open.begin, open.end, "unclosed " + std::string(what) + "; no '}' before the closing quote");
      } else {
        fail_at(close, "expected '}' to end the " + std::string(what) + ", found " + describe(close) +
                           " (write $${ or %%{ for the characters themselves)");
      }
      return false;
    }
    read();
    part.strip_before = text(open).ends_with('~');
    part.strip_after = text(close).starts_with('~');
    part.begin = open.begin;
    part.end = close.end;
    return true;
  }

  bool parse_interpolation(const Token& open) {
    const NewlineMode newlines(newlines_significant_, false);
    const HclNodeId expression = parse_expression();
    if (expression == kNoHclNode) return false;
    HclTemplatePart part;
    part.kind = HclTemplatePart::Kind::interpolation;
    if (!close_sequence(open, part, "interpolation '${'")) return false;
    part.expression = add(HclKind::interpolation, part.begin, part.end, {expression});
    parts_.push_back(part);
    return true;
  }

  // %{ if cond }, %{ else }, %{ endif }, %{ for k, v in coll }, %{ endfor }.
  bool parse_directive(const Token& open) {
    using Kind = HclTemplatePart::Kind;
    const NewlineMode newlines(newlines_significant_, false);
    const Token keyword = peek();
    HclTemplatePart part;
    const std::string_view word = keyword.kind == TokenKind::identifier ? text(keyword) : std::string_view();
    if (word == "if") part.kind = Kind::if_directive;
    else if (word == "else") part.kind = Kind::else_directive;
    else if (word == "endif") part.kind = Kind::endif_directive;
    else if (word == "for") part.kind = Kind::for_directive;
    else if (word == "endfor") part.kind = Kind::endfor_directive;
    else {
      fail_at(keyword, "expected if, else, endif, for or endfor after '%{', found " + describe(keyword));
      return false;
    }
    read();
    if (part.kind == Kind::if_directive) {
      part.expression = parse_expression();
      if (part.expression == kNoHclNode) return false;
    }
    if (part.kind == Kind::for_directive && !parse_for_directive_head(part)) return false;
    if (!close_sequence(open, part, "%{" + std::string(word) + "} directive")) return false;
    parts_.push_back(part);
    return true;
  }

  // `k, v in coll` of %{ for k, v in coll }.
  bool parse_for_directive_head(HclTemplatePart& part) {
    const Token first = peek();
    if (first.kind != TokenKind::identifier) {
      fail_at(first, "expected a variable name after 'for', found " + describe(first));
      return false;
    }
    read();
    part.value_name = name_node(first);
    if (peek().kind == TokenKind::comma) {
      read();
      const Token second = peek();
      if (second.kind != TokenKind::identifier) {
        fail_at(second, "expected a second variable name after ',', found " + describe(second));
        return false;
      }
      read();
      part.key_name = part.value_name;
      part.value_name = name_node(second);
    }
    if (!is_keyword(peek(), "in")) {
      fail_at(peek(), "expected 'in' after the variable names of the %{for} directive, found " + describe(peek()));
      return false;
    }
    read();
    part.expression = parse_expression();
    return part.expression != kNoHclNode;
  }

  const SourceFile& file_;
  const std::vector<Token>& tokens_;
  const std::optional<HclLexFault>& lex_fault_;
  HclFileBuilder builder_;
  size_t next_ = 0;
  bool newlines_significant_ = true;
  size_t depth_ = 0;
  size_t max_depth_;
  std::optional<Fault> fault_;
  std::vector<HclTemplatePart> parts_;                          // of the templates being read
  std::vector<std::pair<std::string_view, HclNodeId>> names_;  // scratch for names_are_unique
};

// The first literal text or name longer than the limit: checked on the tokens, before any is
// decoded or copied.
std::optional<Fault> overlong_token(const std::vector<Token>& tokens, size_t max_length) {
  for (const Token& token : tokens) {
    if (token.end - token.begin <= max_length) continue;
    if (token.kind == TokenKind::template_text) {
      return Fault{token.begin, token.begin, "string longer than " + byte_size_text(max_length) + " (--max-string-length)"};
    }
    if (token.kind == TokenKind::identifier) {
      return Fault{token.begin, token.begin, "name longer than " + byte_size_text(max_length) + " (--max-string-length)"};
    }
  }
  return std::nullopt;
}

}  // namespace

HclLoadResult load_hcl(const SourceFile& file, const Limits& limits) {
  HclLoadResult result;
  const auto fail = [&](uint32_t begin, uint32_t end, std::string message) {
    result.failure = Diagnostic{Level::error, Location::at_offset(file, begin, end), std::move(message)};
    return std::move(result);
  };
  if (std::optional<std::string> message = unsupported_encoding(file.text())) return fail(0, 0, std::move(*message));
  const HclTokens tokens = lex_hcl(file);
  if (std::optional<Fault> fault = overlong_token(tokens.tokens, limits.max_string_length)) {
    return fail(fault->begin, fault->end, std::move(fault->message));
  }
  auto tree = std::make_unique<HclFile>(file);
  Parser parser(file, tokens, *tree, limits.max_depth);
  if (std::optional<Fault> fault = parser.parse()) return fail(fault->begin, fault->end, std::move(fault->message));
  result.file = std::move(tree);
  return result;
}

}  // namespace sagelint
