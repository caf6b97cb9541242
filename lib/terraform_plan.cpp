#include "sagelint/terraform_plan.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "sagelint/aws_shapes.hpp"
#include "sagelint/terraform_names.hpp"
#include "sagelint/text.hpp"

namespace sagelint {
namespace {

enum class DocumentKind : uint8_t { other, plan, state };

bool is_kind(const Tree& tree, NodeId node, NodeKind kind) { return node != kNoNode && tree.node(node).kind == kind; }

std::string_view string_of(const Tree& tree, NodeId node) {
  return is_kind(tree, node, NodeKind::string) ? tree.string(node) : std::string_view();
}

// after_unknown marks a value that is not known before apply with `true` at its place.
bool marked_unknown(const Tree& tree, NodeId marker) {
  return is_kind(tree, marker, NodeKind::boolean) && tree.node(marker).boolean;
}

DocumentKind document_kind(const Tree& tree) {
  const NodeId root = tree.root();
  if (!is_kind(tree, root, NodeKind::object) || !is_kind(tree, tree.member(root, "format_version"), NodeKind::string)) {
    return DocumentKind::other;
  }
  if (tree.member(root, "planned_values") != kNoNode || tree.member(root, "resource_changes") != kNoNode) {
    return DocumentKind::plan;
  }
  if (tree.member(root, "values") != kNoNode) return DocumentKind::state;
  return DocumentKind::other;
}

// Terraform 0.12 to 1.x write format_version 0.x and 1.x; a new major version is a change
// older readers must not guess at.
bool supported_format(std::string_view version) {
  const std::string_view major = version.substr(0, version.find('.'));
  return major == "0" || major == "1";
}

// The position after the instance key that starts at text[at] ('['): [0] or ["key"].
size_t skip_index(std::string_view text, size_t at) {
  ++at;
  if (at < text.size() && text[at] == '"') {
    for (++at; at < text.size() && text[at] != '"'; ++at) {
      if (text[at] == '\\') ++at;
    }
    ++at;
  }
  const size_t close = text.find(']', std::min(at, text.size()));
  return close == std::string_view::npos ? text.size() : close + 1;
}

// The module calls a module instance's address goes through: module.a["x"].module.b is {a, b}.
std::vector<std::string_view> module_calls(std::string_view address) {
  constexpr std::string_view kModule = "module.";
  std::vector<std::string_view> calls;
  size_t at = 0;
  while (at < address.size()) {
    if (address.substr(at, kModule.size()) != kModule) return {};
    at += kModule.size();
    const size_t end = std::min(address.find_first_of(".[", at), address.size());
    calls.push_back(address.substr(at, end - at));
    at = end;
    if (at < address.size() && address[at] == '[') at = skip_index(address, at);
    if (at < address.size() && address[at] == '.') ++at;
  }
  return calls;
}

// A configuration reference to a domain of the same module: aws_sagemaker_domain.this.id is
// {this, ""}, aws_sagemaker_domain.this["a"] {this, ["a"]}.
struct DomainReference {
  std::string_view name;
  std::string_view index;
};

std::optional<DomainReference> domain_reference(std::string_view reference) {
  constexpr std::string_view kType = "aws_sagemaker_domain.";
  if (!reference.starts_with(kType)) return std::nullopt;
  const size_t begin = kType.size();
  const size_t end = std::min(reference.find_first_of(".[", begin), reference.size());
  if (end == begin) return std::nullopt;
  DomainReference found{reference.substr(begin, end - begin), {}};
  if (end < reference.size() && reference[end] == '[') {
    found.index = reference.substr(end, skip_index(reference, end) - end);
  }
  return found;
}

// The API member a Terraform name stands for, at the top of a resource or in a block.
std::optional<TerraformMember> api_member(const aws::Shape& shape, std::string_view name, bool domain_document) {
  // Tags are the resource's tags (read_tags), not part of its settings.
  if (name == "tags" || name == "tags_all") return std::nullopt;
  // The provider's id of a domain is its DomainId, which profiles and spaces refer to.
  if (domain_document && name == "id") return TerraformMember{"DomainId", aws::find_shape("DomainId"), false};
  return terraform_member(shape, name);
}

// One resource instance of the plan or state.
struct Instance {
  NodeId resource = kNoNode;  // its object in planned_values (or values, in a state)
  NodeId values = kNoNode;    // its attribute values, or kNoNode
  NodeId unknown = kNoNode;   // its change's after_unknown, or kNoNode
  std::string_view address;   // module.studio.aws_sagemaker_user_profile.user["jdoe"]
  std::string_view module;    // module.studio; empty in the root module
  std::string_view name;      // user, as in the configuration
  TerraformResourceType type;
};

// The after_unknown of each resource instance's change, by address. Deposed objects are
// being destroyed, so only current ones count.
std::unordered_map<std::string_view, NodeId> after_unknown_by_address(const Tree& tree) {
  std::unordered_map<std::string_view, NodeId> out;
  for (NodeId change : tree.children(tree.member(tree.root(), "resource_changes"))) {
    if (tree.member(change, "deposed") != kNoNode) continue;
    const std::string_view address = string_of(tree, tree.member(change, "address"));
    const NodeId unknown = tree.member(tree.member(change, "change"), "after_unknown");
    if (!address.empty() && unknown != kNoNode) out.emplace(address, unknown);
  }
  return out;
}

// The SageMaker resources of a module and, depth first, of its child modules.
void collect_instances(const Tree& tree, NodeId module, std::string_view module_address,
                       const std::unordered_map<std::string_view, NodeId>& unknown_by_address,
                       std::vector<Instance>& out) {
  for (NodeId resource : tree.children(tree.member(module, "resources"))) {
    if (string_of(tree, tree.member(resource, "mode")) != "managed") continue;  // data sources are read, not made
    const auto type = terraform_resource_type(string_of(tree, tree.member(resource, "type")));
    const std::string_view address = string_of(tree, tree.member(resource, "address"));
    if (!type || address.empty()) continue;
    Instance instance;
    instance.resource = resource;
    instance.values = tree.member(resource, "values");
    if (!is_kind(tree, instance.values, NodeKind::object)) instance.values = kNoNode;
    if (const auto it = unknown_by_address.find(address); it != unknown_by_address.end()) instance.unknown = it->second;
    instance.address = address;
    instance.module = module_address;
    instance.name = string_of(tree, tree.member(resource, "name"));
    instance.type = *type;
    out.push_back(instance);
  }
  for (NodeId child : tree.children(tree.member(module, "child_modules"))) {
    collect_instances(tree, child, string_of(tree, tree.member(child, "address")), unknown_by_address, out);
  }
}

// Copies a resource's values into the evaluated tree in API names, with a node of kind
// unknown wherever after_unknown marks the value.
class Converter {
 public:
  Converter(const Tree& raw, TreeBuilder& builder) : raw_(raw), builder_(builder) {}

