// The source tree: JSON Pointers to nodes, navigation, and the spans a finding underlines.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "sagelint/json_loader.hpp"
#include "sagelint/location.hpp"
#include "sagelint/tree.hpp"
#include "test_support.hpp"

using namespace sagelint;
using sagelint::testing::LoadedDocument;

namespace {


constexpr std::string_view kProfiles = R"({
  "UserProfiles": [
    {"UserName": "ana", "Tags": []},
    {"UserName": "bo", "Tags": [{"Key": "team", "Value": "ml"}]}
  ],
  "a/b": {"m~n": {"~1": 1}},
  "": {"": true}
})";

}  // namespace

TEST_CASE("a node's JSON Pointer names every step from the root") {
  const LoadedDocument doc{std::string(kProfiles)};
  const Tree& tree = doc.tree();
  const NodeId profiles = tree.member(doc.tree().root(), "UserProfiles");
  const NodeId bo = tree.element(profiles, 1);
  const NodeId tag = tree.element(tree.member(bo, "Tags"), 0);

  CHECK(tree.pointer(doc.tree().root()) == "");
  CHECK(tree.pointer(profiles) == "/UserProfiles");
  CHECK(tree.pointer(bo) == "/UserProfiles/1");
  CHECK(tree.pointer(tree.member(bo, "UserName")) == "/UserProfiles/1/UserName");
  CHECK(tree.pointer(tree.member(tag, "Value")) == "/UserProfiles/1/Tags/0/Value");

  SUBCASE("'~' and '/' in member names are escaped as RFC 6901 says") {
    const NodeId slash = tree.member(doc.tree().root(), "a/b");
    const NodeId tilde = tree.member(slash, "m~n");
    const NodeId both = tree.member(tilde, "~1");
    CHECK(tree.pointer(slash) == "/a~1b");
    CHECK(tree.pointer(tilde) == "/a~1b/m~0n");
    // "~" is escaped before anything else, so a literal "~1" cannot turn into "/".
    CHECK(tree.pointer(both) == "/a~1b/m~0n/~01");
  }
  SUBCASE("an empty member name is an empty token") {
    const NodeId empty = tree.member(doc.tree().root(), "");
    REQUIRE(empty != kNoNode);
    CHECK(tree.pointer(empty) == "/");
    CHECK(tree.pointer(tree.member(empty, "")) == "//");
  }
  SUBCASE("no node has no pointer") {
    CHECK(tree.pointer(kNoNode) == "");
  }
}

TEST_CASE("the last token of a pointer is the member name or index, unescaped") {
  const LoadedDocument doc{std::string(kProfiles)};
  const Tree& tree = doc.tree();
  const NodeId profiles = tree.member(doc.tree().root(), "UserProfiles");
  CHECK(tree.last_token(doc.tree().root()) == "");
  CHECK(tree.last_token(profiles) == "UserProfiles");
  CHECK(tree.last_token(tree.element(profiles, 1)) == "1");
  CHECK(tree.last_token(tree.member(doc.tree().root(), "a/b")) == "a/b");
  CHECK(tree.last_token(tree.member(tree.member(doc.tree().root(), "a/b"), "m~n")) == "m~n");
  CHECK(tree.last_token(kNoNode) == "");
}

TEST_CASE("member finds an object's member by its decoded name") {
  const LoadedDocument doc(R"({"a": 1, "caf\u00e9": 2, "a": 3, "list": [{"a": 4}]})");
  const Tree& tree = doc.tree();
  SUBCASE("the first of two equal names") {
    const NodeId a = tree.member(doc.tree().root(), "a");
    REQUIRE(a != kNoNode);
    CHECK(tree.node(a).number == 1);
  }
  SUBCASE("an escaped name") {
    const NodeId cafe = tree.member(doc.tree().root(), "caf\xC3\xA9");
    REQUIRE(cafe != kNoNode);
    CHECK(tree.node(cafe).number == 2);
  }
  SUBCASE("nothing for a missing name, a non-object or no node") {
    CHECK(tree.member(doc.tree().root(), "b") == kNoNode);
    CHECK(tree.member(doc.tree().root(), "A") == kNoNode);
    CHECK(tree.member(tree.member(doc.tree().root(), "list"), "a") == kNoNode);
    CHECK(tree.member(tree.member(doc.tree().root(), "a"), "a") == kNoNode);
    CHECK(tree.member(kNoNode, "a") == kNoNode);
  }
}

TEST_CASE("element finds an array's element by its index") {
  const LoadedDocument doc(R"({"list": ["x", "y", "z"], "object": {"0": "no"}})");
  const Tree& tree = doc.tree();
  const NodeId list = tree.member(doc.tree().root(), "list");
  CHECK(tree.string(tree.element(list, 0)) == "x");
  CHECK(tree.string(tree.element(list, 2)) == "z");
  CHECK(tree.element(list, 3) == kNoNode);
  CHECK(tree.element(tree.member(doc.tree().root(), "object"), 0) == kNoNode);
  CHECK(tree.element(kNoNode, 0) == kNoNode);
}

