#include "sagelint/location.hpp"

namespace sagelint {

Location Location::of(const Tree& tree, NodeId node) {
  const Node& n = tree.node(node);
  Location at{&tree.file(), n.begin, n.end, &tree, node};
  if (n.kind == NodeKind::object || n.kind == NodeKind::array) {
    if (n.has_key) {
      at.begin = n.key_begin;
      at.end = n.key_end;
    } else {
      at.end = n.begin + 1;
    }
  }
  return at;
}

Location Location::key_of(const Tree& tree, NodeId node) {
  const Node& n = tree.node(node);
  if (!n.has_key) return of(tree, node);
  return Location{&tree.file(), n.key_begin, n.key_end, &tree, node};
}

Location Location::at_offset(const SourceFile& file, uint32_t begin, uint32_t end) {
  return Location{&file, begin, end, nullptr, kNoNode};
}

std::string_view to_string(Level level) {
  switch (level) {
    case Level::note: return "note";
    case Level::warning: return "warning";
    case Level::error: return "error";
  }
  return "error";
}

}  // namespace sagelint