  // The members of a resource's values or of one block; `unknown` is their after_unknown.
  void members(NodeId values, NodeId unknown, const aws::Shape& shape, bool domain_document) {
    for (NodeId value : raw_.children(values)) {
      member(raw_.key(value), value, raw_.member(unknown, raw_.key(value)), shape, domain_document);
    }
    // A value unknown at plan time is left out of the values: only after_unknown names it.
    for (NodeId marker : raw_.children(unknown)) {
      if (!marked_unknown(raw_, marker) || raw_.member(values, raw_.key(marker)) != kNoNode) continue;
      member(raw_.key(marker), kNoNode, marker, shape, domain_document);
    }
  }

 private:
  void member(std::string_view name, NodeId value, NodeId unknown, const aws::Shape& shape, bool domain_document) {
    const std::optional<TerraformMember> api = api_member(shape, name, domain_document);
    if (!api) return;
    if (marked_unknown(raw_, unknown)) {
      const NodeId written = value != kNoNode ? value : unknown;
      key(api->api_name, written);
      unknown_at(written);
      return;
    }
    if (value == kNoNode || not_set(value)) return;
    if (api->shape->type == aws::ShapeType::structure) return block(*api, value, unknown);
    if (api->repeated) return repeated_block(*api, value, unknown);
    key(api->api_name, value);
    copy(value, unknown);
  }

  // A nested block is a list of at most one object, even where the schema allows only one.
  void block(const TerraformMember& api, NodeId value, NodeId unknown) {
    NodeId object = value;
    NodeId object_unknown = unknown;
    if (raw_.node(value).kind == NodeKind::array) {
      object = raw_.node(value).first_child;
      object_unknown = is_kind(raw_, unknown, NodeKind::array) ? raw_.node(unknown).first_child : kNoNode;
    }
    key(api.api_name, value);
    if (marked_unknown(raw_, object_unknown)) return unknown_at(object);
    if (raw_.node(object).kind != NodeKind::object) return copy(object, object_unknown);
    builder_.open(NodeKind::object, raw_.node(object).begin);
    members(object, object_unknown, *api.shape, false);
    builder_.close(raw_.node(object).end);
  }

