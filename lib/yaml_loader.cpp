#include "sagelint/yaml_loader.hpp"

#include <yaml.h>

#include <charconv>
#include <limits>
#include <string>
#include <unordered_map>

#include "sagelint/text.hpp"

namespace sagelint {
namespace {

// libyaml counts positions in characters (after the byte-order mark); the tree counts bytes.
class CharacterOffsets {
 public:
  CharacterOffsets(std::string_view text, uint32_t start) : start_(start), size_(static_cast<uint32_t>(text.size())) {
    bool ascii = true;
    for (size_t i = start; i < text.size() && ascii; ++i) ascii = static_cast<unsigned char>(text[i]) < 0x80;
    if (ascii) return;
    offsets_.reserve(text.size() - start);
    for (size_t i = start; i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets_.push_back(static_cast<uint32_t>(i));
    }
  }

  uint32_t byte_offset(size_t character) const {
    if (offsets_.empty()) return static_cast<uint32_t>(std::min<size_t>(start_ + character, size_));
    return character < offsets_.size() ? offsets_[character] : size_;
  }

 private:
  uint32_t start_;
  uint32_t size_;
  std::vector<uint32_t> offsets_;  // empty for ASCII text, where characters are bytes
};

// Owns a libyaml parser or event for the scope of a block.
struct Parser {
  yaml_parser_t parser;
  Parser() { yaml_parser_initialize(&parser); }
  ~Parser() { yaml_parser_delete(&parser); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};

struct Event {
  yaml_event_t event{};
  ~Event() { yaml_event_delete(&event); }
  Event() = default;
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;
};

struct Fault {
  uint32_t offset;
  std::string message;
};

bool is_one_of(std::string_view text, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words) {
    if (text == word) return true;
  }
  return false;
}

// YAML 1.1 integers and floats as PyYAML resolves them (no sexagesimal forms: a template
// that writes 1:30 means the string).
std::optional<std::pair<double, bool>> plain_number(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::string digits;
  digits.reserve(text.size());
  for (char c : text) {
    if (c != '_') digits += c;
  }
  std::string_view body = digits;
  bool negative = false;
  if (body.front() == '-' || body.front() == '+') {
    negative = body.front() == '-';
    body.remove_prefix(1);
  }
  if (body.empty()) return std::nullopt;
  const auto whole = [&](int base, std::string_view number) -> std::optional<std::pair<double, bool>> {
    unsigned long long value = 0;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value, base);
    if (error != std::errc() || end != number.data() + number.size() || number.empty()) return std::nullopt;
    const double magnitude = static_cast<double>(value);
    return std::pair{negative ? -magnitude : magnitude, true};
  };
  if (body.starts_with("0x")) return whole(16, body.substr(2));
  if (body.starts_with("0b")) return whole(2, body.substr(2));
  if (body.size() > 1 && body.front() == '0' && body.find_first_not_of("01234567") == std::string_view::npos) {
    return whole(8, body.substr(1));
  }
  if (body.find_first_not_of("0123456789") == std::string_view::npos) return whole(10, body);
  if (is_one_of(body, {".inf", ".Inf", ".INF"})) {
    return std::pair{negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity(), false};
  }
  if (text == ".nan" || text == ".NaN" || text == ".NAN") return std::pair{std::numeric_limits<double>::quiet_NaN(), false};
  // [0-9]*.[0-9]*([eE][-+][0-9]+)? with at least one digit before the exponent.
  const size_t dot = body.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const size_t exponent = body.find_first_of("eE");
  const std::string_view mantissa = body.substr(0, exponent);
  if (mantissa.find_first_not_of("0123456789.") != std::string_view::npos || mantissa.find('.', dot + 1) != std::string_view::npos ||
      mantissa.size() == 1) {
    return std::nullopt;
  }
  if (exponent != std::string_view::npos) {
    const std::string_view power = body.substr(exponent + 1);
    if (power.size() < 2 || (power[0] != '+' && power[0] != '-') ||
        power.substr(1).find_first_not_of("0123456789") != std::string_view::npos) {
      return std::nullopt;
    }
  }
  double value = 0;
  const auto [end, error] = std::from_chars(body.data(), body.data() + body.size(), value);
  if (error != std::errc() || end != body.data() + body.size()) return std::nullopt;
  return std::pair{negative ? -value : value, false};
}

// The long-form name of a CloudFormation short-form tag: "!Ref" is "Ref", "!Sub" "Fn::Sub".
std::string intrinsic_name(std::string_view tag) {
  const std::string_view name = tag.substr(1);
  if (name == "Ref" || name == "Condition") return std::string(name);
  return "Fn::" + std::string(name);
}

constexpr std::string_view kStandardTagPrefix = "tag:yaml.org,2002:";

class Loader {
 public:
  Loader(const SourceFile& file, Tree& tree, const Limits& limits)
      : text_(file.text()),
        characters_(text_, file.has_utf8_bom() ? 3 : 0),
        builder_(tree),
        tree_(tree),
        limits_(limits),
        // Every value written in the file takes at least one byte; copies of anchors may add
        // as many values again, and as many bytes of text the tree has to store, and no more.
        copy_budget_(text_.size() + 1024) {}

