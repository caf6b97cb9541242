#include "sagelint/tree.hpp"

#include "sagelint/huge_pages.hpp"

#include <algorithm>
#include <charconv>

namespace sagelint {

std::string_view to_string(NodeKind kind) {
  switch (kind) {
    case NodeKind::null: return "null";
    case NodeKind::boolean: return "a boolean";
    case NodeKind::number: return "a number";
    case NodeKind::string: return "a string";
    case NodeKind::object: return "an object";
    case NodeKind::array: return "an array";
    case NodeKind::unknown: return "a value not known before deployment";
  }
  return "a value";
}

std::string_view Tree::text_of(TextRef ref, bool in_source) const {
  const char* base = in_source ? file_->text().data() : strings_.data();
  return std::string_view(base + ref.offset, ref.length);
}

std::string_view Tree::key(NodeId id) const {
  const Node& n = nodes_[id];
  return text_of(n.key, n.key_in_source);
}

std::string_view Tree::string(NodeId id) const {
  const Node& n = nodes_[id];
  return text_of(n.text, n.text_in_source);
}

NodeId Tree::member(NodeId object, std::string_view name) const {
  if (object == kNoNode || nodes_[object].kind != NodeKind::object) return kNoNode;
  for (NodeId child : children(object)) {
    // Rules look members up by the million: names that differ in length or first letter are
    // turned away before a full comparison.
    const Node& n = nodes_[child];
    if (n.key.length != name.size()) continue;
    const std::string_view candidate = key(child);
    if (!name.empty() && candidate[0] != name[0]) continue;
    if (candidate == name) return child;
  }
  return kNoNode;
}

std::string_view Tree::derivation(NodeId id) const {
  const auto it = std::lower_bound(derivations_.begin(), derivations_.end(), id,
                                   [](const Derivation& d, NodeId wanted) { return d.node < wanted; });
  return it != derivations_.end() && it->node == id ? std::string_view(it->how) : std::string_view();
}

NodeId Tree::element(NodeId array, uint32_t index) const {
  if (array == kNoNode || nodes_[array].kind != NodeKind::array) return kNoNode;
  for (NodeId child : children(array)) {
    if (nodes_[child].index == index) return child;
  }
  return kNoNode;
}

namespace {

void append_escaped_token(std::string& out, std::string_view token) {
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
}

}  // namespace

std::string Tree::last_token(NodeId id) const {
  if (id == kNoNode || nodes_[id].parent == kNoNode) return {};
  const Node& n = nodes_[id];
  if (n.has_key) return std::string(key(id));
  return std::to_string(n.index);
}

std::string Tree::pointer(NodeId id) const {
  std::vector<NodeId> chain;
  for (NodeId at = id; at != kNoNode && nodes_[at].parent != kNoNode; at = nodes_[at].parent) {
    chain.push_back(at);
  }
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    out += '/';
    append_escaped_token(out, last_token(*it));
  }
  return out;
}

void TreeBuilder::reserve(size_t count) {
  tree_.nodes_.reserve(count);
  advise_huge_pages(tree_.nodes_.data(), tree_.nodes_.capacity() * sizeof(Node));
}

TextRef TreeBuilder::store(std::string_view text, bool& in_source) {
  // Text that lies in the source (a token without escapes) is pointed at, not copied.
  const std::string_view source = tree_.file().text();
  const auto at = reinterpret_cast<uintptr_t>(text.data());
  const auto source_begin = reinterpret_cast<uintptr_t>(source.data());
  in_source = at >= source_begin && at + text.size() <= source_begin + source.size();
  if (in_source) return TextRef{static_cast<uint32_t>(at - source_begin), static_cast<uint32_t>(text.size())};
  const TextRef ref{static_cast<uint32_t>(tree_.strings_.size()), static_cast<uint32_t>(text.size())};
  tree_.strings_.append(text);
  return ref;
}

void TreeBuilder::key(std::string_view name, uint32_t begin, uint32_t end) {
  pending_key_ = true;
  key_begin_ = begin;
  key_end_ = end;
  key_ = store(name, key_in_source_);
}

