// Values as rules read them: present, unknown or absent, and where a finding about each points.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "sagelint/json_loader.hpp"
#include "sagelint/value.hpp"
#include "test_support.hpp"

using namespace sagelint;
using sagelint::testing::LoadedDocument;

namespace {


constexpr std::string_view kDomain = R"({
  "Domain": {
    "Name": "ml",
    "Count": 3,
    "Tags": ["team", "ml"],
    "Mixed": ["team", 1],
    "Empty": [],
    "Nothing": null,
    "WithNull": ["a", null],
    "Settings": {"Inner": "x"},
    "Text": "str"
  }
})";

}  // namespace

TEST_CASE("a member that exists is present with its value") {
  const LoadedDocument doc{std::string(kDomain)};
  const Value domain = doc.value()["Domain"];
  CHECK(domain.is_present());
  CHECK(domain.is_object());
  CHECK(domain.kind() == NodeKind::object);
  CHECK(domain["Name"].string() == "ml");
  CHECK(domain["Count"].number() == 3);
  CHECK(domain.get({"Settings", "Inner"}).string() == "x");
  CHECK(doc.underlined((domain["Name"]).location()) == "\"ml\"");
  CHECK(doc.tree().pointer(domain["Count"].node()) == "/Domain/Count");

  SUBCASE("typed reads of another type are empty") {
    CHECK_FALSE(domain["Name"].number().has_value());
    CHECK_FALSE(domain["Count"].string().has_value());
    CHECK_FALSE(domain["Tags"].string().has_value());
    CHECK_FALSE(domain["Name"].is_object());
    CHECK_FALSE(domain["Name"].is_array());
    CHECK(domain["Tags"].is_array());
  }
}

TEST_CASE("a missing member is absent and points at the object it belongs in") {
  const LoadedDocument doc{std::string(kDomain)};
  const Value domain = doc.value()["Domain"];
  const Value missing = domain["DefaultUserSettings"];
  CHECK(missing.is_absent());
  CHECK_FALSE(missing.is_present());
  CHECK_FALSE(missing.is_unknown());
  CHECK(missing.node() == kNoNode);
  CHECK(missing.anchor() == domain.node());
  CHECK(missing.kind() == NodeKind::null);
  CHECK_FALSE(missing.string().has_value());
  CHECK(doc.underlined(missing.location()) == "\"Domain\"");

  SUBCASE("members of an absent value stay absent, anchored at the nearest node that exists") {
    const Value deeper = missing["JupyterServerAppSettings"]["DefaultResourceSpec"];
    CHECK(deeper.is_absent());
    CHECK(deeper.anchor() == domain.node());
    CHECK(doc.underlined(deeper.location()) == "\"Domain\"");
    CHECK(domain.get({"A", "B", "C"}).anchor() == domain.node());
  }
  SUBCASE("a missing member of the root points at the root's opening bracket") {
    const Value top = doc.value()["Nope"];
    CHECK(top.is_absent());
    CHECK(doc.underlined(top.location()) == "{");
  }
}

TEST_CASE("an explicit null is absent but points at the null") {
  const LoadedDocument doc{std::string(kDomain)};
  const Value domain = doc.value()["Domain"];
  const Value nothing = domain["Nothing"];
  CHECK(nothing.is_absent());
  CHECK(nothing.node() == kNoNode);
  CHECK(nothing.anchor() == doc.tree().member(domain.node(), "Nothing"));
  CHECK(doc.underlined(nothing.location()) == "null");

  SUBCASE("and so do members below it") {
    const Value below = nothing["Deeper"];
    CHECK(below.is_absent());
    CHECK(doc.underlined(below.location()) == "null");
  }
  SUBCASE("even in an incomplete document") {
    CHECK(doc.value(true)["Domain"]["Nothing"].is_absent());
  }
  SUBCASE("a null root") {
    const LoadedDocument null_doc("null");
    const Value root = null_doc.value();
    CHECK(root.is_absent());
    CHECK(null_doc.underlined(root.location()) == "null");
  }
}

