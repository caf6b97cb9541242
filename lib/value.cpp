#include "sagelint/value.hpp"

namespace sagelint {

Value Value::of(const Tree& tree, NodeId node, bool incomplete) {
  if (node == kNoNode) return Value(&tree, kNoNode, kNoNode, incomplete ? State::unknown : State::absent, incomplete);
  const NodeKind kind = tree.node(node).kind;
  // JSON null is how plans and some exports write "not set".
  if (kind == NodeKind::null) return Value(&tree, kNoNode, node, State::absent, incomplete);
  if (kind == NodeKind::unknown) return Value(&tree, node, node, State::unknown, incomplete);
  return Value(&tree, node, node, State::present, incomplete);
}

NodeKind Value::kind() const {
  if (state_ == State::absent || node_ == kNoNode) return NodeKind::null;
  return tree_->node(node_).kind;
}

std::optional<std::string_view> Value::string() const {
  if (!is_present() || kind() != NodeKind::string) return std::nullopt;
  return tree_->string(node_);
}

std::optional<double> Value::number() const {
  if (!is_present() || kind() != NodeKind::number) return std::nullopt;
  return tree_->node(node_).number;
}

Value Value::operator[](std::string_view member) const {
  switch (state_) {
    case State::absent: return *this;  // absence propagates, keeping the anchor
    case State::unknown: return Value(tree_, kNoNode, anchor_, State::unknown, incomplete_);
    case State::present: break;
  }
  if (kind() != NodeKind::object) {
    // A member of something that is not an object cannot be known; the wrong type itself is
    // reported where the document is read.
    return Value(tree_, kNoNode, node_, State::unknown, incomplete_);
  }
  const NodeId child = tree_->member(node_, member);
  if (child == kNoNode) {
    return Value(tree_, kNoNode, node_, incomplete_ ? State::unknown : State::absent, incomplete_);
  }
  return of(*tree_, child, incomplete_);  // an explicit null is absent, anchored at itself
}

Value Value::get(std::initializer_list<std::string_view> path) const {
  Value at = *this;
  for (std::string_view member : path) at = at[member];
  return at;
}

std::vector<Value> Value::elements() const {
  std::vector<Value> out;
  if (!is_array()) return out;
  for (NodeId child : tree_->children(node_)) out.push_back(of(*tree_, child, incomplete_));
  return out;
}

std::optional<std::vector<std::string_view>> Value::strings() const {
  if (!is_array()) return std::nullopt;
  std::vector<std::string_view> out;
  for (NodeId child : tree_->children(node_)) {
    const Node& n = tree_->node(child);
    if (n.kind != NodeKind::string) return std::nullopt;
    out.push_back(tree_->string(child));
  }
  return out;
}

bool Value::contains_string(std::string_view text) const {
  if (!is_array()) return false;
  for (NodeId child : tree_->children(node_)) {
    if (tree_->node(child).kind == NodeKind::string && tree_->string(child) == text) return true;
  }
  return false;
}

Location Value::location() const {
  if (tree_ == nullptr) return {};
  const NodeId at = node_ != kNoNode ? node_ : anchor_;
  if (at == kNoNode) return Location{&tree_->file(), 0, 0, tree_, kNoNode};
  return Location::of(*tree_, at);
}

}  // namespace sagelint
