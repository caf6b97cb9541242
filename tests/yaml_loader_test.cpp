// The YAML loader: CloudFormation templates in YAML become the tree JSON gives, with exact
// positions, short-form tags as long-form objects, PyYAML's scalar resolution, aliases
// expanded within a budget, and a clear message at the right place for bad input.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "sagelint/yaml_loader.hpp"
#include "test_support.hpp"

using namespace sagelint;
using sagelint::testing::LoadedDocument;

namespace {

struct LoadedYaml : LoadedDocument {
  explicit LoadedYaml(std::string text) : LoadedDocument(std::move(text), load_yaml, "t.yaml") {}
};

// "line:column: message" of a rejected document.
std::string fault_of(std::string text) {
  const LoadedDocument doc(std::move(text), load_yaml, "t.yaml");
  REQUIRE_MESSAGE(doc.result.failure.has_value(), "the document was accepted");
  CHECK(doc.result.tree == nullptr);
  const Diagnostic& failure = *doc.result.failure;
  CHECK(failure.location.end <= doc.file.text().size());
  const Position p = doc.file.position(failure.location.begin);
  return std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + failure.message;
}

}  // namespace

TEST_CASE("a block mapping keeps the span of every key and value") {
  const LoadedYaml doc("Resources:\n  Domain:\n    Type: AWS::SageMaker::Domain\n    Properties:\n      DomainName: ml\n");
  const NodeId type = doc.at({"Resources", "Domain", "Type"});
  CHECK(doc.tree().string(type) == "AWS::SageMaker::Domain");
  CHECK(doc.region(type) == "3:11-3:33");
  CHECK(doc.key_region(type) == "3:5-3:9");
  const NodeId name = doc.at({"Resources", "Domain", "Properties", "DomainName"});
  CHECK(doc.token(name) == "ml");
  // A block collection ends with its last value, not at the next key's line.
  CHECK(doc.region(doc.at({"Resources", "Domain"})) == "3:5-5:21");
}

TEST_CASE("plain scalars resolve as PyYAML resolves them, quoted ones stay strings") {
  const LoadedYaml doc(
      "a: ~\nb: null\nc:\nd: true\ne: No\nf: on\ng: 42\nh: -0x1F\ni: 017\nj: 1.5\nk: 1e5\nl: .inf\n"
      "m: '42'\nn: \"true\"\no: 2010-09-09\np: 1_000\nq: 1.2.3\n");
  const auto kind = [&](std::string_view key) { return doc.node(doc.at({key})).kind; };
  CHECK(kind("a") == NodeKind::null);
  CHECK(kind("b") == NodeKind::null);
  CHECK(kind("c") == NodeKind::null);
  CHECK(doc.node(doc.at({"d"})).boolean);
  CHECK(kind("e") == NodeKind::boolean);
  CHECK_FALSE(doc.node(doc.at({"e"})).boolean);
  CHECK(doc.node(doc.at({"f"})).boolean);
  CHECK(doc.node(doc.at({"g"})).number == 42);
  CHECK(doc.node(doc.at({"g"})).is_integer);
  CHECK(doc.node(doc.at({"h"})).number == -31);
  CHECK(doc.node(doc.at({"i"})).number == 15);
  CHECK(doc.node(doc.at({"j"})).number == 1.5);
  CHECK(kind("k") == NodeKind::string);  // YAML 1.1 floats need a dot
  CHECK(std::isinf(doc.node(doc.at({"l"})).number));
  CHECK(kind("m") == NodeKind::string);
  CHECK(kind("n") == NodeKind::string);
  CHECK(doc.tree().string(doc.at({"o"})) == "2010-09-09");
  CHECK(doc.node(doc.at({"p"})).number == 1000);
  CHECK(kind("q") == NodeKind::string);
}

TEST_CASE("quoted and block scalars decode, spans cover the token without trailing blank lines") {
  const LoadedYaml doc("a: 'it''s'\nb: \"tab\\there\"\nc: |\n  line one\n  line two\n\nd: >-\n  folded\n  text\ne: x\n");
  CHECK(doc.tree().string(doc.at({"a"})) == "it's");
  CHECK(doc.token(doc.at({"a"})) == "'it''s'");
  CHECK(doc.tree().string(doc.at({"b"})) == "tab\there");
  CHECK(doc.tree().string(doc.at({"c"})) == "line one\nline two\n");
  CHECK(doc.region(doc.at({"c"})) == "3:4-5:11");
  CHECK(doc.tree().string(doc.at({"d"})) == "folded text");
}

