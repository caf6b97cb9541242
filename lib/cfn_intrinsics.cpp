#include "sagelint/cfn_intrinsics.hpp"

#include <algorithm>
#include <charconv>

#include "sagelint/text.hpp"

namespace sagelint {
namespace {

constexpr std::string_view kNoValue = "AWS::NoValue";

void add_defaults(std::vector<NodeId>& into, const std::vector<NodeId>& more) {
  for (NodeId parameter : more) {
    if (std::find(into.begin(), into.end(), parameter) == into.end()) into.push_back(parameter);
  }
}

std::vector<std::string> split(std::string_view text, std::string_view delimiter) {
  std::vector<std::string> items;
  size_t at = 0;
  for (;;) {
    const size_t next = text.find(delimiter, at);
    items.emplace_back(text.substr(at, next == std::string_view::npos ? std::string_view::npos : next - at));
    if (next == std::string_view::npos) return items;
    at = next + delimiter.size();
  }
}

}  // namespace

IntrinsicEvaluator::IntrinsicEvaluator(const Tree& raw)
    : raw_(raw),
      parameters_(raw.member(raw.root(), "Parameters")),
      mappings_(raw.member(raw.root(), "Mappings")),
      // Text built by Fn::Sub, Fn::Join and branch comparison: generous for any template,
      // bounded for any input.
      budget_(64 * raw.file().text().size() + (1u << 20)) {}

bool IntrinsicEvaluator::spend(size_t bytes) {
  if (bytes > budget_) {
    budget_ = 0;
    return false;
  }
  budget_ -= bytes;
  return true;
}

std::optional<std::pair<std::string_view, NodeId>> IntrinsicEvaluator::function_of(NodeId node) const {
  const Node& n = raw_.node(node);
  if (n.kind != NodeKind::object || n.size != 1) return std::nullopt;
  const std::string_view name = raw_.key(n.first_child);
  if (name != "Ref" && !name.starts_with("Fn::")) return std::nullopt;
  return std::pair{name, n.first_child};
}

std::string_view IntrinsicEvaluator::referenced_logical_id(NodeId node, std::string_view* attribute) const {
  const auto function = function_of(node);
  if (!function) return {};
  const auto [name, argument] = *function;
  const Node& a = raw_.node(argument);
  if (name == "Ref") return a.kind == NodeKind::string ? raw_.string(argument) : std::string_view();
  if (name != "Fn::GetAtt") return {};
  std::string_view id, attr;
  if (a.kind == NodeKind::string) {
    const std::string_view text = raw_.string(argument);
    const size_t dot = text.find('.');
    if (dot == std::string_view::npos) return {};
    id = text.substr(0, dot);
    attr = text.substr(dot + 1);
  } else if (a.kind == NodeKind::array && a.size == 2) {
    const NodeId first = a.first_child;
    const NodeId second = raw_.node(first).next_sibling;
    if (raw_.node(first).kind != NodeKind::string || raw_.node(second).kind != NodeKind::string) return {};
    id = raw_.string(first);
    attr = raw_.string(second);
  } else {
    return {};
  }
  if (attribute) *attribute = attr;
  return id;
}

IntrinsicEvaluator::Resolved IntrinsicEvaluator::resolve(NodeId node) {
  const auto function = function_of(node);
  if (!function) return Resolved::written_at(node);
  return resolve_function(function->first, function->second);
}

bool IntrinsicEvaluator::is_no_value(NodeId node) {
  const auto function = function_of(node);
  if (!function) return false;
  return resolve_function(function->first, function->second).kind == Resolved::Kind::no_value;
}

IntrinsicEvaluator::Resolved IntrinsicEvaluator::resolve_function(std::string_view name, NodeId argument) {
  if (name == "Ref") return resolve_ref(argument);
  if (name == "Fn::Sub") return resolve_sub(argument);
  if (name == "Fn::Join") return resolve_join(argument);
  if (name == "Fn::Split") return resolve_split(argument);
  if (name == "Fn::Select") return resolve_select(argument);
  if (name == "Fn::FindInMap") return resolve_find_in_map(argument);
  if (name == "Fn::If") return resolve_if(argument);
  return {};  // Fn::GetAtt, Fn::ImportValue, Fn::GetAZs, Fn::Base64, …: known only once deployed
}

IntrinsicEvaluator::Resolved IntrinsicEvaluator::resolve_ref(NodeId argument) {
  if (raw_.node(argument).kind != NodeKind::string) return {};
  const std::string_view name = raw_.string(argument);
  if (name == kNoValue) return Resolved::of(Resolved::Kind::no_value);
  return resolve_parameter(name, false);
}

// A parameter's Default, when a deployment that passes no value would use it. Pseudo
// parameters (AWS::Region, …), resources and parameters without a Default are unknown, and
// so are SSM parameter types, whose Default names a parameter rather than giving a value.
IntrinsicEvaluator::Resolved IntrinsicEvaluator::resolve_parameter(std::string_view name, bool as_text) {
  const NodeId parameter = raw_.member(parameters_, name);
  if (parameter == kNoNode) return {};
  const NodeId type_node = raw_.member(parameter, "Type");
  const std::string_view type =
      type_node != kNoNode && raw_.node(type_node).kind == NodeKind::string ? raw_.string(type_node) : "String";
  if (type.starts_with("AWS::SSM::Parameter::Value")) return {};
  const NodeId fallback = raw_.member(parameter, "Default");
  if (fallback == kNoNode) return {};
  const Node& value = raw_.node(fallback);
  const bool is_list = type == "CommaDelimitedList" || type.starts_with("List<");
  if (is_list && !as_text) {
    Resolved list = Resolved::of(Resolved::Kind::list);
    list.defaults = {parameter};
    if (value.kind == NodeKind::array) {
      for (NodeId item : raw_.children(fallback)) {
        if (raw_.node(item).kind != NodeKind::string) return {};
        list.items.emplace_back(raw_.string(item));
      }
      return list;
    }
    if (value.kind != NodeKind::string) return {};
    for (const std::string& item : split(raw_.string(fallback), ",")) list.items.emplace_back(trim(item));
    return list;
  }
  if (is_list || value.kind == NodeKind::object || value.kind == NodeKind::array || value.kind == NodeKind::null) {
    return {};
  }
  return Resolved::written_at(fallback, {parameter});
}

std::optional<std::string> IntrinsicEvaluator::scalar_text(NodeId node) const {
  const Node& n = raw_.node(node);
  switch (n.kind) {
    case NodeKind::string: return std::string(raw_.string(node));
    case NodeKind::number: return number_as_text(n.number);
    case NodeKind::boolean: return n.boolean ? "true" : "false";
    default: return std::nullopt;
  }
}

std::optional<std::string> IntrinsicEvaluator::text_of(NodeId node, std::vector<NodeId>& defaults) {
  const Resolved r = resolve(node);
  std::optional<std::string> text;
  if (r.kind == Resolved::Kind::text) {
    text = r.text;
  } else if (r.kind == Resolved::Kind::literal) {
    text = scalar_text(r.node);
  }
  if (text) add_defaults(defaults, r.defaults);
  return text;
}

std::optional<std::vector<std::string>> IntrinsicEvaluator::list_of(NodeId node, std::vector<NodeId>& defaults) {
  const Resolved r = resolve(node);
  if (r.kind == Resolved::Kind::list) {
    add_defaults(defaults, r.defaults);
    return r.items;
  }
  if (r.kind != Resolved::Kind::literal || raw_.node(r.node).kind != NodeKind::array) return std::nullopt;
  std::vector<NodeId> used = r.defaults;
  std::vector<std::string> items;
  for (NodeId item : raw_.children(r.node)) {
    if (is_no_value(item)) continue;
    std::optional<std::string> text = text_of(item, used);
    if (!text) return std::nullopt;
    items.push_back(std::move(*text));
  }
  add_defaults(defaults, used);
  return items;
}

// Fn::Sub "text ${Name} ${!Literal}" or [text, {Name: value}].
IntrinsicEvaluator::Resolved IntrinsicEvaluator::resolve_sub(NodeId argument) {
  const Node& a = raw_.node(argument);
  NodeId template_node = argument;
  NodeId variables = kNoNode;
  if (a.kind == NodeKind::array) {
    if (a.size == 0 || a.size > 2) return {};
    template_node = a.first_child;
    if (a.size == 2) variables = raw_.node(template_node).next_sibling;
  }
  if (raw_.node(template_node).kind != NodeKind::string) return {};
  const std::string_view pattern = raw_.string(template_node);
  Resolved result = Resolved::of(Resolved::Kind::text);
  size_t at = 0;
  while (at < pattern.size()) {
    const size_t open = pattern.find("${", at);
    if (open == std::string_view::npos) break;
    const size_t close = pattern.find('}', open + 2);
    if (close == std::string_view::npos) break;
    result.text.append(pattern.substr(at, open - at));
    at = close + 1;
    const std::string_view name = trim(pattern.substr(open + 2, close - open - 2));
    if (name.starts_with('!')) {  // ${!Literal} is written as ${Literal}
      result.text += "${" + std::string(name.substr(1)) + "}";
      continue;
    }
    std::optional<std::string> value;
    if (const NodeId variable = raw_.member(variables, name); variable != kNoNode) {
      value = text_of(variable, result.defaults);
    } else if (Resolved parameter = resolve_parameter(name, true); parameter.kind == Resolved::Kind::literal) {
      value = scalar_text(parameter.node);
      add_defaults(result.defaults, parameter.defaults);
    }
    if (!value) return {};  // AWS::Region, Resource.Attribute, a parameter without a default, …
    result.text += *value;
  }
  result.text.append(pattern.substr(std::min(at, pattern.size())));
  if (!spend(result.text.size())) return {};
  return result;
}

// Fn::Join [delimiter, [values…]].
IntrinsicEvaluator::Resolved IntrinsicEvaluator::resolve_join(NodeId argument) {
  const Node& a = raw_.node(argument);
  if (a.kind != NodeKind::array || a.size != 2) return {};
  Resolved result = Resolved::of(Resolved::Kind::text);
  const std::optional<std::string> delimiter = text_of(a.first_child, result.defaults);
  const std::optional<std::vector<std::string>> items = list_of(raw_.node(a.first_child).next_sibling, result.defaults);
  if (!delimiter || !items) return {};
  for (size_t i = 0; i < items->size(); ++i) {
    if (i) result.text += *delimiter;
    result.text += (*items)[i];
  }
  if (!spend(result.text.size())) return {};
  return result;
}

// Fn::Split [delimiter, text].
IntrinsicEvaluator::Resolved IntrinsicEvaluator::resolve_split(NodeId argument) {
  const Node& a = raw_.node(argument);
  if (a.kind != NodeKind::array || a.size != 2) return {};
  Resolved result = Resolved::of(Resolved::Kind::list);
  const std::optional<std::string> delimiter = text_of(a.first_child, result.defaults);
  const std::optional<std::string> text = text_of(raw_.node(a.first_child).next_sibling, result.defaults);
  if (!delimiter || !text || delimiter->empty()) return {};
  result.items = split(*text, *delimiter);
  if (!spend(text->size())) return {};
  return result;
}

// Fn::Select [index, list].
IntrinsicEvaluator::Resolved IntrinsicEvaluator::resolve_select(NodeId argument) {
  const Node& a = raw_.node(argument);
  if (a.kind != NodeKind::array || a.size != 2) return {};
  std::vector<NodeId> defaults;
  const std::optional<std::string> index_text = text_of(a.first_child, defaults);
  if (!index_text) return {};
  size_t index = 0;
  const auto [end, error] = std::from_chars(index_text->data(), index_text->data() + index_text->size(), index);
  if (error != std::errc() || end != index_text->data() + index_text->size()) return {};
  const NodeId list = raw_.node(a.first_child).next_sibling;
  Resolved from = resolve(list);
  add_defaults(defaults, from.defaults);
  if (from.kind == Resolved::Kind::list) {
    if (index >= from.items.size()) return {};
    Resolved selected = Resolved::of(Resolved::Kind::text);
    selected.text = from.items[index];
    selected.defaults = std::move(defaults);
    return selected;
  }
  if (from.kind != Resolved::Kind::literal || raw_.node(from.node).kind != NodeKind::array) return {};
  const NodeId item = raw_.element(from.node, static_cast<uint32_t>(index));
  if (item == kNoNode) return {};
  Resolved selected = resolve(item);
  add_defaults(selected.defaults, defaults);
  return selected;
}

// Fn::FindInMap [map, top-level key, second-level key]: mappings are fixed in the template.
IntrinsicEvaluator::Resolved IntrinsicEvaluator::resolve_find_in_map(NodeId argument) {
  const Node& a = raw_.node(argument);
  if (a.kind != NodeKind::array || a.size < 3) return {};
  std::vector<NodeId> defaults;
  NodeId at = mappings_;
  NodeId key = a.first_child;
  for (int level = 0; level < 3; ++level, key = raw_.node(key).next_sibling) {
    const std::optional<std::string> name = text_of(key, defaults);
    if (!name) return {};
    at = raw_.member(at, *name);
    if (at == kNoNode) return {};
  }
  Resolved found = resolve(at);
  add_defaults(found.defaults, defaults);
  return found;
}

// Fn::If [condition, value if true, value if false]: known when both branches agree.
IntrinsicEvaluator::Resolved IntrinsicEvaluator::resolve_if(NodeId argument) {
  const Node& a = raw_.node(argument);
  if (a.kind != NodeKind::array || a.size != 3) return {};
  const NodeId when_true = raw_.node(a.first_child).next_sibling;
  const NodeId when_false = raw_.node(when_true).next_sibling;
  const std::optional<std::string>& first = canonical(when_true);
  if (!first) return {};
  const std::optional<std::string>& second = canonical(when_false);
  if (!second || *first != *second) return {};
  return resolve(when_true);
}

const std::optional<std::string>& IntrinsicEvaluator::canonical(NodeId node) {
  if (const auto it = canonical_.find(node); it != canonical_.end()) return it->second;
  std::optional<std::string> text;
  const Resolved r = resolve(node);
  switch (r.kind) {
    case Resolved::Kind::unknown:
      break;
    case Resolved::Kind::no_value:
      text = "-";
      break;
    case Resolved::Kind::text:
      text = "s" + std::to_string(r.text.size()) + ":" + r.text;
      break;
    case Resolved::Kind::list:
      text = "[";
      for (const std::string& item : r.items) *text += "s" + std::to_string(item.size()) + ":" + item + ",";
      *text += "]";
      break;
    case Resolved::Kind::literal:
      text = canonical_literal(r.node);
      break;
  }
  if (text && !spend(text->size())) text.reset();
  // Members of unordered_map keep their address when it grows.
  return canonical_.emplace(node, std::move(text)).first->second;
}

std::optional<std::string> IntrinsicEvaluator::canonical_literal(NodeId node) {
  const Node& n = raw_.node(node);
  switch (n.kind) {
    case NodeKind::null: return "z";
    case NodeKind::boolean: return n.boolean ? "t" : "f";
    case NodeKind::number: return "n" + number_as_text(n.number);
    case NodeKind::string: {
      const std::string_view text = raw_.string(node);
      return "s" + std::to_string(text.size()) + ":" + std::string(text);
    }
    case NodeKind::unknown: return std::nullopt;
    case NodeKind::object:
    case NodeKind::array: break;
  }
  // Members in name order: an object's members have no order in a template.
  std::vector<std::pair<std::string_view, NodeId>> members;
  for (NodeId child : raw_.children(node)) members.emplace_back(n.kind == NodeKind::object ? raw_.key(child) : "", child);
  if (n.kind == NodeKind::object) std::sort(members.begin(), members.end());
  std::string text(n.kind == NodeKind::object ? "{" : "[");
  for (const auto& [name, child] : members) {
    const std::optional<std::string>& value = canonical(child);
    if (!value) return std::nullopt;
    if (*value == "-") continue;  // AWS::NoValue: the member is not there
    text += std::to_string(name.size()) + ":" + std::string(name) + "=" + *value + ",";
  }
  text += n.kind == NodeKind::object ? "}" : "]";
  return text;
}

std::string IntrinsicEvaluator::derivation(const std::vector<NodeId>& defaults) const {
  std::string names;
  for (size_t i = 0; i < defaults.size(); ++i) {
    if (i) names += i + 1 == defaults.size() ? " and " : ", ";
    const Node& parameter = raw_.node(defaults[i]);
    names += quoted(raw_.key(defaults[i])) + " (line " +
             std::to_string(raw_.file().position(parameter.key_begin).line) + ")";
  }
  return "the Default of template " + std::string(defaults.size() == 1 ? "parameter " : "parameters ") + names;
}

void IntrinsicEvaluator::append(NodeId node, TreeBuilder& builder) {
  const Resolved r = resolve(node);
  if (r.kind == Resolved::Kind::no_value) return;  // resolved once: the member goes with its value
  const Node& n = raw_.node(node);
  if (n.has_key) builder.key(raw_.key(node), n.key_begin, n.key_end);
  NodeId appended = kNoNode;
  switch (r.kind) {
    case Resolved::Kind::no_value:
      return;
    case Resolved::Kind::unknown:
      appended = builder.scalar(NodeKind::unknown, n.begin, n.end);
      break;
    case Resolved::Kind::text:
      appended = builder.string(r.text, n.begin, n.end);
      break;
    case Resolved::Kind::list:
      appended = builder.open(NodeKind::array, n.begin);
      for (const std::string& item : r.items) builder.string(item, n.begin, n.end);
      builder.close(n.end);
      break;
    case Resolved::Kind::literal:
      appended = append_literal(r.node, n.begin, n.end, builder);
      break;
  }
  if (!r.defaults.empty()) builder.derive(appended, derivation(r.defaults));
}

// Appends raw node `node` with the span [begin, end) (its own, or that of the function it is
// the value of), its members and elements evaluated.
NodeId IntrinsicEvaluator::append_literal(NodeId node, uint32_t begin, uint32_t end, TreeBuilder& builder) {
  const Node& n = raw_.node(node);
  switch (n.kind) {
    case NodeKind::string: return builder.string(raw_.string(node), begin, end);
    case NodeKind::number: return builder.number(n.number, n.is_integer, begin, end);
    case NodeKind::boolean: return builder.boolean(n.boolean, begin, end);
    case NodeKind::null:
    case NodeKind::unknown: return builder.scalar(n.kind, begin, end);
    case NodeKind::object:
    case NodeKind::array: break;
  }
  const NodeId container = builder.open(n.kind, begin);
  for (NodeId child : raw_.children(node)) append(child, builder);
  builder.close(end);
  return container;
}

}  // namespace sagelint