  // A list of structures is one block per element.
  void repeated_block(const TerraformMember& api, NodeId value, NodeId unknown) {
    const Node& list = raw_.node(value);
    key(api.api_name, value);
    const aws::Shape* element_shape = aws::element_shape(*api.shape);
    if (list.kind != NodeKind::array || element_shape == nullptr) return copy(value, unknown);
    builder_.open(NodeKind::array, list.begin);
    NodeId element_unknown = first_element(unknown);
    for (NodeId element : raw_.children(value)) {
      if (marked_unknown(raw_, element_unknown)) {
        unknown_at(element);
      } else if (raw_.node(element).kind == NodeKind::object) {
        builder_.open(NodeKind::object, raw_.node(element).begin);
        members(element, element_unknown, *element_shape, false);
        builder_.close(raw_.node(element).end);
      } else {
        copy(element, element_unknown);
      }
      element_unknown = next(element_unknown);
    }
    builder_.close(list.end);
  }

  // A value as written, but for the places after_unknown marks.
  void copy(NodeId value, NodeId unknown) {
    if (marked_unknown(raw_, unknown)) return unknown_at(value);
    const Node& n = raw_.node(value);
    switch (n.kind) {
      case NodeKind::object:
        builder_.open(NodeKind::object, n.begin);
        for (NodeId child : raw_.children(value)) {
          key(raw_.key(child), child);
          copy(child, raw_.member(unknown, raw_.key(child)));
        }
        builder_.close(n.end);
        return;
      case NodeKind::array: {
        builder_.open(NodeKind::array, n.begin);
        NodeId element_unknown = first_element(unknown);
        for (NodeId element : raw_.children(value)) {
          copy(element, element_unknown);
          element_unknown = next(element_unknown);
        }
        builder_.close(n.end);
        return;
      }
      case NodeKind::string: builder_.string(raw_.string(value), n.begin, n.end); return;
      case NodeKind::number: builder_.number(n.number, n.is_integer, n.begin, n.end); return;
      case NodeKind::boolean: builder_.boolean(n.boolean, n.begin, n.end); return;
      case NodeKind::null:
      case NodeKind::unknown: builder_.scalar(n.kind, n.begin, n.end); return;
    }
  }

  // How the provider writes a setting it does not send: null, "", or an empty list (of
  // blocks or of values). Its state reads "" back for what the API leaves out, and it never
  // sends an empty string or list, so a profile that writes them still inherits the domain's.
  bool not_set(NodeId value) const {
    const Node& n = raw_.node(value);
    return n.kind == NodeKind::null || (n.kind == NodeKind::string && n.text.length == 0) ||
           (n.kind == NodeKind::array && n.size == 0);
  }

  // Names the next value, at the place of the raw member `written`.
  void key(std::string_view name, NodeId written) {
    const Node& n = raw_.node(written);
    builder_.key(name, n.key_begin, n.key_end);
  }
  void unknown_at(NodeId written) {
    const Node& n = raw_.node(written);
    builder_.scalar(NodeKind::unknown, n.begin, n.end);
  }
  NodeId first_element(NodeId unknown) const {
    return is_kind(raw_, unknown, NodeKind::array) ? raw_.node(unknown).first_child : kNoNode;
  }
  NodeId next(NodeId element) const { return element == kNoNode ? kNoNode : raw_.node(element).next_sibling; }

