// The syntax tree of one HCL native-syntax file (the language of Terraform's .tf files): its
// attributes and blocks, and every expression in them, each with its exact byte span.
//
// The tree is a vector of nodes linked as in tree.hpp: a node's children are a list through
// first_child and next_sibling, in source order. It holds what was written, not what it would
// evaluate to: a reference stays a traversal, a template keeps its parts. The loader that
// builds it is hcl_parser.hpp.
//
// Walking a file:
//
//   for (HclNodeId item : file.children(file.root())) {
//     const HclNode& n = file.node(item);
//     if (n.kind == HclKind::attribute) use(file.text(item), file.value(item));
//     if (n.kind == HclKind::block) {
//       for (HclNodeId label : file.labels(item)) use(file.text(label));
//       walk(file.body(item));
//     }
//   }
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sagelint/source_file.hpp"
#include "sagelint/tree.hpp"

namespace sagelint {

using HclNodeId = uint32_t;
inline constexpr HclNodeId kNoHclNode = UINT32_MAX;

// What a node is, and what its children are (in this order).
enum class HclKind : uint8_t {
  // Structure
  body,       // children: attributes and blocks. Span: the file, or a block's braces
  attribute,  // name: the attribute name. Child: the value expression
  block,      // name: the block type. Children: labels, then the body
  label,      // a block label, quoted or not; text: its decoded value

  // Literal values
  number,   // `number` holds the value, the span the digits as written
  boolean,  // `boolean` holds the value
  null,

  // Templates: "..." and heredocs
  template_expression,    // children: template_literal, interpolation, template_if, template_for
  template_literal,       // text: the literal text, decoded, strip markers and heredoc indent applied
  interpolation,          // ${ ... }. Child: the expression
  template_if,            // %{ if }. Children: condition, the `then` template, the `else` template if any
  template_for,           // %{ for }. Children: [key name], value name, collection, the repeated template

  // References
  traversal,           // name: the root variable (`var`, `aws_iam_role`). Children: steps
  relative_traversal,  // children: the expression traversed (a call, a parenthesis...), then steps
  attribute_step,      // `.name` (span includes the dot). name and text: the attribute name
  index_step,          // `[key]`, or `.0` (flag kLegacyIndex). Child: the key expression
  splat,               // `a[*].b` or `a.*.b` (flag kAttributeSplat). Children: source, per-element expression
  splat_element,       // the element a splat's per-element expression starts from. Span: `[*]` or `.*`

  // Constructors and calls
  function_call,  // name: the function (`file`, `provider::aws::arn_parse`). Children: arguments
  tuple,          // children: elements
  object,         // children: object_item
  object_item,    // children: key, value
  name,           // a bare identifier that names rather than refers: an object key, a `for` variable
  for_tuple,      // [for ...]. Children: [key name], value name, collection, value, [condition]
  for_object,     // {for ...}. Children: [key name], value name, collection, key, value, [condition]

  // Operations
  parentheses,  // child: the expression
  unary,        // `op` is negate or logical_not. Child: operand
  binary,       // `op` is set. Children: left, right
  conditional,  // children: condition, true result, false result
};

std::string_view to_string(HclKind kind);

enum class HclOperator : uint8_t {
  none,
  negate,       // -x
  logical_not,  // !x
  multiply, divide, modulo,
  add, subtract,
  less, less_or_equal, greater, greater_or_equal,
  equal, not_equal,
  logical_and,
  logical_or,
};

// "+", "&&", ...: as written.
std::string_view to_string(HclOperator op);

// Bits of HclNode::flags, each for the kinds it names.
enum HclFlag : uint16_t {
  kTextInSource = 1 << 0,     // any kind with text: `text` points into the source, not the store
  kQuoted = 1 << 1,           // label: written as a string (else as an identifier)
  kHeredoc = 1 << 2,          // template_expression: a heredoc (else a quoted string)
  kFlushHeredoc = 1 << 3,     // template_expression: a heredoc opened with <<- (indentation removed)
  kLegacyIndex = 1 << 4,      // index_step: written `.0`, a form kept from HCL 1
  kAttributeSplat = 1 << 5,   // splat: written `.*` (only attribute steps apply to each element)
  kExpandFinal = 1 << 6,      // function_call: the last argument is followed by `...`
  kGrouped = 1 << 7,          // for_object: the value is followed by `...`
  kColon = 1 << 8,            // object_item: the key and value are separated by `:` (else `=`)
  kHasKeyName = 1 << 9,       // for_tuple, for_object, template_for: two names (key, value)
  kHasCondition = 1 << 10,    // for_tuple, for_object: an `if` clause
  kHasElse = 1 << 11,         // template_if: an %{ else } branch
  kInteger = 1 << 12,         // number: written without a fraction or an exponent
};

struct HclNode {
  HclKind kind = HclKind::null;
  HclOperator op = HclOperator::none;
  bool boolean = false;
  uint16_t flags = 0;
  uint32_t begin = 0;  // byte span of the whole construct; `end` is exclusive
  uint32_t end = 0;
  uint32_t name_begin = 0;  // byte span of the name token, for kinds with a name
  uint32_t name_end = 0;
  HclNodeId first_child = kNoHclNode;
  HclNodeId next_sibling = kNoHclNode;
  uint32_t child_count = 0;
  TextRef text{};  // decoded: names, labels, literal text
  double number = 0;

