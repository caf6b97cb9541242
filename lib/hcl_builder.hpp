// Builds an HclFile node by node, for the HCL parser (private to the library).
#pragma once

#include <string_view>

#include "sagelint/hcl_tree.hpp"

namespace sagelint {

// Children collected in order before their parent exists (the parser learns that `a` is the
// left operand of `a + b` only after reading `a`).
struct HclChildList {
  HclNodeId first = kNoHclNode;
  HclNodeId last = kNoHclNode;
  uint32_t count = 0;
};

class HclFileBuilder {
 public:
  explicit HclFileBuilder(HclFile& file) : file_(file) {}

  void reserve(size_t nodes) { file_.nodes_.reserve(nodes); }
  const SourceFile& source_file() const { return file_.source(); }
  std::string_view source() const { return file_.source().text(); }

  // The reference is valid until the next add().
  HclNode& node(HclNodeId id) { return file_.nodes_[id]; }

  HclNodeId add(HclKind kind, uint32_t begin, uint32_t end) {
    const auto id = static_cast<HclNodeId>(file_.nodes_.size());
    HclNode& node = file_.nodes_.emplace_back();
    node.kind = kind;
    node.begin = begin;
    node.end = end;
    return id;
  }

  void append(HclChildList& list, HclNodeId child) {
    if (list.last == kNoHclNode) list.first = child;
    else file_.nodes_[list.last].next_sibling = child;
    list.last = child;
    ++list.count;
  }

  void adopt(HclNodeId parent, const HclChildList& children) {
    HclNode& node = file_.nodes_[parent];
    node.first_child = children.first;
    node.child_count = children.count;
  }

  // The node's text is the source bytes [begin, end), as for names.
  void set_source_text(HclNodeId id, uint32_t begin, uint32_t end) {
    HclNode& node = file_.nodes_[id];
    node.text = TextRef{begin, end - begin};
    node.flags |= kTextInSource;
  }

  void set_text(HclNodeId id, TextRef text, bool in_source) {
    HclNode& node = file_.nodes_[id];
    node.text = text;
    if (in_source) node.flags |= kTextInSource;
  }

  // Decoded text is appended to the file's store and referred to by offset, which stays valid
  // as the store grows.
  std::string& store() { return file_.strings_; }
  std::string_view text(TextRef ref, bool in_source) const {
    const std::string_view all = in_source ? file_.source().text() : std::string_view(file_.strings_);
    return all.substr(ref.offset, ref.length);
  }

 private:
  HclFile& file_;
};

}  // namespace sagelint
