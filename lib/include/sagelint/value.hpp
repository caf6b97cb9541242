// A view of one setting of a resource, as rules see it: present with a known value, present
// but not knowable statically (an unresolved template expression, a field a summary export
// leaves out), or absent. Unknown is not false: rules never report what they cannot know.
#pragma once

#include <initializer_list>
#include <optional>
#include <string_view>
#include <vector>

#include "sagelint/location.hpp"
#include "sagelint/tree.hpp"

namespace sagelint {

class Value {
 public:
  Value() = default;  // absent, and nowhere
  // `incomplete` marks a document that omits fields it would otherwise carry (a list-*
  // summary): its missing members are unknown rather than absent.
  static Value of(const Tree& tree, NodeId node, bool incomplete = false);

  bool is_absent() const { return state_ == State::absent; }
  bool is_unknown() const { return state_ == State::unknown; }
  bool is_present() const { return state_ == State::present; }
  NodeKind kind() const;

  // Typed reads; empty when absent, unknown or of another type (a wrong type is reported once,
  // as an input problem, not by every rule that reads the value).
  std::optional<std::string_view> string() const;
  std::optional<double> number() const;
  bool is_object() const { return kind() == NodeKind::object && is_present(); }
  bool is_array() const { return kind() == NodeKind::array && is_present(); }

  // The same place, but not knowable (a value whose source is not among the inputs).
  Value as_unknown() const { return Value(tree_, node(), anchor_, State::unknown, incomplete_); }

  Value operator[](std::string_view member) const;
  Value get(std::initializer_list<std::string_view> path) const;
  std::vector<Value> elements() const;
  // A list of strings, or empty when the list is absent, unknown, or holds anything that is
  // not a known string.
  std::optional<std::vector<std::string_view>> strings() const;
  bool contains_string(std::string_view text) const;

  // Where a rule points: the node itself, or when absent the nearest enclosing node that
  // exists (the object the missing member belongs in).
  Location location() const;
  const Tree* tree() const { return tree_; }
  NodeId node() const { return state_ == State::present || state_ == State::unknown ? node_ : kNoNode; }
  NodeId anchor() const { return anchor_; }

 private:
  enum class State : uint8_t { absent, unknown, present };
  Value(const Tree* tree, NodeId node, NodeId anchor, State state, bool incomplete)
      : tree_(tree), node_(node), anchor_(anchor), state_(state), incomplete_(incomplete) {}

  const Tree* tree_ = nullptr;
  NodeId node_ = kNoNode;    // the value's node (present, or unknown because it is an expression)
  NodeId anchor_ = kNoNode;  // the nearest node that exists, for locations
  State state_ = State::absent;
  bool incomplete_ = false;
};

}  // namespace sagelint
