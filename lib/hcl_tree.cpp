#include "sagelint/hcl_tree.hpp"

namespace sagelint {

std::string_view to_string(HclKind kind) {
  switch (kind) {
    case HclKind::body: return "body";
    case HclKind::attribute: return "attribute";
    case HclKind::block: return "block";
    case HclKind::label: return "label";
    case HclKind::number: return "number";
    case HclKind::boolean: return "boolean";
    case HclKind::null: return "null";
    case HclKind::template_expression: return "template_expression";
    case HclKind::template_literal: return "template_literal";
    case HclKind::interpolation: return "interpolation";
    case HclKind::template_if: return "template_if";
    case HclKind::template_for: return "template_for";
    case HclKind::traversal: return "traversal";
    case HclKind::relative_traversal: return "relative_traversal";
    case HclKind::attribute_step: return "attribute_step";
    case HclKind::index_step: return "index_step";
    case HclKind::splat: return "splat";
    case HclKind::splat_element: return "splat_element";
    case HclKind::function_call: return "function_call";
    case HclKind::tuple: return "tuple";
    case HclKind::object: return "object";
    case HclKind::object_item: return "object_item";
    case HclKind::name: return "name";
    case HclKind::for_tuple: return "for_tuple";
    case HclKind::for_object: return "for_object";
    case HclKind::parentheses: return "parentheses";
    case HclKind::unary: return "unary";
    case HclKind::binary: return "binary";
    case HclKind::conditional: return "conditional";
  }
  return "unknown";
}

std::string_view to_string(HclOperator op) {
  switch (op) {
    case HclOperator::none: return "";
    case HclOperator::negate: return "-";
    case HclOperator::logical_not: return "!";
    case HclOperator::multiply: return "*";
    case HclOperator::divide: return "/";
    case HclOperator::modulo: return "%";
    case HclOperator::add: return "+";
    case HclOperator::subtract: return "-";
    case HclOperator::less: return "<";
    case HclOperator::less_or_equal: return "<=";
    case HclOperator::greater: return ">";
    case HclOperator::greater_or_equal: return ">=";
    case HclOperator::equal: return "==";
    case HclOperator::not_equal: return "!=";
    case HclOperator::logical_and: return "&&";
    case HclOperator::logical_or: return "||";
  }
  return "";
}

std::string_view HclFile::text(HclNodeId id) const {
  const HclNode& n = nodes_[id];
  const std::string_view all = n.has(kTextInSource) ? source_->text() : std::string_view(strings_);
  return all.substr(n.text.offset, n.text.length);
}

std::string_view HclFile::source_text(HclNodeId id) const {
  const HclNode& n = nodes_[id];
  return source_->text().substr(n.begin, n.end - n.begin);
}

HclNodeId HclFile::child(HclNodeId id, uint32_t index) const {
  HclNodeId at = nodes_[id].first_child;
  for (uint32_t i = 0; i < index && at != kNoHclNode; ++i) at = nodes_[at].next_sibling;
  return at;
}

HclNodeId HclFile::body(HclNodeId block) const {
  const HclNode& n = nodes_[block];
  return n.child_count == 0 ? kNoHclNode : child(block, n.child_count - 1);
}

std::vector<HclNodeId> HclFile::labels(HclNodeId block) const {
  std::vector<HclNodeId> labels;
  for (HclNodeId id : children(block)) {
    if (nodes_[id].kind == HclKind::label) labels.push_back(id);
  }
  return labels;
}

HclNodeId HclFile::attribute(HclNodeId body, std::string_view name) const {
  for (HclNodeId id : children(body)) {
    if (nodes_[id].kind == HclKind::attribute && text(id) == name) return id;
  }
  return kNoHclNode;
}

std::optional<std::string_view> HclFile::literal_string(HclNodeId expression) const {
  const HclNode& n = nodes_[expression];
  if (n.kind != HclKind::template_expression) return std::nullopt;
  if (n.child_count == 0) return std::string_view();
  if (n.child_count == 1 && nodes_[n.first_child].kind == HclKind::template_literal) return text(n.first_child);
  return std::nullopt;
}

HclNodeId HclFile::unwrap(HclNodeId expression) const {
  while (expression != kNoHclNode) {
    const HclNode& n = nodes_[expression];
    const bool lone_interpolation = n.kind == HclKind::template_expression && n.child_count == 1 &&
                                    nodes_[n.first_child].kind == HclKind::interpolation;
    if (n.kind != HclKind::parentheses && !lone_interpolation) break;
    expression = lone_interpolation ? nodes_[n.first_child].first_child : n.first_child;
  }
  return expression;
}

HclForParts HclFile::for_parts(HclNodeId for_node) const {
  const HclNode& n = nodes_[for_node];
  HclForParts parts;
  HclNodeId at = n.first_child;
  const auto next = [&] {
    const HclNodeId current = at;
    if (at != kNoHclNode) at = nodes_[at].next_sibling;
    return current;
  };
  if (n.has(kHasKeyName)) parts.key_name = next();
  parts.value_name = next();
  parts.collection = next();
  if (n.kind == HclKind::for_object) parts.key = next();
  parts.value = next();
  if (n.has(kHasCondition)) parts.condition = next();
  return parts;
}

}  // namespace sagelint
