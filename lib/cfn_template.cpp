#include "sagelint/cfn_template.hpp"

#include <optional>
#include <string>

#include "sagelint/cfn_intrinsics.hpp"
#include "sagelint/text.hpp"

namespace sagelint {
namespace {

std::optional<ResourceKind> sagemaker_kind(std::string_view type) {
  if (type == "AWS::SageMaker::Domain") return ResourceKind::domain;
  if (type == "AWS::SageMaker::UserProfile") return ResourceKind::user_profile;
  if (type == "AWS::SageMaker::Space") return ResourceKind::space;
  return std::nullopt;
}

std::string_view type_of(const Tree& tree, NodeId resource) {
  const NodeId type = tree.member(resource, "Type");
  return type != kNoNode && tree.node(type).kind == NodeKind::string ? tree.string(type) : std::string_view();
}

bool is_template(const Tree& tree) {
  const NodeId root = tree.root();
  if (root == kNoNode || tree.node(root).kind != NodeKind::object) return false;
  if (tree.member(root, "AWSTemplateFormatVersion") != kNoNode) return true;
  if (tree.file().path().ends_with(".template.json")) return true;
  const NodeId resources = tree.member(root, "Resources");
  if (resources == kNoNode || tree.node(resources).kind != NodeKind::object) return false;
  for (NodeId resource : tree.children(resources)) {
    if (!type_of(tree, resource).empty()) return true;
  }
  return false;
}

// The key by which profiles and spaces of a template find a domain of the same template.
std::string template_link_key(const Tree& tree, std::string_view logical_id) {
  return "cfn:" + tree.file().path() + "#" + std::string(logical_id);
}

// Copies the SageMaker resources of the template, Type and Properties evaluated, into a tree of
// their own: {"Resources": {<LogicalId>: {"Type": …, "Properties": …}}} with the template's spans.
std::unique_ptr<Tree> evaluate_resources(const Tree& raw, NodeId resources, IntrinsicEvaluator& evaluator) {
  auto evaluated = std::make_unique<Tree>(raw.file());
  TreeBuilder builder(*evaluated);
  const Node& root = raw.node(raw.root());
  const Node& section = raw.node(resources);
  builder.open(NodeKind::object, root.begin);
  builder.key(raw.key(resources), section.key_begin, section.key_end);
  builder.open(NodeKind::object, section.begin);
  for (NodeId resource : raw.children(resources)) {
    if (!sagemaker_kind(type_of(raw, resource))) continue;
    const Node& r = raw.node(resource);
    builder.key(raw.key(resource), r.key_begin, r.key_end);
    builder.open(NodeKind::object, r.begin);
    for (std::string_view member : {"Type", "Properties"}) {
      const NodeId value = raw.member(resource, member);
      if (value != kNoNode) evaluator.append(value, builder);
    }
    builder.close(r.end);
  }
  builder.close(section.end);
  builder.close(root.end);
  return evaluated;
}

// Metadata: {sagelint: {justify: {SMD007: "reason"}}} or [{id: SMD007, reason: "…", owner: "…", expires: …}].
void read_metadata_justifications(const Tree& raw, NodeId resource, Resource& into, Model& model) {
  const NodeId justify = raw.member(raw.member(raw.member(resource, "Metadata"), "sagelint"), "justify");
  if (justify == kNoNode) return;
  const auto problem = [&](NodeId at, std::string message) {
    model.input_problems.push_back(Diagnostic{Level::warning, Location::of(raw, at), std::move(message)});
  };
  const auto string_at = [&](NodeId node) -> std::optional<std::string> {
    if (node == kNoNode || raw.node(node).kind != NodeKind::string) return std::nullopt;
    return std::string(raw.string(node));
  };
  const Node& j = raw.node(justify);
  if (j.kind == NodeKind::object) {
    for (NodeId entry : raw.children(justify)) {
      const std::string id(raw.key(entry));
      std::optional<std::string> text = string_at(entry);
      if (!text) {
        problem(entry, "the justification for " + id +
                           " in Metadata must be a string: the reason, then expires=YYYY-MM-DD if it expires");
        continue;
      }
      const Location at = Location::of(raw, entry);
      into.justifications.push_back(WrittenJustification{id, std::move(*text), {}, "Metadata sagelint.justify." + id,
                                                         at, Location::key_of(raw, entry), at, at});
    }
    return;
  }
  if (j.kind != NodeKind::array) {
    problem(justify, "Metadata sagelint.justify must map rule ids to reasons, or list {id, reason, expires} entries");
    return;
  }
  for (NodeId entry : raw.children(justify)) {
    const std::optional<std::string> id = string_at(raw.member(entry, "id"));
    std::optional<std::string> reason = string_at(raw.member(entry, "reason"));
    if (!id || !reason) {
      problem(entry, "an entry of Metadata sagelint.justify needs an 'id' (the rule id) and a 'reason'");
      continue;
    }
    const NodeId expires = raw.member(entry, "expires");
    if (expires != kNoNode) {
      // YAML reads an unquoted date as a string here: the loader has no timestamp type.
      const std::optional<std::string> date = string_at(expires);
      *reason += " expires=" + date.value_or(std::string(raw.file().text().substr(
                                    raw.node(expires).begin, raw.node(expires).end - raw.node(expires).begin)));
    }
    std::optional<std::string> owner = string_at(raw.member(entry, "owner"));
    const Location reason_at = Location::of(raw, raw.member(entry, "reason"));
    into.justifications.push_back(WrittenJustification{
        *id, std::move(*reason), owner.value_or(std::string()), "Metadata sagelint.justify entry for " + *id,
        Location::of(raw, entry), Location::of(raw, raw.member(entry, "id")), reason_at,
        expires == kNoNode ? reason_at : Location::of(raw, expires)});
  }
}

class TemplateReader {
 public:
  TemplateReader(const Tree& raw, const Tree& evaluated, IntrinsicEvaluator& evaluator, Model& model)
      : raw_(raw), evaluated_(evaluated), evaluator_(evaluator), model_(model) {
    raw_resources_ = raw.member(raw.root(), "Resources");
  }