  std::optional<Fault> run() {
    Parser p;
    yaml_parser_set_input_string(&p.parser, reinterpret_cast<const unsigned char*>(text_.data()), text_.size());
    bool have_document = false;
    for (;;) {
      Event e;
      if (!yaml_parser_parse(&p.parser, &e.event)) return parser_fault(p.parser);
      const yaml_event_t& event = e.event;
      switch (event.type) {
        case YAML_STREAM_END_EVENT:
          if (!have_document) return Fault{offset(event.start_mark), "the file holds no YAML document"};
          return std::nullopt;
        case YAML_DOCUMENT_START_EVENT:
          if (have_document) {
            return Fault{offset(event.start_mark), "a second YAML document starts here; a template is one document"};
          }
          have_document = true;
          break;
        case YAML_SCALAR_EVENT:
          if (auto fault = scalar(event)) return fault;
          break;
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
          if (auto fault = open(event)) return fault;
          break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          close(event);
          break;
        case YAML_ALIAS_EVENT:
          if (auto fault = alias(event)) return fault;
          break;
        default:
          break;
      }
    }
  }

  const std::vector<DuplicateKey>& duplicate_keys() const { return builder_.duplicate_keys(); }

 private:
  struct Frame {
    NodeId node;
    bool mapping;
    bool flow;
    bool expecting_key;
    bool tagged;         // a short-form tag's object wraps the container and closes with it
    std::string anchor;  // registered when the container closes, so that it cannot alias itself
  };

  uint32_t offset(const yaml_mark_t& mark) const { return characters_.byte_offset(mark.index); }

  std::optional<Fault> parser_fault(const yaml_parser_t& parser) const {
    std::string message = "invalid YAML: ";
    message += parser.problem ? parser.problem : "cannot parse the file";
    if (parser.context) {
      const Position at = tree_.file().position(offset(parser.context_mark));
      message += " (" + std::string(parser.context) + " at line " + std::to_string(at.line) + ", column " +
                 std::to_string(at.column) + ")";
    }
    return Fault{offset(parser.problem_mark), std::move(message)};
  }

  static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
  // The first position from `at` (before `end`) that is not part of a token, or of blanks.
  uint32_t skip_token(uint32_t at, uint32_t end) const {
    while (at < end && !is_blank(text_[at])) ++at;
    return at;
  }
  uint32_t skip_blanks(uint32_t at, uint32_t end) const {
    while (at < end && is_blank(text_[at])) ++at;
    return at;
  }

  // Where a node's value starts: after its anchor and tag, which the event's span includes.
  uint32_t value_begin(uint32_t begin, uint32_t end) const {
    uint32_t at = begin;
    while (at < end && (text_[at] == '!' || text_[at] == '&')) {
      at = skip_blanks(skip_token(at, end), end);
      if (at < end && text_[at] == '#') {  // a comment between the tag and a block below it
        while (at < end && text_[at] != '\n' && text_[at] != '\r') ++at;
        at = skip_blanks(at, end);
      }
    }
    return at;
  }

  // The span of a tag within a node's properties, for the member name of its object.
  std::pair<uint32_t, uint32_t> tag_span(uint32_t begin, uint32_t value) const {
    uint32_t at = begin;
    while (at < value && text_[at] != '!') at = skip_blanks(skip_token(at, value), value);
    return {at, skip_token(at, value)};
  }

