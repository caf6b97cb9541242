#include "sagelint/shape_check.hpp"

#include <cmath>
#include <string>

namespace sagelint {
namespace {

std::string_view expected_kind(aws::ShapeType type) {
  switch (type) {
    case aws::ShapeType::structure: return "an object";
    case aws::ShapeType::list: return "an array";
    case aws::ShapeType::string: return "a string";
    case aws::ShapeType::integer:
    case aws::ShapeType::long_: return "an integer";
    case aws::ShapeType::boolean: return "a boolean";
    case aws::ShapeType::timestamp: return "a timestamp";
  }
  return "a value";
}

bool matches(const Node& node, aws::ShapeType type) {
  switch (type) {
    case aws::ShapeType::structure: return node.kind == NodeKind::object;
    case aws::ShapeType::list: return node.kind == NodeKind::array;
    case aws::ShapeType::string: return node.kind == NodeKind::string;
    case aws::ShapeType::integer:
    case aws::ShapeType::long_: return node.kind == NodeKind::number && std::trunc(node.number) == node.number;
    case aws::ShapeType::boolean: return node.kind == NodeKind::boolean;
    case aws::ShapeType::timestamp: return true;
  }
  return true;
}

std::string describe_place(const Tree& tree, NodeId id) {
  const Node& node = tree.node(id);
  if (node.has_key) return "'" + std::string(tree.key(id)) + "'";
  if (node.parent != kNoNode && tree.node(node.parent).has_key) {
    return "element " + std::to_string(node.index) + " of '" + std::string(tree.key(node.parent)) + "'";
  }
  return "the document";
}

}  // namespace

void check_shape(const Tree& tree, NodeId id, const aws::Shape& shape, std::vector<Diagnostic>& problems) {
  const Node& node = tree.node(id);
  if (node.kind == NodeKind::null || node.kind == NodeKind::unknown) return;
  if (!matches(node, shape.type)) {
    std::string message = "expected ";
    message.append(expected_kind(shape.type)).append(" for ").append(describe_place(tree, id));
    message.append(", found ").append(to_string(node.kind));
    problems.push_back(Diagnostic{Level::error, Location::of(tree, id), std::move(message)});
    return;
  }
  if (shape.type == aws::ShapeType::structure) {
    for (NodeId child : tree.children(id)) {
      if (const aws::Shape* member = aws::member_shape(shape, tree.key(child))) {
        check_shape(tree, child, *member, problems);
      }
    }
  } else if (shape.type == aws::ShapeType::list) {
    if (const aws::Shape* element = aws::element_shape(shape)) {
      for (NodeId child : tree.children(id)) check_shape(tree, child, *element, problems);
    }
  }
}

}  // namespace sagelint