  void read_all() {
    const NodeId resources = evaluated_.member(evaluated_.root(), "Resources");
    for (NodeId resource : evaluated_.children(resources)) {
      const std::string_view logical_id = evaluated_.key(resource);
      const NodeId raw_resource = raw_.member(raw_resources_, logical_id);
      switch (*sagemaker_kind(type_of(evaluated_, resource))) {
        case ResourceKind::domain: read_domain(resource, raw_resource); break;
        case ResourceKind::user_profile:
          read_linked(resource, raw_resource, read_profile_members, model_.profiles);
          break;
        case ResourceKind::space: read_linked(resource, raw_resource, read_space_members, model_.spaces); break;
      }
    }
  }

 private:
  void read_common(NodeId resource, NodeId raw_resource, Resource& into) {
    // A resource without Properties has every property absent, anchored on the resource.
    into.root = Value::of(evaluated_, resource)["Properties"];
    into.logical_id = evaluated_.key(resource);
    read_tag_list(into);
    read_metadata_justifications(raw_, raw_resource, into, model_);
  }

  void read_domain(NodeId resource, NodeId raw_resource) {
    Domain domain;
    domain.kind = ResourceKind::domain;
    read_common(resource, raw_resource, domain);
    read_domain_members(domain);
    domain.link_key = template_link_key(raw_, evaluated_.key(resource));
    model_.domains.push_back(std::move(domain));
  }

  // A profile or a space: its members, and its link to a domain.
  template <class R>
  void read_linked(NodeId resource, NodeId raw_resource, void (*read_members)(R&), std::vector<R>& into) {
    R linked;
    linked.kind = *sagemaker_kind(type_of(evaluated_, resource));
    read_common(resource, raw_resource, linked);
    read_members(linked);
    linked.domain_link = domain_link(linked, raw_resource);
    into.push_back(std::move(linked));
  }

  // A domain of this template named by !Ref or !GetAtt X.DomainId, else a literal DomainId.
  template <class R>
  std::string domain_link(const R& resource, NodeId raw_resource) {
    const NodeId raw_id = raw_.member(raw_.member(raw_resource, "Properties"), "DomainId");
    if (raw_id != kNoNode) {
      std::string_view attribute;
      const std::string_view target = evaluator_.referenced_logical_id(raw_id, &attribute);
      const NodeId domain = raw_.member(raw_resources_, target);
      const bool is_domain = !target.empty() && domain != kNoNode && type_of(raw_, domain) == "AWS::SageMaker::Domain";
      if (is_domain && attribute == "DomainArn") {
        // The intent is plain, so the link is made; the API rejects an ARN as a domain id.
        model_.input_problems.push_back(Diagnostic{
            Level::error, resource.domain_id.location(),
            "DomainId of " + resource.description() + " is the DomainArn of " + std::string(target) +
                "; the API expects its DomainId (!GetAtt " + std::string(target) + ".DomainId)"});
      }
      if (is_domain && (attribute.empty() || attribute == "DomainId" || attribute == "DomainArn")) {
        return template_link_key(raw_, target);
      }
    }
    if (const auto id = resource.domain_id.string()) return std::string(*id);
    if (resource.domain_id.is_unknown()) {
      model_.notes.push_back(unknown_domain_note(resource, resource.domain_id, "DomainId", "template"));
    }
    return {};
  }

  const Tree& raw_;
  const Tree& evaluated_;
  IntrinsicEvaluator& evaluator_;
  Model& model_;
  NodeId raw_resources_ = kNoNode;
};

}  // namespace

DocumentRead read_cfn_template(const Tree& tree, Model& model) {
  if (!is_template(tree)) return DocumentRead::not_recognised;
  const NodeId resources = tree.member(tree.root(), "Resources");
  bool any = false;
  for (NodeId resource : tree.children(resources)) any = any || sagemaker_kind(type_of(tree, resource)).has_value();
  if (!any || tree.node(resources).kind != NodeKind::object) return DocumentRead::no_sagemaker_resources;

  IntrinsicEvaluator evaluator(tree);
  std::unique_ptr<Tree> evaluated = evaluate_resources(tree, resources, evaluator);
  TemplateReader(tree, *evaluated, evaluator, model).read_all();
  model.trees.push_back(std::move(evaluated));
  return DocumentRead::read;
}

}  // namespace sagelint