TEST_CASE("a member of something that is not an object is unknown, not absent") {
  const LoadedDocument doc{std::string(kDomain)};
  const Value domain = doc.value()["Domain"];
  SUBCASE("of a string") {
    const Value member = domain["Text"]["Inner"];
    CHECK(member.is_unknown());
    CHECK(member.node() == kNoNode);
    CHECK(doc.underlined(member.location()) == "\"str\"");
    CHECK_FALSE(member.string().has_value());
  }
  SUBCASE("of an array") {
    const Value member = domain["Tags"]["0"];
    CHECK(member.is_unknown());
    CHECK(doc.underlined(member.location()) == "\"Tags\"");
  }
  SUBCASE("of a number, and further down") {
    const Value member = domain["Count"]["A"]["B"];
    CHECK(member.is_unknown());
    CHECK(doc.underlined(member.location()) == "3");
  }
}

TEST_CASE("in an incomplete document a missing member is unknown") {
  const LoadedDocument doc{std::string(kDomain)};
  const Value domain = doc.value(true)["Domain"];
  CHECK(domain.is_present());
  CHECK(domain["Name"].string() == "ml");

  const Value missing = domain["AppNetworkAccessType"];
  CHECK(missing.is_unknown());
  CHECK_FALSE(missing.is_absent());
  CHECK(missing.anchor() == domain.node());
  CHECK(doc.underlined(missing.location()) == "\"Domain\"");
  CHECK(missing["Deeper"].is_unknown());
  CHECK(domain.get({"Settings", "Missing"}).is_unknown());
  SUBCASE("elements keep the document's incompleteness") {
    const std::vector<Value> elements = doc.value(true)["Domain"]["Mixed"].elements();
    REQUIRE(elements.size() == 2);
    CHECK(elements[0]["Missing"].is_unknown());
  }
  SUBCASE("a complete document says absent for the same member") {
    CHECK(doc.value()["Domain"]["AppNetworkAccessType"].is_absent());
  }
}

TEST_CASE("Value::of on no node is absent, or unknown for an incomplete document") {
  const LoadedDocument doc{std::string(kDomain)};
  const Value absent = Value::of(doc.tree(), kNoNode);
  CHECK(absent.is_absent());
  CHECK(absent.location().file == &doc.file);
  CHECK(absent.location().node == kNoNode);
  CHECK(Value::of(doc.tree(), kNoNode, true).is_unknown());
}

TEST_CASE("a default value is absent and nowhere") {
  const Value nowhere;
  CHECK(nowhere.is_absent());
  CHECK(nowhere.tree() == nullptr);
  CHECK(nowhere.location().file == nullptr);
  CHECK(nowhere["a"]["b"].is_absent());
  CHECK(nowhere.elements().empty());
  CHECK_FALSE(nowhere.strings().has_value());
  CHECK_FALSE(nowhere.contains_string("a"));
}

TEST_CASE("strings reads a list of known strings and nothing else") {
  const LoadedDocument doc{std::string(kDomain)};
  const Value domain = doc.value()["Domain"];
  SUBCASE("all strings") {
    const auto tags = domain["Tags"].strings();
    REQUIRE(tags.has_value());
    CHECK(*tags == std::vector<std::string_view>{"team", "ml"});
  }
  SUBCASE("an empty list is an empty list, not nothing") {
    const auto empty = domain["Empty"].strings();
    REQUIRE(empty.has_value());
    CHECK(empty->empty());
  }
  SUBCASE("a list holding anything else, or no list at all") {
    CHECK_FALSE(domain["Mixed"].strings().has_value());
    CHECK_FALSE(domain["WithNull"].strings().has_value());
    CHECK_FALSE(domain["Text"].strings().has_value());
    CHECK_FALSE(domain["Missing"].strings().has_value());
    CHECK_FALSE(domain["Tags"].as_unknown().strings().has_value());
  }
}