NodeId TreeBuilder::append(NodeKind kind, uint32_t begin, uint32_t end) {
  const auto id = static_cast<NodeId>(tree_.nodes_.size());
  Node& n = tree_.nodes_.emplace_back();
  n.kind = kind;
  n.begin = begin;
  n.end = end;
  if (pending_key_) {
    n.has_key = true;
    n.key_begin = key_begin_;
    n.key_end = key_end_;
    n.key = key_;
    n.key_in_source = key_in_source_;
    pending_key_ = false;
  }
  if (!open_.empty()) {
    OpenContainer& parent = open_.back();
    Node& p = tree_.nodes_[parent.id];
    n.parent = parent.id;
    n.index = p.size++;
    if (parent.last_child == kNoNode) p.first_child = id;
    else tree_.nodes_[parent.last_child].next_sibling = id;
    parent.last_child = id;
  }
  return id;
}

NodeId TreeBuilder::scalar(NodeKind kind, uint32_t begin, uint32_t end) {
  return append(kind, begin, end);
}

NodeId TreeBuilder::string(std::string_view text, uint32_t begin, uint32_t end) {
  const NodeId id = append(NodeKind::string, begin, end);
  bool in_source = false;
  const TextRef ref = store(text, in_source);
  Node& n = tree_.nodes_[id];
  n.text = ref;
  n.text_in_source = in_source;
  return id;
}

NodeId TreeBuilder::number(double value, bool is_integer, uint32_t begin, uint32_t end) {
  const NodeId id = append(NodeKind::number, begin, end);
  tree_.nodes_[id].number = value;
  tree_.nodes_[id].is_integer = is_integer;
  return id;
}

NodeId TreeBuilder::boolean(bool value, uint32_t begin, uint32_t end) {
  const NodeId id = append(NodeKind::boolean, begin, end);
  tree_.nodes_[id].boolean = value;
  return id;
}

void TreeBuilder::derive(NodeId node, std::string how) {
  auto& derivations = tree_.derivations_;
  const auto at = std::upper_bound(derivations.begin(), derivations.end(), node,
                                   [](NodeId wanted, const Tree::Derivation& d) { return wanted < d.node; });
  derivations.insert(at, Tree::Derivation{node, std::move(how)});
}

NodeId TreeBuilder::open(NodeKind container, uint32_t begin) {
  const NodeId id = append(container, begin, begin);
  open_.push_back(OpenContainer{id, kNoNode});
  return id;
}

void TreeBuilder::close(uint32_t end) {
  const NodeId id = open_.back().id;
  open_.pop_back();
  tree_.nodes_[id].end = end;
  if (tree_.nodes_[id].kind == NodeKind::object && tree_.nodes_[id].size > 1) find_duplicate_keys(id);
}

void TreeBuilder::find_duplicate_keys(NodeId object) {
  const Node& container = tree_.nodes_[object];
  if (container.size <= 32) {
    // Small objects, by far the most common: compare pairwise, no allocation.
    for (NodeId later = tree_.nodes_[container.first_child].next_sibling; later != kNoNode;
         later = tree_.nodes_[later].next_sibling) {
      for (NodeId earlier = container.first_child; earlier != later; earlier = tree_.nodes_[earlier].next_sibling) {
        if (tree_.key(earlier) == tree_.key(later)) {
          duplicates_.push_back(DuplicateKey{earlier, later});
          break;
        }
      }
    }
    return;
  }
  // Sorting member ids by name keeps large objects O(n log n); the stable sort keeps equal
  // names in document order, so each later duplicate is reported against the first one.
  // The pairs are then put back in document order, as the small-object path reports them.
  const size_t reported = duplicates_.size();
  std::vector<NodeId> members;
  members.reserve(tree_.nodes_[object].size);
  for (NodeId child : tree_.children(object)) members.push_back(child);
  std::stable_sort(members.begin(), members.end(),
                   [&](NodeId a, NodeId b) { return tree_.key(a) < tree_.key(b); });
  size_t run_start = 0;
  for (size_t i = 1; i < members.size(); ++i) {
    if (tree_.key(members[i]) == tree_.key(members[run_start])) {
      duplicates_.push_back(DuplicateKey{members[run_start], members[i]});
    } else {
      run_start = i;
    }
  }
  std::sort(duplicates_.begin() + static_cast<std::ptrdiff_t>(reported), duplicates_.end(),
            [](const DuplicateKey& a, const DuplicateKey& b) { return a.duplicate < b.duplicate; });
}

}  // namespace sagelint