TEST_CASE("short-form tags become the long-form objects of JSON templates") {
  const LoadedYaml doc(
      "A: !Ref Name\n"
      "B: !GetAtt Domain.DomainId\n"
      "C: !Sub\n  - '${X}-suffix'\n  - X: !Ref Y\n"
      "D: !If [IsProd, 'a', !Ref AWS::NoValue]\n"
      "E: !Condition IsProd\n"
      "F: !Sub |\n  text ${AWS::Region}\n"
      "G: !!str 123\n");
  const NodeId a = doc.at({"A"});
  CHECK(doc.node(a).kind == NodeKind::object);
  CHECK(doc.tree().string(doc.at({"A", "Ref"})) == "Name");
  CHECK(doc.region(a) == "1:4-1:13");
  CHECK(doc.key_region(doc.at({"A", "Ref"})) == "1:4-1:8");
  CHECK(doc.region(doc.at({"A", "Ref"})) == "1:9-1:13");
  CHECK(doc.tree().string(doc.at({"B", "Fn::GetAtt"})) == "Domain.DomainId");
  CHECK(doc.node(doc.at({"C", "Fn::Sub"})).kind == NodeKind::array);
  CHECK(doc.tree().string(doc.at({"C", "Fn::Sub", "1", "X", "Ref"})) == "Y");
  CHECK(doc.tree().string(doc.at({"D", "Fn::If", "2", "Ref"})) == "AWS::NoValue");
  CHECK(doc.tree().string(doc.at({"E", "Condition"})) == "IsProd");
  // A tag on one line and its block scalar on the next (yaml-cpp 0.7 rejects this).
  CHECK(doc.tree().string(doc.at({"F", "Fn::Sub"})) == "text ${AWS::Region}\n");
  CHECK(doc.region(doc.at({"F", "Fn::Sub"})) == "8:9-9:22");
  CHECK(doc.node(doc.at({"G"})).kind == NodeKind::string);
}

TEST_CASE("flow collections, anchors and aliases") {
  const LoadedYaml doc("base: &tags {Key: team, Value: ml}\nlist: [*tags, {Key: b, Value: c}]\n");
  CHECK(doc.tree().string(doc.at({"list", "0", "Key"})) == "team");
  CHECK(doc.tree().string(doc.at({"list", "1", "Value"})) == "c");
  CHECK(doc.region(doc.at({"base"})) == "1:13-1:35");
}

TEST_CASE("non-ASCII text keeps byte spans and UTF-16 columns") {
  const LoadedYaml doc("\xEF\xBB\xBFname: caf\xC3\xA9\nnext: \xF0\x9F\x98\x80 x\n");
  CHECK(doc.tree().string(doc.at({"name"})) == "caf\xC3\xA9");
  CHECK(doc.region(doc.at({"name"})) == "1:7-1:11");
  CHECK(doc.region(doc.at({"next"})) == "2:7-2:11");
}

TEST_CASE("duplicate keys are found as in JSON") {
  const LoadedYaml doc("a: 1\nb: 2\na: 3\n");
  REQUIRE(doc.result.duplicate_keys.size() == 1);
  CHECK(doc.key_region(doc.result.duplicate_keys[0].duplicate) == "3:1-3:2");
}

TEST_CASE("bad YAML is rejected with its position") {
  CHECK(fault_of("") == "1:1: the file is empty; expected a YAML document");
  CHECK(fault_of("# only a comment\n") == "2:1: the file holds no YAML document");
  CHECK(fault_of("a: 1\n---\nb: 2\n") == "2:1: a second YAML document starts here; a template is one document");
  CHECK(fault_of("a: b: c\n").starts_with("1:5: invalid YAML: mapping values are not allowed in this context"));
  CHECK(fault_of("a:\n  - 1\n - 2\n").starts_with("3:2: invalid YAML:"));
  CHECK(fault_of("a: \"unterminated\n").starts_with("2:1: invalid YAML: found unexpected end of stream"));
  CHECK(fault_of("? [a]\n: b\n") == "1:3: a mapping key must be a string; found a collection");
  CHECK(fault_of("a: *missing\n") == "1:4: alias *missing refers to no anchor &missing before it");
  CHECK(fault_of(std::string("a: x\0y\n", 7)) == "1:5: unexpected NUL byte");
  CHECK(fault_of(std::string("\xFF\xFE" "a\0:\0", 6)).starts_with("1:1: the file is UTF-16 encoded"));
  CHECK(fault_of("a: caf\xC3\n").find("invalid YAML") != std::string::npos);
}

TEST_CASE("a billion laughs is refused, not expanded") {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char name = 'b'; name <= 'j'; ++name) {
    text += std::string(1, name) + ": &" + name + " [";
    for (int i = 0; i < 10; ++i) text += std::string(i ? ", " : "") + "*" + static_cast<char>(name - 1);
    text += "]\n";
  }
  const std::string fault = fault_of(text);
  CHECK(fault.find("aliases expand to more values or text than the file has bytes") != std::string::npos);
}

TEST_CASE("nesting is capped") {
  std::string deep(300, '[');
  deep += std::string(300, ']');
  CHECK(fault_of("a: " + deep).find("nesting deeper than 256 levels") != std::string::npos);
}

TEST_CASE("every YAML template of the corpus loads" * doctest::skip(!std::filesystem::exists(SAGELINT_SHARED_DIR "/corpus/cfn"))) {
  namespace fs = std::filesystem;
  size_t loaded = 0;
  for (const auto& entry : fs::directory_iterator(SAGELINT_SHARED_DIR "/corpus/cfn")) {
    const std::string extension = entry.path().extension().string();
    if (extension != ".yaml" && extension != ".yml") continue;
    CAPTURE(entry.path().filename().string());
    const LoadedDocument doc(sagelint::testing::read_file(entry.path()), load_yaml, entry.path().filename().string());
    CHECK_MESSAGE(doc.result.tree != nullptr, (doc.result.failure ? doc.result.failure->message : ""));
    ++loaded;
  }
  CHECK(loaded >= 16);
}