  const Tree& raw_;
  TreeBuilder& builder_;
};

// The instances in a tree of their own: {"Resources": {<address>: {"Type": …, "Properties": …}}}
// with the spans of the plan.
std::unique_ptr<Tree> evaluate_instances(const Tree& raw, NodeId section, const std::vector<Instance>& instances) {
  auto evaluated = std::make_unique<Tree>(raw.file());
  TreeBuilder builder(*evaluated);
  Converter converter(raw, builder);
  const Node& root = raw.node(raw.root());
  const Node& values = raw.node(section);
  builder.open(NodeKind::object, root.begin);
  builder.key("Resources", values.key_begin, values.key_end);
  builder.open(NodeKind::object, values.begin);
  for (const Instance& instance : instances) {
    const Node& address = raw.node(raw.member(instance.resource, "address"));
    const NodeId type = raw.member(instance.resource, "type");
    const Node& r = raw.node(instance.resource);
    builder.key(instance.address, address.begin, address.end);
    builder.open(NodeKind::object, r.begin);
    builder.key("Type", raw.node(type).key_begin, raw.node(type).key_end);
    builder.string(raw.string(type), raw.node(type).begin, raw.node(type).end);
    if (instance.values != kNoNode) {
      const Node& v = raw.node(instance.values);
      builder.key("Properties", v.key_begin, v.key_end);
      builder.open(NodeKind::object, v.begin);
      converter.members(instance.values, instance.unknown, *instance.type.shape,
                        instance.type.kind == ResourceKind::domain);
      builder.close(v.end);
    }
    builder.close(r.end);
  }
  builder.close(values.end);
  builder.close(root.end);
  return evaluated;
}

class PlanReader {
 public:
  PlanReader(const Tree& raw, const Tree& evaluated, const std::vector<Instance>& instances, Model& model)
      : raw_(raw), evaluated_(evaluated), instances_(instances), model_(model) {}

  void read_all() {
    std::vector<NodeId> resources;
    for (NodeId resource : evaluated_.children(evaluated_.member(evaluated_.root(), "Resources"))) {
      resources.push_back(resource);
    }
    // Domains first: a profile or space whose domain_id is unknown links to one by address.
    for (size_t i = 0; i < instances_.size(); ++i) {
      if (instances_[i].type.kind == ResourceKind::domain) read_domain(instances_[i], resources[i]);
    }
    for (size_t i = 0; i < instances_.size(); ++i) {
      const Instance& instance = instances_[i];
      if (instance.type.kind == ResourceKind::user_profile) {
        read_linked(instance, resources[i], read_profile_members, model_.profiles);
      } else if (instance.type.kind == ResourceKind::space) {
        read_linked(instance, resources[i], read_space_members, model_.spaces);
      }
    }
  }

 private:
  void read_common(const Instance& instance, NodeId resource, Resource& into) {
    // A resource without values has every setting absent, anchored on the resource.
    into.root = Value::of(evaluated_, resource)["Properties"];
    into.logical_id = evaluated_.key(resource);
    into.logical_id_kind = "address";
    read_tags(instance, into);
  }

  // `tags`, then what `tags_all` adds to them: the provider's default_tags, which AWS applies
  // to the resource all the same.
  void read_tags(const Instance& instance, Resource& into) const {
    into.tags_known = true;
    for (std::string_view member : {"tags", "tags_all"}) {
      const NodeId map = raw_.member(instance.values, member);
      const NodeId unknown = raw_.member(instance.unknown, member);
      if (marked_unknown(raw_, unknown)) {
        into.tags_known = false;
        continue;
      }
      for (NodeId marker : raw_.children(unknown)) {
        if (marked_unknown(raw_, marker)) into.tags_known = false;
      }
      for (NodeId entry : raw_.children(map)) {
        const std::string_view key = raw_.key(entry);
        if (!is_kind(raw_, entry, NodeKind::string) || into.find_tag(key) != nullptr) continue;
        into.tags.push_back(Tag{key, raw_.string(entry), Value::of(raw_, entry)});
      }
    }
  }

  void read_domain(const Instance& instance, NodeId resource) {
    Domain domain;
    domain.kind = ResourceKind::domain;
    read_common(instance, resource, domain);
    read_domain_members(domain);
    domain.id = domain.root["DomainId"];
    const std::optional<std::string_view> id = domain.id.string();
    domain.link_key = id ? std::string(*id) : "tfplan:" + raw_.file().path() + "#" + std::string(instance.address);
    link_by_address_.emplace(instance.address, domain.link_key);
    addresses_by_resource_[resource_address(instance.module, "aws_sagemaker_domain." + std::string(instance.name))]
        .push_back(instance.address);
    model_.domains.push_back(std::move(domain));
  }

  // A profile or a space: its members, and its link to a domain.
  template <class R>
  void read_linked(const Instance& instance, NodeId resource, void (*read_members)(R&), std::vector<R>& into) {
    R linked;
    linked.kind = instance.type.kind;
    read_common(instance, resource, linked);
    read_members(linked);
    linked.domain_link = domain_link(instance, linked);
    into.push_back(std::move(linked));
  }

