// The source tree: every value of an input document with its byte span in the file.
// Loaders (JSON today, YAML and HCL later) build it; it knows nothing of SageMaker.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sagelint/source_file.hpp"

namespace sagelint {

using NodeId = uint32_t;
inline constexpr NodeId kNoNode = UINT32_MAX;

enum class NodeKind : uint8_t {
  null,
  boolean,
  number,
  string,
  object,
  array,
  unknown,  // a value that exists but cannot be known statically (an unresolved expression)
};

std::string_view to_string(NodeKind kind);

// Where a decoded string is: an offset and length in the source text itself when the token
// holds no escape (most do, and then nothing is copied), else in the tree's own store.
struct TextRef {
  uint32_t offset;
  uint32_t length;
};

struct Node {
  NodeKind kind = NodeKind::null;
  bool boolean = false;
  bool has_key = false;
  bool is_integer = false;     // a number written without fraction or exponent
  bool key_in_source = false;  // where `key` points: the source text, or the tree's store
  bool text_in_source = false; // where `text` points
  uint32_t begin = 0;          // byte span of the value token (of the whole container for objects/arrays)
  uint32_t end = 0;
  uint32_t key_begin = 0;      // byte span of the member name token, when has_key
  uint32_t key_end = 0;
  NodeId parent = kNoNode;
  NodeId first_child = kNoNode;
  NodeId next_sibling = kNoNode;
  uint32_t index = 0;          // position among the parent's children
  uint32_t size = 0;           // number of children (objects and arrays)
  TextRef key{};               // the decoded member name
  union {
    double number = 0;         // numbers
    TextRef text;              // the decoded value of strings
  };
};

class Tree {
 public:
  explicit Tree(const SourceFile& file) : file_(&file) {}

  const SourceFile& file() const { return *file_; }
  bool empty() const { return nodes_.empty(); }
  NodeId root() const { return nodes_.empty() ? kNoNode : 0; }
  const Node& node(NodeId id) const { return nodes_[id]; }
  size_t node_count() const { return nodes_.size(); }

  std::string_view key(NodeId id) const;
  std::string_view string(NodeId id) const;
  // The first member of `object` named `name`, or kNoNode.
  NodeId member(NodeId object, std::string_view name) const;
  NodeId element(NodeId array, uint32_t index) const;

  // RFC 6901 pointer to the node ("" for the root, "/UserProfiles/3/UserName").
  std::string pointer(NodeId id) const;
  // The last token of the pointer, unescaped ("UserName", "3"); empty for the root.
  std::string last_token(NodeId id) const;

  class ChildRange;
  ChildRange children(NodeId id) const;

  // Where a node's value comes from when it is not written where the node is, as messages
  // name it ("the Default of template parameter 'Stage' (line 5)"); empty for values written
  // in place.
  std::string_view derivation(NodeId id) const;

 private:
  struct Derivation {
    NodeId node;
    std::string how;
  };
  friend class TreeBuilder;
  std::string_view text_of(TextRef ref, bool in_source) const;

  const SourceFile* file_;
  std::vector<Node> nodes_;
  std::string strings_;
  std::vector<Derivation> derivations_;  // in node order
};

class Tree::ChildRange {
 public:
  class iterator {
   public:
    iterator(const Tree* tree, NodeId id) : tree_(tree), id_(id) {}
    NodeId operator*() const { return id_; }
    iterator& operator++() {
      id_ = tree_->node(id_).next_sibling;
      return *this;
    }
    bool operator!=(const iterator& other) const { return id_ != other.id_; }

   private:
    const Tree* tree_;
    NodeId id_;
  };
  ChildRange(const Tree* tree, NodeId first) : tree_(tree), first_(first) {}
  iterator begin() const { return {tree_, first_}; }
  iterator end() const { return {tree_, kNoNode}; }

 private:
  const Tree* tree_;
  NodeId first_;
};

inline Tree::ChildRange Tree::children(NodeId id) const {
  return ChildRange(this, id == kNoNode ? kNoNode : nodes_[id].first_child);
}

// A member name that occurs twice in one object; AWS would silently keep only one of them.
struct DuplicateKey {
  NodeId first;
  NodeId duplicate;
};

// Builds a Tree in document order. Loaders call it from their parser's events.
class TreeBuilder {
 public:
  explicit TreeBuilder(Tree& tree) : tree_(tree) {}

  // Room for about `count` nodes, so that building a large tree does not copy it as it grows.
  void reserve(size_t count);

  // Names the next value as a member of the open object. `name` is the decoded text of the
  // token [begin, end). Text that is a view into the source file (a token without escapes)
  // is not copied (see TextRef); any other text is.
  void key(std::string_view name, uint32_t begin, uint32_t end);
  NodeId scalar(NodeKind kind, uint32_t begin, uint32_t end);
  NodeId string(std::string_view text, uint32_t begin, uint32_t end);
  NodeId number(double value, bool is_integer, uint32_t begin, uint32_t end);
  NodeId boolean(bool value, uint32_t begin, uint32_t end);
  NodeId open(NodeKind container, uint32_t begin);
  // Closes the innermost open object or array; `end` is exclusive.
  void close(uint32_t end);
  // Records how `node` (the last appended, or an earlier one) got its value.
  void derive(NodeId node, std::string how);

  size_t depth() const { return open_.size(); }
  const std::vector<DuplicateKey>& duplicate_keys() const { return duplicates_; }

 private:
  NodeId append(NodeKind kind, uint32_t begin, uint32_t end);
  TextRef store(std::string_view text, bool& in_source);
  void find_duplicate_keys(NodeId object);

  struct OpenContainer {
    NodeId id;
    NodeId last_child;
  };
  Tree& tree_;
  std::vector<OpenContainer> open_;
  bool pending_key_ = false;
  bool key_in_source_ = false;
  uint32_t key_begin_ = 0, key_end_ = 0;
  TextRef key_{};
  std::vector<DuplicateKey> duplicates_;
};

}  // namespace sagelint