  // Before a value: a mapping expecting a key takes a scalar as its next member name, and
  // `consumed` says so; anything else in a key's place is a fault.
  std::optional<Fault> take_key(const yaml_event_t& event, bool& consumed) {
    consumed = false;
    if (frames_.empty() || !frames_.back().mapping || !frames_.back().expecting_key) return std::nullopt;
    const uint32_t begin = offset(event.start_mark);
    if (event.type != YAML_SCALAR_EVENT) {
      return Fault{begin, "a mapping key must be a string; found " +
                              std::string(event.type == YAML_ALIAS_EVENT ? "an alias" : "a collection")};
    }
    const auto& s = event.data.scalar;
    if (auto fault = check_length(s.length, begin, true)) return fault;
    const std::string_view name(reinterpret_cast<const char*>(s.value), s.length);
    const uint32_t end = scalar_end(event);
    builder_.key(in_source(name, begin, end, s.style), begin, end);
    frames_.back().expecting_key = false;
    consumed = true;
    return std::nullopt;
  }

  void value_done() {
    if (!frames_.empty() && frames_.back().mapping) frames_.back().expecting_key = true;
  }

  uint32_t scalar_end(const yaml_event_t& event) const {
    uint32_t end = offset(event.end_mark);
    const auto style = event.data.scalar.style;
    if (style == YAML_LITERAL_SCALAR_STYLE || style == YAML_FOLDED_SCALAR_STYLE) {
      // A block scalar's event ends after its trailing line breaks and blank lines.
      const uint32_t begin = offset(event.start_mark);
      while (end > begin + 1 && (text_[end - 1] == '\n' || text_[end - 1] == '\r' || text_[end - 1] == ' ')) --end;
    }
    return end;
  }

  // The decoded text as a view into the source when the token is exactly its text, so that
  // the tree points at it rather than copying it.
  std::string_view in_source(std::string_view decoded, uint32_t begin, uint32_t end, yaml_scalar_style_t style) const {
    const std::string_view token = text_.substr(begin, end - begin);
    if (style == YAML_PLAIN_SCALAR_STYLE && token == decoded) return token;
    if ((style == YAML_SINGLE_QUOTED_SCALAR_STYLE || style == YAML_DOUBLE_QUOTED_SCALAR_STYLE) && token.size() >= 2 &&
        token.substr(1, token.size() - 2) == decoded) {
      return token.substr(1, token.size() - 2);
    }
    return decoded;
  }