  bool has(HclFlag flag) const { return (flags & flag) != 0; }
};

// The parts of a for expression or a %{ for } directive; kNoHclNode where there is none.
struct HclForParts {
  HclNodeId key_name = kNoHclNode;
  HclNodeId value_name = kNoHclNode;
  HclNodeId collection = kNoHclNode;
  HclNodeId key = kNoHclNode;        // for_object only
  HclNodeId value = kNoHclNode;      // for template_for: the repeated template
  HclNodeId condition = kNoHclNode;  // the `if` clause
};

class HclFileBuilder;

class HclFile {
 public:
  explicit HclFile(const SourceFile& source) : source_(&source) {}

  const SourceFile& source() const { return *source_; }
  // The body of the file; it is always there, empty for an empty file.
  HclNodeId root() const { return 0; }
  const HclNode& node(HclNodeId id) const { return nodes_[id]; }
  size_t node_count() const { return nodes_.size(); }

  // The decoded text: the name of an attribute, block type, root variable, step, function or
  // `name` node; the value of a label or template literal; "" for other kinds.
  std::string_view text(HclNodeId id) const;
  // The bytes of the node's span as written in the file.
  std::string_view source_text(HclNodeId id) const;

  class ChildRange;
  ChildRange children(HclNodeId id) const;
  // The child at `index`, or kNoHclNode.
  HclNodeId child(HclNodeId id, uint32_t index) const;

  // Structure.
  HclNodeId value(HclNodeId attribute) const { return child(attribute, 0); }
  HclNodeId body(HclNodeId block) const;
  std::vector<HclNodeId> labels(HclNodeId block) const;
  // The first attribute of `body` named `name` (names are unique in a body), or kNoHclNode.
  HclNodeId attribute(HclNodeId body, std::string_view name) const;

  // Expressions.
  // The value of a template made of literal text alone ("abc", a heredoc without
  // interpolations); nullopt for anything else.
  std::optional<std::string_view> literal_string(HclNodeId expression) const;
  // What an expression stands for once wrappers are taken away: the inside of parentheses,
  // and of a template that is one interpolation and nothing else ("${var.x}" is var.x,
  // which HCL evaluates without converting it to a string).
  HclNodeId unwrap(HclNodeId expression) const;
  HclForParts for_parts(HclNodeId for_node) const;

 private:
  friend class HclFileBuilder;

  const SourceFile* source_;
  std::vector<HclNode> nodes_;
  std::string strings_;  // decoded text that differs from the source
};

class HclFile::ChildRange {
 public:
  class iterator {
   public:
    iterator(const HclFile* file, HclNodeId id) : file_(file), id_(id) {}
    HclNodeId operator*() const { return id_; }
    iterator& operator++() {
      id_ = file_->node(id_).next_sibling;
      return *this;
    }
    bool operator!=(const iterator& other) const { return id_ != other.id_; }

   private:
    const HclFile* file_;
    HclNodeId id_;
  };
  ChildRange(const HclFile* file, HclNodeId first) : file_(file), first_(first) {}
  iterator begin() const { return {file_, first_}; }
  iterator end() const { return {file_, kNoHclNode}; }

 private:
  const HclFile* file_;
  HclNodeId first_;
};

inline HclFile::ChildRange HclFile::children(HclNodeId id) const {
  return ChildRange(this, id == kNoHclNode ? kNoHclNode : nodes_[id].first_child);
}

}  // namespace sagelint