TEST_CASE("children are visited in document order with their index and parent") {
  const LoadedDocument doc(R"({"z": 1, "a": [true, null, "s", {}], "m": {}})");
  const Tree& tree = doc.tree();
  std::vector<std::string> keys;
  for (NodeId child : tree.children(doc.tree().root())) {
    keys.emplace_back(tree.key(child));
    CHECK(tree.node(child).parent == doc.tree().root());
    CHECK(tree.node(child).has_key);
  }
  CHECK(keys == std::vector<std::string>{"z", "a", "m"});
  CHECK(tree.node(doc.tree().root()).size == 3);

  const NodeId array = tree.member(doc.tree().root(), "a");
  std::vector<NodeKind> kinds;
  uint32_t expected_index = 0;
  for (NodeId child : tree.children(array)) {
    kinds.push_back(tree.node(child).kind);
    CHECK(tree.node(child).index == expected_index++);
    CHECK_FALSE(tree.node(child).has_key);
  }
  CHECK(kinds == std::vector<NodeKind>{NodeKind::boolean, NodeKind::null, NodeKind::string, NodeKind::object});

  SUBCASE("an empty container, a scalar and no node have no children") {
    int visited = 0;
    for ([[maybe_unused]] NodeId child : tree.children(tree.member(doc.tree().root(), "m"))) ++visited;
    for ([[maybe_unused]] NodeId child : tree.children(tree.member(doc.tree().root(), "z"))) ++visited;
    for ([[maybe_unused]] NodeId child : tree.children(kNoNode)) ++visited;
    CHECK(visited == 0);
  }
}

TEST_CASE("a location underlines a scalar's token, a member container's name, or else an opening bracket") {
  const LoadedDocument doc("{\n  \"Name\": \"ana\",\n  \"Settings\": {\n    \"On\": true\n  },\n  \"List\": [[1], {}]\n}");
  const Tree& tree = doc.tree();

  SUBCASE("a scalar member: its value, not its name") {
    const NodeId name = tree.member(doc.tree().root(), "Name");
    const Location at = Location::of(tree, name);
    CHECK(doc.underlined(at) == "\"ana\"");
    CHECK(at.file == &doc.file);
    CHECK(at.tree == &tree);
    CHECK(at.node == name);
    CHECK(doc.file.region(at.begin, at.end) == Region{{2, 11}, {2, 16}});
  }
  SUBCASE("an object member: its name, one line instead of the whole block") {
    const Location at = Location::of(tree, tree.member(doc.tree().root(), "Settings"));
    CHECK(doc.underlined(at) == "\"Settings\"");
    CHECK(doc.file.region(at.begin, at.end) == Region{{3, 3}, {3, 13}});
  }
  SUBCASE("an array member: its name") {
    CHECK(doc.underlined(Location::of(tree, tree.member(doc.tree().root(), "List"))) == "\"List\"");
  }
  SUBCASE("containers without a name: the opening bracket") {
    const NodeId list = tree.member(doc.tree().root(), "List");
    CHECK(doc.underlined(Location::of(tree, doc.tree().root())) == "{");
    CHECK(doc.underlined(Location::of(tree, tree.element(list, 0))) == "[");
    CHECK(doc.underlined(Location::of(tree, tree.element(list, 1))) == "{");
  }
  SUBCASE("a scalar without a name: its token") {
    const NodeId one = tree.element(tree.element(tree.member(doc.tree().root(), "List"), 0), 0);
    CHECK(doc.underlined(Location::of(tree, one)) == "1");
  }
  SUBCASE("key_of points at the member name, for scalars too") {
    const NodeId on = tree.member(tree.member(doc.tree().root(), "Settings"), "On");
    const Location at = Location::key_of(tree, on);
    CHECK(doc.underlined(at) == "\"On\"");
    CHECK(at.node == on);
    CHECK(doc.underlined(Location::key_of(tree, tree.member(doc.tree().root(), "Settings"))) == "\"Settings\"");
  }
  SUBCASE("key_of falls back to of without a name") {
    const NodeId list = tree.member(doc.tree().root(), "List");
    CHECK(doc.underlined(Location::key_of(tree, doc.tree().root())) == "{");
    CHECK(doc.underlined(Location::key_of(tree, tree.element(list, 0))) == "[");
    CHECK(doc.underlined(Location::key_of(tree, tree.element(tree.element(list, 0), 0))) == "1");
  }
}

TEST_CASE("node kinds read as the words messages use") {
  CHECK(to_string(NodeKind::object) == "an object");
  CHECK(to_string(NodeKind::array) == "an array");
  CHECK(to_string(NodeKind::string) == "a string");
  CHECK(to_string(NodeKind::number) == "a number");
  CHECK(to_string(NodeKind::boolean) == "a boolean");
  CHECK(to_string(NodeKind::null) == "null");
  CHECK(to_string(NodeKind::unknown) == "a value not known before deployment");
}

TEST_CASE("a tree built by hand links parents, siblings and keys like a loaded one") {
  // What a loader other than the JSON one does: report events with byte spans.
  const SourceFile file("x.tf", "/x.tf", R"({ role = var.role, tags = ["a"] })");
  Tree tree(file);
  TreeBuilder builder(tree);
  const NodeId root = builder.open(NodeKind::object, 0);
  CHECK(builder.depth() == 1);
  builder.key("role", 2, 6);
  const NodeId role = builder.scalar(NodeKind::unknown, 9, 17);
  builder.key("tags", 19, 23);
  const NodeId tags = builder.open(NodeKind::array, 26);
  const NodeId a = builder.string("a", 27, 30);
  builder.close(31);
  builder.close(33);
  CHECK(builder.depth() == 0);

  CHECK(tree.root() == root);
  CHECK(tree.node(role).kind == NodeKind::unknown);
  CHECK(tree.member(root, "role") == role);
  CHECK(tree.pointer(role) == "/role");
  CHECK(tree.pointer(a) == "/tags/0");
  CHECK(tree.node(tags).end == 31);
  CHECK(tree.node(root).end == 33);
  CHECK(file.text().substr(tree.node(role).begin, tree.node(role).end - tree.node(role).begin) == "var.role");
  CHECK(builder.duplicate_keys().empty());
}