  std::optional<Fault> check_depth(uint32_t at) const {
    if (builder_.depth() < limits_.max_depth) return std::nullopt;
    return Fault{at, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels (--max-depth)"};
  }

  std::optional<Fault> check_length(size_t length, uint32_t at, bool key) const {
    if (length <= limits_.max_string_length) return std::nullopt;
    return Fault{at, std::string(key ? "mapping key" : "string") + " longer than " +
                         byte_size_text(limits_.max_string_length) + " (--max-string-length)"};
  }

  // Opens the object a short-form tag stands for, setting `tagged`; standard tags (`!!str`)
  // open nothing.
  std::optional<Fault> open_tag(const yaml_char_t* tag_text, uint32_t begin, uint32_t value, bool& tagged) {
    tagged = false;
    if (tag_text == nullptr) return std::nullopt;
    const std::string_view tag(reinterpret_cast<const char*>(tag_text));
    if (tag.size() < 2 || tag[0] != '!' || tag[1] == '!') return std::nullopt;
    if (auto fault = check_depth(begin)) return fault;
    builder_.open(NodeKind::object, begin);
    const auto [tag_begin, tag_end] = tag_span(begin, value);
    builder_.key(intrinsic_name(tag), tag_begin, tag_end);
    tagged = true;
    return std::nullopt;
  }

  void remember_anchor(const yaml_char_t* anchor, NodeId node) {
    if (anchor != nullptr) anchors_[reinterpret_cast<const char*>(anchor)] = node;
  }

  std::optional<Fault> scalar(const yaml_event_t& event) {
    bool consumed = false;
    if (auto fault = take_key(event, consumed)) return fault;
    if (consumed) return std::nullopt;
    const auto& s = event.data.scalar;
    const uint32_t begin = offset(event.start_mark);
    if (auto fault = check_length(s.length, begin, false)) return fault;
    const uint32_t end = scalar_end(event);
    const uint32_t value = s.tag || s.anchor ? value_begin(begin, end) : begin;
    const auto outer = static_cast<NodeId>(tree_.node_count());  // the tag's object, if any, else the scalar
    bool tagged = false;
    if (auto fault = open_tag(s.tag, begin, value, tagged)) return fault;
    const std::string_view decoded(reinterpret_cast<const char*>(s.value), s.length);
    const std::string_view tag = s.tag ? std::string_view(reinterpret_cast<const char*>(s.tag)) : std::string_view();
    const bool resolve = (s.plain_implicit && s.style == YAML_PLAIN_SCALAR_STYLE && tag.empty()) ||
                         (tag.starts_with(kStandardTagPrefix) && tag != "tag:yaml.org,2002:str");
    append_scalar(decoded, value, end, s.style, resolve);
    if (tagged) builder_.close(end);
    remember_anchor(s.anchor, outer);
    value_done();
    return std::nullopt;
  }

  void append_scalar(std::string_view decoded, uint32_t begin, uint32_t end, yaml_scalar_style_t style, bool resolve) {
    if (resolve) {
      if (is_one_of(decoded, {"", "~", "null", "Null", "NULL"})) {
        builder_.scalar(NodeKind::null, begin, end);
        return;
      }
      if (is_one_of(decoded, {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"})) {
        builder_.boolean(true, begin, end);
        return;
      }
      if (is_one_of(decoded, {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"})) {
        builder_.boolean(false, begin, end);
        return;
      }
      if (const auto number = plain_number(decoded)) {
        builder_.number(number->first, number->second, begin, end);
        return;
      }
    }
    builder_.string(in_source(decoded, begin, end, style), begin, end);
  }

  std::optional<Fault> open(const yaml_event_t& event) {
    bool consumed = false;
    if (auto fault = take_key(event, consumed)) return fault;
    const bool mapping = event.type == YAML_MAPPING_START_EVENT;
    const yaml_char_t* tag = mapping ? event.data.mapping_start.tag : event.data.sequence_start.tag;
    const yaml_char_t* anchor = mapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor;
    const bool flow = mapping ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                              : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
    const uint32_t begin = offset(event.start_mark);
    const uint32_t value = tag || anchor ? value_begin(begin, static_cast<uint32_t>(text_.size())) : begin;
    bool tagged = false;
    if (auto fault = open_tag(tag, begin, value, tagged)) return fault;
    if (auto fault = check_depth(value)) return fault;
    const NodeId node = builder_.open(mapping ? NodeKind::object : NodeKind::array, value);
    frames_.push_back(Frame{node, mapping, flow, mapping, tagged,
                            anchor ? std::string(reinterpret_cast<const char*>(anchor)) : std::string()});
    return std::nullopt;
  }

  void close(const yaml_event_t& event) {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    // A block collection's event ends where the next token starts, after blank lines and
    // comments; its last value is where it ends for a reader.
    uint32_t end = offset(event.end_mark);
    if (!frame.flow) {
      const Node& container = tree_.node(frame.node);
      end = container.size == 0 ? end : last_end(frame.node);
    }
    builder_.close(end);
    NodeId outer = frame.node;
    if (frame.tagged) {
      outer = tree_.node(frame.node).parent;
      builder_.close(end);
    }
    if (!frame.anchor.empty()) anchors_[frame.anchor] = outer;
    value_done();
  }

  uint32_t last_end(NodeId container) const {
    NodeId last = kNoNode;
    for (NodeId child : tree_.children(container)) last = child;
    return tree_.node(last).end;
  }

  std::optional<Fault> alias(const yaml_event_t& event) {
    bool consumed = false;
    if (auto fault = take_key(event, consumed)) return fault;
    const uint32_t begin = offset(event.start_mark);
    const std::string name(reinterpret_cast<const char*>(event.data.alias.anchor));
    const auto it = anchors_.find(name);
    if (it == anchors_.end()) {
      for (const Frame& frame : frames_) {
        if (frame.anchor == name) return Fault{begin, "alias *" + name + " refers to a value that contains it"};
      }
      return Fault{begin, "alias *" + name + " refers to no anchor &" + name + " before it"};
    }
    if (auto fault = copy(it->second, begin)) return fault;
    value_done();
    return std::nullopt;
  }

  bool in_source(std::string_view text) const {
    const auto at = reinterpret_cast<uintptr_t>(text.data());
    const auto source = reinterpret_cast<uintptr_t>(text_.data());
    return at >= source && at + text.size() <= source + text_.size();
  }

  // Text of the tree that stays where it is while the tree grows: text in the source file as
  // it is, text in the tree's own store copied aside first.
  std::string_view stable(std::string_view text) {
    if (in_source(text)) return text;
    scratch_.assign(text);
    return scratch_;
  }

  // Takes one value and the bytes of text it adds to the tree's store from the budget: text
  // with escapes is stored once per copy, so an alias of a long escaped string must cost its
  // length, or a few bytes of aliases could fill memory.
  bool charge(std::string_view text) {
    const size_t cost = 1 + (in_source(text) ? 0 : text.size());
    if (cost > copy_budget_) return false;
    copy_budget_ -= cost;
    return true;
  }

  // Appends a copy of `source` (already complete) at the builder's position.
  std::optional<Fault> copy(NodeId source, uint32_t at) {
    const Node node = tree_.node(source);  // a copy: appending may move the nodes
    const std::string_view key = node.has_key ? tree_.key(source) : std::string_view();
    const std::string_view text = node.kind == NodeKind::string ? tree_.string(source) : std::string_view();
    if (!charge(key) || !charge(text)) {
      return Fault{at, "YAML aliases expand to more values or text than the file has bytes; sagelint does not "
                       "expand them further"};
    }
    switch (node.kind) {
      case NodeKind::string:
        builder_.string(stable(text), node.begin, node.end);
        return std::nullopt;
      case NodeKind::number:
        builder_.number(node.number, node.is_integer, node.begin, node.end);
        return std::nullopt;
      case NodeKind::boolean:
        builder_.boolean(node.boolean, node.begin, node.end);
        return std::nullopt;
      case NodeKind::object:
      case NodeKind::array:
        break;
      default:
        builder_.scalar(node.kind, node.begin, node.end);
        return std::nullopt;
    }
    if (auto fault = check_depth(at)) return fault;
    builder_.open(node.kind, node.begin);
    for (NodeId child = node.first_child; child != kNoNode; child = tree_.node(child).next_sibling) {
      const Node member = tree_.node(child);
      if (member.has_key) builder_.key(stable(tree_.key(child)), member.key_begin, member.key_end);
      if (auto fault = copy(child, at)) return fault;
    }
    builder_.close(node.end);
    return std::nullopt;
  }

  std::string_view text_;
  CharacterOffsets characters_;
  TreeBuilder builder_;
  const Tree& tree_;
  const Limits& limits_;
  std::vector<Frame> frames_;
  std::unordered_map<std::string, NodeId> anchors_;
  size_t copy_budget_;
  std::string scratch_;
};

}  // namespace

LoadResult load_yaml(const SourceFile& file, const Limits& limits) {
  LoadResult result;
  const std::string_view text = file.text();
  const auto fail = [&](uint32_t offset, std::string message) {
    const auto end = static_cast<uint32_t>(offset + utf8_character_at(text, offset).size());
    result.failure = Diagnostic{Level::error, Location::at_offset(file, offset, end), std::move(message)};
    result.tree.reset();
    return std::move(result);
  };
  if (text.empty()) return fail(0, "the file is empty; expected a YAML document");
  if (auto message = unsupported_encoding(text)) return fail(0, std::move(*message));
  if (const size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return fail(static_cast<uint32_t>(nul), "unexpected NUL byte");
  }
  result.tree = std::make_unique<Tree>(file);
  Loader loader(file, *result.tree, limits);
  if (std::optional<Fault> fault = loader.run()) return fail(fault->offset, std::move(fault->message));
  result.duplicate_keys = loader.duplicate_keys();
  return result;
}

}  // namespace sagelint