TEST_CASE("contains_string looks for a string element") {
  const LoadedDocument doc{std::string(kDomain)};
  const Value domain = doc.value()["Domain"];
  CHECK(domain["Tags"].contains_string("ml"));
  CHECK_FALSE(domain["Tags"].contains_string("ML"));
  CHECK(domain["Mixed"].contains_string("team"));
  CHECK_FALSE(domain["Mixed"].contains_string("1"));
  CHECK_FALSE(domain["Text"].contains_string("str"));
  CHECK_FALSE(domain["Missing"].contains_string("ml"));
}

TEST_CASE("elements gives each element as a value, a null one absent but located") {
  const LoadedDocument doc{std::string(kDomain)};
  const std::vector<Value> elements = doc.value()["Domain"]["WithNull"].elements();
  REQUIRE(elements.size() == 2);
  CHECK(elements[0].string() == "a");
  CHECK(elements[1].is_absent());
  CHECK(doc.underlined((elements[1]).location()) == "null");
  CHECK(doc.value()["Domain"]["Text"].elements().empty());
}

TEST_CASE("as_unknown keeps the place but forgets the value") {
  const LoadedDocument doc{std::string(kDomain)};
  const Value domain = doc.value()["Domain"];
  SUBCASE("a present string") {
    const Value name = domain["Name"].as_unknown();
    CHECK(name.is_unknown());
    CHECK(name.node() == domain["Name"].node());
    CHECK_FALSE(name.string().has_value());
    CHECK(doc.underlined(name.location()) == "\"ml\"");
  }
  SUBCASE("an object: its members are unknown too") {
    const Value unknown = domain.as_unknown();
    CHECK_FALSE(unknown.is_object());
    CHECK(unknown["Name"].is_unknown());
    CHECK_FALSE(unknown["Name"].string().has_value());
    CHECK(doc.underlined((unknown["Name"]).location()) == "\"Domain\"");
  }
  SUBCASE("an absent value") {
    const Value unknown = domain["Missing"].as_unknown();
    CHECK(unknown.is_unknown());
    CHECK(doc.underlined(unknown.location()) == "\"Domain\"");
  }
}

TEST_CASE("a node whose value is not known statically reads as unknown") {
  // An unresolved expression, as a Terraform or CloudFormation loader would report it.
  const SourceFile file("main.tf", "/main.tf", R"({ role = var.role, tags = [var.tag, "b"] })");
  Tree tree(file);
  TreeBuilder builder(tree);
  const NodeId root = builder.open(NodeKind::object, 0);
  builder.key("role", 2, 6);
  const NodeId role = builder.scalar(NodeKind::unknown, 9, 17);
  builder.key("tags", 19, 23);
  builder.open(NodeKind::array, 26);
  builder.scalar(NodeKind::unknown, 27, 34);
  builder.string("b", 36, 39);
  builder.close(40);
  builder.close(42);

  const Value value = Value::of(tree, root)["role"];
  CHECK(value.is_unknown());
  CHECK(value.node() == role);
  CHECK(value.kind() == NodeKind::unknown);
  CHECK_FALSE(value.string().has_value());
  CHECK_FALSE(value.number().has_value());
  const Location at = value.location();
  CHECK(file.text().substr(at.begin, at.end - at.begin) == "var.role");
  CHECK(value["arn"].is_unknown());
  CHECK(Value::of(tree, role).is_unknown());

  SUBCASE("a list with an unknown element is not a list of known strings") {
    const Value tags = Value::of(tree, root)["tags"];
    CHECK(tags.is_array());
    CHECK_FALSE(tags.strings().has_value());
    CHECK(tags.contains_string("b"));
    const std::vector<Value> elements = tags.elements();
    REQUIRE(elements.size() == 2);
    CHECK(elements[0].is_unknown());
    CHECK(elements[1].string() == "b");
  }
}