  // A known domain_id, else the domain of this plan that the configuration refers to.
  template <class R>
  std::string domain_link(const Instance& instance, const R& resource) {
    if (const auto id = resource.domain_id.string()) return std::string(*id);
    if (!resource.domain_id.is_unknown()) return {};
    if (const std::string* link = referenced_domain(instance)) return *link;
    model_.notes.push_back(unknown_domain_note(resource, resource.domain_id, "domain_id", "plan"));
    return {};
  }

  // The link key of the domain the resource's domain_id expression refers to in the same
  // module instance, or null.
  const std::string* referenced_domain(const Instance& instance) const {
    std::vector<DomainReference> references;
    for (NodeId reference : raw_.children(domain_id_references(instance))) {
      if (const auto found = domain_reference(string_of(raw_, reference))) references.push_back(*found);
    }
    // aws_sagemaker_domain.this["a"] names one instance; aws_sagemaker_domain.this (also
    // listed for it, and all that is listed for this[each.key]) names the resource.
    for (const DomainReference& reference : references) {
      if (reference.index.empty()) continue;
      const std::string address = domain_address(instance, reference) + std::string(reference.index);
      if (const auto it = link_by_address_.find(address); it != link_by_address_.end()) return &it->second;
    }
    for (const DomainReference& reference : references) {
      if (!reference.index.empty()) continue;
      const auto it = addresses_by_resource_.find(domain_address(instance, reference));
      // A domain with count or for_each has several instances; which one is meant is not written.
      if (it != addresses_by_resource_.end() && it->second.size() == 1) return &link_by_address_.at(it->second[0]);
    }
    return nullptr;
  }

  // expressions.domain_id.references of the resource's block in the configuration.
  NodeId domain_id_references(const Instance& instance) const {
    NodeId module = raw_.member(raw_.member(raw_.root(), "configuration"), "root_module");
    for (std::string_view call : module_calls(instance.module)) {
      module = raw_.member(raw_.member(raw_.member(module, "module_calls"), call), "module");
    }
    const std::string_view type = string_of(raw_, raw_.member(instance.resource, "type"));
    for (NodeId resource : raw_.children(raw_.member(module, "resources"))) {
      if (string_of(raw_, raw_.member(resource, "mode")) != "managed" ||
          string_of(raw_, raw_.member(resource, "type")) != type ||
          string_of(raw_, raw_.member(resource, "name")) != instance.name) {
        continue;
      }
      return raw_.member(raw_.member(raw_.member(resource, "expressions"), "domain_id"), "references");
    }
    return kNoNode;
  }

  static std::string resource_address(std::string_view module, const std::string& local) {
    return module.empty() ? local : std::string(module) + "." + local;
  }
  static std::string domain_address(const Instance& instance, const DomainReference& reference) {
    return resource_address(instance.module, "aws_sagemaker_domain." + std::string(reference.name));
  }

  const Tree& raw_;
  const Tree& evaluated_;
  const std::vector<Instance>& instances_;
  Model& model_;
  std::unordered_map<std::string_view, std::string> link_by_address_;  // a domain's address → its link key
  // module.studio.aws_sagemaker_domain.this → the addresses of its instances
  std::unordered_map<std::string, std::vector<std::string_view>> addresses_by_resource_;
};

}  // namespace

DocumentRead read_terraform_plan(const Tree& tree, Model& model) {
  const DocumentKind kind = document_kind(tree);
  if (kind == DocumentKind::other) return DocumentRead::not_recognised;
  const NodeId version = tree.member(tree.root(), "format_version");
  if (!supported_format(tree.string(version))) {
    model.notes.push_back(Diagnostic{Level::note, Location::of(tree, version),
                                     "skipped: Terraform JSON format_version " + quoted(tree.string(version)) +
                                         " is not one sagelint reads (0.x and 1.x)"});
    return DocumentRead::read;  // said here, so not skipped again
  }
  const NodeId section = tree.member(tree.root(), kind == DocumentKind::plan ? "planned_values" : "values");
  const NodeId root_module = tree.member(section, "root_module");
  std::vector<Instance> instances;
  collect_instances(tree, root_module, {}, after_unknown_by_address(tree), instances);
  if (instances.empty()) return DocumentRead::no_sagemaker_resources;
  std::unique_ptr<Tree> evaluated = evaluate_instances(tree, section, instances);
  PlanReader(tree, *evaluated, instances, model).read_all();
  model.trees.push_back(std::move(evaluated));
  return DocumentRead::read;
}

}  // namespace sagelint
