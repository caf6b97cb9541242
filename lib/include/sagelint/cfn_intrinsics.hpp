// CloudFormation intrinsic functions, evaluated as far as is sound without deploying the
// template: what a value would be, or that it cannot be known before deployment.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sagelint/tree.hpp"

namespace sagelint {

// Copies values of a template's tree (`raw`, in the long form YAML tags are read into) into
// another tree with every intrinsic function replaced by its value:
// - {"Ref": P} to a parameter with a Default is that default (a list for List<…> and
//   CommaDelimitedList parameters), and the node records that it relies on the default;
//   {"Ref": "AWS::NoValue"} removes the member or element that holds it;
// - Fn::Sub, Fn::Join, Fn::Split, Fn::Select and Fn::FindInMap of known parts are their
//   result;
// - Fn::If is its branches' value when both are the same (conditions are never evaluated, so
//   no template can make the evaluation exponential), else unknown;
// - everything else (Ref to a resource or a pseudo parameter, Fn::GetAtt, Fn::ImportValue, SSM
//   parameter types, …) is a node of kind unknown.
// Values keep the spans of what is written in the template: a replaced function spans the
// function, so findings point at the line to change.
class IntrinsicEvaluator {
 public:
  explicit IntrinsicEvaluator(const Tree& raw);

  // Appends raw node `node`, a member or an element, evaluated, under its own member name if it
  // has one; appends nothing when its value is AWS::NoValue.
  void append(NodeId node, TreeBuilder& builder);

  // The logical id a value refers to: {"Ref": X}, {"Fn::GetAtt": [X, attribute]} or
  // {"Fn::GetAtt": "X.attribute"}; empty otherwise. `attribute` is set for Fn::GetAtt.
  std::string_view referenced_logical_id(NodeId node, std::string_view* attribute = nullptr) const;

 private:
  struct Resolved {
    enum class Kind : uint8_t { literal, text, list, unknown, no_value };
    Kind kind = Kind::unknown;
    NodeId node = kNoNode;           // literal: the raw node that holds the value
    std::string text;                // text
    std::vector<std::string> items;  // list
    std::vector<NodeId> defaults;    // the parameters whose Default the value relies on

    static Resolved of(Kind kind) {
      Resolved r;
      r.kind = kind;
      return r;
    }
    static Resolved written_at(NodeId node, std::vector<NodeId> defaults = {}) {
      Resolved r = of(Kind::literal);
      r.node = node;
      r.defaults = std::move(defaults);
      return r;
    }
  };

  Resolved resolve(NodeId node);
  Resolved resolve_function(std::string_view name, NodeId argument);
  Resolved resolve_ref(NodeId argument);
  Resolved resolve_parameter(std::string_view name, bool as_text);
  Resolved resolve_sub(NodeId argument);
  Resolved resolve_join(NodeId argument);
  Resolved resolve_split(NodeId argument);
  Resolved resolve_select(NodeId argument);
  Resolved resolve_find_in_map(NodeId argument);
  Resolved resolve_if(NodeId argument);
  // The value as text (a string, number or boolean), adding the parameters it relies on to
  // `defaults`.
  std::optional<std::string> text_of(NodeId node, std::vector<NodeId>& defaults);
  // A string, number or boolean written in the template, as text.
  std::optional<std::string> scalar_text(NodeId node) const;
  std::optional<std::vector<std::string>> list_of(NodeId node, std::vector<NodeId>& defaults);
  // A canonical text of the evaluated value, to compare Fn::If branches; nullopt when any part
  // of it is unknown. Memoised, so nested conditions cost their size, not 2^depth.
  const std::optional<std::string>& canonical(NodeId node);
  std::optional<std::string> canonical_literal(NodeId node);
  std::string derivation(const std::vector<NodeId>& defaults) const;
  bool spend(size_t bytes);
  // The one intrinsic function a node is, if it is one: its name and argument.
  std::optional<std::pair<std::string_view, NodeId>> function_of(NodeId node) const;

  NodeId append_literal(NodeId node, uint32_t begin, uint32_t end, TreeBuilder& builder);
  bool is_no_value(NodeId node);

  const Tree& raw_;
  NodeId parameters_ = kNoNode;
  NodeId mappings_ = kNoNode;
  size_t budget_;  // bytes of text evaluation may still produce
  std::unordered_map<NodeId, std::optional<std::string>> canonical_;
};

}  // namespace sagelint
