#include "sagelint/api_export.hpp"

#include <string>

#include "sagelint/aws_shapes.hpp"
#include "sagelint/shape_check.hpp"

namespace sagelint {
namespace {

struct DocumentShapes {
  std::string_view full;     // the describe-* response
  std::string_view summary;  // the list-* element
};

constexpr DocumentShapes kDomainShapes{"DescribeDomainResponse", "DomainDetails"};
constexpr DocumentShapes kProfileShapes{"DescribeUserProfileResponse", "UserProfileDetails"};
constexpr DocumentShapes kSpaceShapes{"DescribeSpaceResponse", "SpaceDetails"};

const aws::Shape& shape(std::string_view name) { return *aws::find_shape(name); }

// A list-* element carries only identity fields; a describe-* output has more. An element is
// read as a summary unless it has a member that only the describe output has, so that a
// list output never looks like a resource with every setting absent.
bool is_summary(const Tree& tree, NodeId item, const DocumentShapes& shapes) {
  const aws::Shape& full = shape(shapes.full);
  const aws::Shape& summary = shape(shapes.summary);
  for (NodeId member : tree.children(item)) {
    const std::string_view key = tree.key(member);
    if (aws::member_shape(full, key) && !aws::member_shape(summary, key)) return false;
  }
  return true;
}

void read_tags(const Tree& tree, NodeId document, Resource& resource, Model& model) {
  const NodeId tags = tree.member(document, "Tags");
  if (tags == kNoNode || tree.node(tags).kind == NodeKind::null) return;
  const size_t problems_before = model.input_problems.size();
  check_shape(tree, tags, shape("TagList"), model.input_problems);
  if (model.input_problems.size() != problems_before) return;
  resource.tags_known = true;
  for (NodeId entry : tree.children(tags)) {
    const NodeId key = tree.member(entry, "Key");
    const NodeId value = tree.member(entry, "Value");
    if (key == kNoNode) continue;
    Tag tag;
    tag.key = tree.string(key);
    if (value != kNoNode && tree.node(value).kind == NodeKind::string) tag.value = tree.string(value);
    tag.node = Value::of(tree, entry);
    resource.tags.push_back(std::move(tag));
  }
}

// Fills what every resource has, and checks the document against its API shape.
void read_common(const Tree& tree, NodeId document, bool summary, const DocumentShapes& shapes, Resource& resource,
                 Model& model) {
  check_shape(tree, document, shape(summary ? shapes.summary : shapes.full), model.input_problems);
  resource.summary = summary;
  resource.root = Value::of(tree, document, summary);
  read_tags(tree, document, resource, model);
}

std::string link_key(const Value& domain_id) {
  const auto id = domain_id.string();
  return id ? std::string(*id) : std::string();
}

void read_domain(const Tree& tree, NodeId document, bool summary, Model& model) {
  Domain domain;
  domain.kind = ResourceKind::domain;
  read_common(tree, document, summary, kDomainShapes, domain, model);
  read_domain_members(domain);
  domain.id = domain.root["DomainId"];
  domain.link_key = link_key(domain.id);
  model.domains.push_back(std::move(domain));
}

void read_profile(const Tree& tree, NodeId document, bool summary, Model& model) {
  UserProfile profile;
  profile.kind = ResourceKind::user_profile;
  read_common(tree, document, summary, kProfileShapes, profile, model);
  read_profile_members(profile);
  profile.domain_link = link_key(profile.domain_id);
  model.profiles.push_back(std::move(profile));
}

void read_space(const Tree& tree, NodeId document, bool summary, Model& model) {
  Space space;
  space.kind = ResourceKind::space;
  read_common(tree, document, summary, kSpaceShapes, space, model);
  read_space_members(space);
  space.domain_link = link_key(space.domain_id);
  if (summary) {
    // list-spaces names the same settings *Summary.
    space.owner = space.root.get({"OwnershipSettingsSummary", "OwnerUserProfileName"});
    space.sharing_type = space.root.get({"SpaceSharingSettingsSummary", "SharingType"});
  }
  model.spaces.push_back(std::move(space));
}

using ReadFunction = void (*)(const Tree&, NodeId, bool, Model&);

struct Collection {
  std::string_view member;
  DocumentShapes shapes;
  ReadFunction read;
};

constexpr Collection kCollections[] = {
    {"Domains", kDomainShapes, read_domain},
    {"UserProfiles", kProfileShapes, read_profile},
    {"Spaces", kSpaceShapes, read_space},
};

void read_collection(const Tree& tree, NodeId array, const Collection& collection, Model& model) {
  if (tree.node(array).kind != NodeKind::array) {
    model.input_problems.push_back(Diagnostic{Level::error, Location::of(tree, array),
                                              "expected an array for '" + std::string(collection.member) +
                                                  "', found " + std::string(to_string(tree.node(array).kind))});
    return;
  }
  for (NodeId item : tree.children(array)) {
    if (tree.node(item).kind != NodeKind::object) {
      model.input_problems.push_back(Diagnostic{
          Level::error, Location::of(tree, item),
          "expected an object for element " + std::to_string(tree.node(item).index) + " of '" +
              std::string(collection.member) + "', found " + std::string(to_string(tree.node(item).kind))});
      continue;
    }
    collection.read(tree, item, is_summary(tree, item, collection.shapes), model);
  }
}

}  // namespace

bool read_api_export(const Tree& tree, Model& model) {
  const NodeId root = tree.root();
  if (root == kNoNode || tree.node(root).kind != NodeKind::object) return false;

  bool is_collection = false;
  for (const Collection& collection : kCollections) {
    const NodeId array = tree.member(root, collection.member);
    if (array == kNoNode) continue;
    is_collection = true;
    read_collection(tree, array, collection, model);
  }
  if (is_collection) return true;

  // A single describe-* output. Profiles and spaces also carry DomainId, so test them first.
  if (tree.member(root, "UserProfileName") != kNoNode) {
    read_profile(tree, root, false, model);
  } else if (tree.member(root, "SpaceName") != kNoNode) {
    read_space(tree, root, false, model);
  } else if (tree.member(root, "DomainId") != kNoNode || tree.member(root, "DomainName") != kNoNode ||
             tree.member(root, "DomainArn") != kNoNode) {
    read_domain(tree, root, false, model);
  } else {
    return false;
  }
  return true;
}

}  // namespace sagelint
