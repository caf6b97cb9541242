// The HCL native-syntax loader: the tree of every syntax element with exact spans, decoded
// strings and templates, the spec's precedence, limits, and a clear message at the right
// place for each kind of syntax error. Checked against HashiCorp's specification suite and
// the Terraform files of the shared corpus where they are present.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "sagelint/hcl_parser.hpp"
#include "test_support.hpp"

using namespace sagelint;
using sagelint::testing::LoadedHcl;
using sagelint::testing::llvm_style;
using namespace std::string_literals;

namespace {

// A node and everything below it as one line: kind, operator, value or name, children.
// `(binary + (number 1) (traversal "a" (attribute_step "b")))`.
std::string shape(const HclFile& tree, HclNodeId id) {
  const HclNode& n = tree.node(id);
  std::string out = "(" + std::string(to_string(n.kind));
  if (n.op != HclOperator::none) out += " " + std::string(to_string(n.op));
  if (n.kind == HclKind::number) {
    std::ostringstream number;
    number << n.number;
    out += " " + number.str();
  }
  if (n.kind == HclKind::boolean) out += n.boolean ? " true" : " false";
  const std::string_view text = tree.text(id);
  if (!text.empty() || n.kind == HclKind::template_literal) {
    out += " \"";
    for (char c : text) out += c == '\n' ? "\\n"s : c == '\t' ? "\\t"s : c == '\r' ? "\\r"s : std::string(1, c);
    out += "\"";
  }
  for (HclNodeId child : tree.children(id)) out += " " + shape(tree, child);
  return out + ")";
}

// The shape of the value of `a` in `a = <expression>`.
std::string expression_shape(const std::string& expression) {
  const LoadedHcl doc("a = " + expression + "\n");
  return shape(doc.tree(), doc.value("a"));
}

// Why a file was rejected and where: "line:column", the message, and the text underlined.
struct Fault {
  std::string position;
  std::string message;
  std::string underlined;
};

Fault fault_of(const std::string& text) {
  const SourceFile file("x.tf", "/x.tf", text);
  const HclLoadResult result = load_hcl(file);
  REQUIRE_MESSAGE(result.failure.has_value(), "the file was accepted: " << text);
  CHECK(result.file == nullptr);
  const Diagnostic& failure = *result.failure;
  CHECK(failure.level == Level::error);
  CHECK(failure.location.file == &file);
  CHECK(failure.location.begin <= failure.location.end);
  CHECK(failure.location.end <= text.size());
  CHECK_MESSAGE(llvm_style(failure.message), failure.message);
  const Position p = file.position(failure.location.begin);
  return Fault{std::to_string(p.line) + ":" + std::to_string(p.column), failure.message,
               std::string(text.substr(failure.location.begin, failure.location.end - failure.location.begin))};
}

// Every node is reached once from the root, lies inside its parent's span, and follows its
// previous sibling.
void check_spans_nest(const HclFile& tree) {
  size_t reached = 0;
  std::vector<HclNodeId> pending{tree.root()};
  while (!pending.empty()) {
    const HclNodeId id = pending.back();
    pending.pop_back();
    ++reached;
    const HclNode& parent = tree.node(id);
    REQUIRE(parent.begin <= parent.end);
    uint32_t previous_end = parent.begin;
    uint32_t children = 0;
    for (HclNodeId child : tree.children(id)) {
      const HclNode& c = tree.node(child);
      CHECK_MESSAGE(c.begin >= previous_end, to_string(c.kind) << " at " << c.begin << " in " << to_string(parent.kind));
      CHECK_MESSAGE(c.end <= parent.end, to_string(c.kind) << " at " << c.begin << " in " << to_string(parent.kind));
      previous_end = c.end;
      ++children;
      pending.push_back(child);
    }
    CHECK(children == parent.child_count);
  }
  CHECK(reached == tree.node_count());
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Structure

TEST_CASE("the hcl parser gives attributes and blocks in source order with their spans") {
  const LoadedHcl doc(
      "region = \"eu-west-1\"\n"
      "resource \"aws_sagemaker_domain\" \"d\" {\n"
      "  domain_name = \"studio\"\n"
      "  default_user_settings {\n"
      "    execution_role = aws_iam_role.r.arn\n"
      "  }\n"
      "}\n"
      "count = 2\n");
  const HclFile& tree = doc.tree();
  std::vector<HclNodeId> items;
  for (HclNodeId item : tree.children(tree.root())) items.push_back(item);
  REQUIRE(items.size() == 3);
  CHECK(doc.region(tree.root()) == "1:1-9:1");

  SUBCASE("an attribute: its name, then its value") {
    const HclNodeId region = items[0];
    CHECK(doc.node(region).kind == HclKind::attribute);
    CHECK(tree.text(region) == "region");
    CHECK(doc.name_region(region) == "1:1-1:7");
    CHECK(doc.region(region) == "1:1-1:21");
    CHECK(doc.token(tree.value(region)) == "\"eu-west-1\"");
    CHECK(doc.region(tree.value(region)) == "1:10-1:21");
    CHECK(tree.literal_string(tree.value(region)) == "eu-west-1");
  }
  SUBCASE("a block: its type, its labels, and a body that spans its braces") {
    const HclNodeId block = items[1];
    CHECK(doc.node(block).kind == HclKind::block);
    CHECK(tree.text(block) == "resource");
    CHECK(doc.name_region(block) == "2:1-2:9");
    CHECK(doc.region(block) == "2:1-7:2");
    const std::vector<HclNodeId> labels = tree.labels(block);
    REQUIRE(labels.size() == 2);
    CHECK(tree.text(labels[0]) == "aws_sagemaker_domain");
    CHECK(doc.token(labels[0]) == "\"aws_sagemaker_domain\"");
    CHECK(doc.region(labels[0]) == "2:10-2:32");
    CHECK(doc.node(labels[0]).has(kQuoted));
    CHECK(tree.text(labels[1]) == "d");
    const HclNodeId body = tree.body(block);
    CHECK(doc.node(body).kind == HclKind::body);
    CHECK(doc.region(body) == "2:37-7:2");
    CHECK(doc.node(body).child_count == 2);
    const HclNodeId nested = tree.child(body, 1);
    CHECK(tree.text(nested) == "default_user_settings");
    CHECK(tree.labels(nested).empty());
    CHECK(doc.region(tree.body(nested)) == "4:25-6:4");
    const HclNodeId role = tree.attribute(tree.body(nested), "execution_role");
    CHECK(shape(tree, tree.value(role)) ==
          R"((traversal "aws_iam_role" (attribute_step "r") (attribute_step "arn")))");
    CHECK(doc.region(tree.value(role)) == "5:22-5:40");
  }
  SUBCASE("the attribute after the block") {
    CHECK(tree.text(items[2]) == "count");
    CHECK(doc.region(items[2]) == "8:1-8:10");
    CHECK(tree.attribute(tree.root(), "missing") == kNoHclNode);
  }
}

TEST_CASE("hcl block labels are strings or identifiers, and strings are decoded") {
  const LoadedHcl doc("a b \"c\\td\" \"\" {}\n");
  const HclFile& tree = doc.tree();
  const HclNodeId block = tree.child(tree.root(), 0);
  const std::vector<HclNodeId> labels = tree.labels(block);
  REQUIRE(labels.size() == 3);
  CHECK(tree.text(labels[0]) == "b");
  CHECK_FALSE(doc.node(labels[0]).has(kQuoted));
  CHECK(doc.region(labels[0]) == "1:3-1:4");
  CHECK(tree.text(labels[1]) == "c\td");
  CHECK(doc.region(labels[1]) == "1:5-1:11");
  CHECK(tree.text(labels[2]).empty());
  CHECK(doc.node(tree.body(block)).child_count == 0);
}

TEST_CASE("hcl single-line blocks hold one attribute, and empty blocks none") {
  const LoadedHcl doc("a { b = \"foo\" }\nc {}\nd {\n\n}\n");
  const HclFile& tree = doc.tree();
  CHECK(shape(tree, tree.root()) ==
        R"((body (block "a" (body (attribute "b" (template_expression (template_literal "foo"))))) )"
        R"((block "c" (body)) (block "d" (body))))");
  CHECK(doc.region(tree.body(tree.child(tree.root(), 0))) == "1:3-1:16");
}

// ---------------------------------------------------------------------------------------------
// Literals and strings

TEST_CASE("hcl numbers, true, false and null are literals with their values") {
  const LoadedHcl doc("i = 42\nf = 3.25\ne = 1.5e3\nE = 2E-2\nbig = 1e400\ntiny = 1e-400\n"
                      "t = true\nn = false\nz = null\n");
  const HclFile& tree = doc.tree();
  CHECK(doc.node(doc.value("i")).kind == HclKind::number);
  CHECK(doc.node(doc.value("i")).number == 42);
  CHECK(doc.node(doc.value("i")).has(kInteger));
  CHECK(doc.node(doc.value("f")).number == 3.25);
  CHECK_FALSE(doc.node(doc.value("f")).has(kInteger));
  CHECK(doc.token(doc.value("e")) == "1.5e3");
  CHECK(doc.node(doc.value("e")).number == 1500);
  CHECK(doc.node(doc.value("E")).number == doctest::Approx(0.02));
  // Beyond a double's range: HCL's numbers are arbitrary-precision, ours saturate.
  CHECK(std::isinf(doc.node(doc.value("big")).number));
  CHECK(doc.node(doc.value("tiny")).number == 0);
  CHECK(shape(tree, doc.value("t")) == "(boolean true)");
  CHECK(shape(tree, doc.value("n")) == "(boolean false)");
  CHECK(shape(tree, doc.value("z")) == "(null)");
  CHECK(doc.region(doc.value("z")) == "9:5-9:9");
  // A sign is an operator, as in the spec.
  CHECK(expression_shape("-1") == "(unary - (number 1))");
}

TEST_CASE("hcl quoted strings decode every escape, and $${ and %%{ stand for themselves") {
  const LoadedHcl doc(R"(s = "a\nb\rc\td\"e\\f\u00e9\U0001F600 $${x} %%{y} $ % $$")" "\n");
  const HclFile& tree = doc.tree();
  CHECK(tree.literal_string(doc.value("s")) == "a\nb\rc\td\"e\\f\xC3\xA9\xF0\x9F\x98\x80 ${x} %{y} $ % $$");
  SUBCASE("text without escapes stays in the source") {
    const LoadedHcl plain("s = \"plain text\"\n");
    const HclNodeId literal = plain.tree().child(plain.value("s"), 0);
    CHECK(plain.node(literal).has(kTextInSource));
    CHECK(plain.region(literal) == "1:6-1:16");
  }
  SUBCASE("an empty string is a template without parts") {
    const LoadedHcl empty("s = \"\"\n");
    CHECK(empty.node(empty.value("s")).child_count == 0);
    CHECK(empty.tree().literal_string(empty.value("s")) == "");
  }
}

// ---------------------------------------------------------------------------------------------
// Templates

TEST_CASE("hcl templates keep literal text, interpolations and directives as parts") {
  SUBCASE("interpolations") {
    const LoadedHcl doc("n = \"sagemaker-${var.env}-${count.index}\"\n");
    const HclFile& tree = doc.tree();
    CHECK(shape(tree, doc.value("n")) ==
          R"((template_expression (template_literal "sagemaker-") (interpolation (traversal "var" (attribute_step "env"))) )"
          R"((template_literal "-") (interpolation (traversal "count" (attribute_step "index")))))");
    CHECK_FALSE(tree.literal_string(doc.value("n")).has_value());
    const HclNodeId interpolation = tree.child(doc.value("n"), 1);
    CHECK(doc.token(interpolation) == "${var.env}");
    CHECK(doc.region(tree.child(interpolation, 0)) == "1:18-1:25");
  }
  SUBCASE("if, else and endif") {
    CHECK(expression_shape(R"("%{ if x }yes%{ else }no%{ endif }!")") ==
          R"((template_expression (template_if (traversal "x") (template_expression (template_literal "yes")) )"
          R"((template_expression (template_literal "no"))) (template_literal "!")))");
    const LoadedHcl doc("a = \"%{if x}y%{endif}\"\n");
    const HclNodeId directive = doc.tree().child(doc.value("a"), 0);
    CHECK(doc.token(directive) == "%{if x}y%{endif}");
    CHECK_FALSE(doc.node(directive).has(kHasElse));
    CHECK(doc.token(doc.tree().child(directive, 1)) == "y");
  }
  SUBCASE("for and endfor") {
    CHECK(expression_shape(R"("%{ for k, v in m }${k}=${v};%{ endfor }")") ==
          R"((template_expression (template_for (name "k") (name "v") (traversal "m") (template_expression )"
          R"((interpolation (traversal "k")) (template_literal "=") (interpolation (traversal "v")) (template_literal ";")))))");
    const LoadedHcl doc("a = \"%{for v in m}${v}%{endfor}\"\n");
    const HclForParts parts = doc.tree().for_parts(doc.tree().child(doc.value("a"), 0));
    CHECK(parts.key_name == kNoHclNode);
    CHECK(doc.tree().text(parts.value_name) == "v");
    CHECK(doc.token(parts.collection) == "m");
    CHECK(doc.token(parts.value) == "${v}");
  }
  SUBCASE("nested directives and templates") {
    CHECK(expression_shape(R"("%{if a}%{for x in y}${"<${x}>"}%{endfor}%{endif}")") ==
          R"((template_expression (template_if (traversal "a") (template_expression (template_for (name "x") )"
          R"((traversal "y") (template_expression (interpolation (template_expression (template_literal "<") )"
          R"((interpolation (traversal "x")) (template_literal ">")))))))))");
  }
  SUBCASE("a template that is one interpolation unwraps to its expression") {
    const LoadedHcl doc("a = \"${var.x}\"\nb = (\"${(c)}\")\n");
    CHECK(shape(doc.tree(), doc.tree().unwrap(doc.value("a"))) == R"((traversal "var" (attribute_step "x")))");
    CHECK(shape(doc.tree(), doc.tree().unwrap(doc.value("b"))) == R"((traversal "c"))");
  }
}

TEST_CASE("hcl strip markers remove the white space next to them, and only there") {
  CHECK(expression_shape(R"("hello ${~ "world" }")") ==
        R"((template_expression (template_literal "hello") (interpolation (template_expression (template_literal "world")))))");
  CHECK(expression_shape(R"("a ${x ~} b")") ==
        R"((template_expression (template_literal "a ") (interpolation (traversal "x")) (template_literal "b")))");
  // The spec's example: values are not stripped, only the template's own text.
  CHECK(expression_shape(R"("${"hello" ~}${" world"}")") ==
        R"((template_expression (interpolation (template_expression (template_literal "hello"))) )"
        R"((interpolation (template_expression (template_literal " world")))))");
  CHECK(expression_shape(R"("%{ if true ~} hello %{~ endif }")") ==
        R"((template_expression (template_if (boolean true) (template_expression (template_literal "hello")))))");
  SUBCASE("in a heredoc only the line next to the marker loses its line break") {
    const LoadedHcl doc("a = <<EOT\nfoo\n\n${~x}\nEOT\n");
    CHECK(shape(doc.tree(), doc.value("a")) ==
          R"((template_expression (template_literal "foo\n") (interpolation (traversal "x")) (template_literal "\n")))");
  }
}

TEST_CASE("hcl heredocs keep their lines, <<- removes the smallest indentation") {
  SUBCASE("<<EOT keeps every byte of the lines between the markers") {
    const LoadedHcl doc("a = <<EOT\n  Foo\n    Bar\nEOT\nb = 1\n");
    CHECK(doc.tree().literal_string(doc.value("a")) == "  Foo\n    Bar\n");
    CHECK(doc.node(doc.value("a")).has(kHeredoc));
    CHECK_FALSE(doc.node(doc.value("a")).has(kFlushHeredoc));
    CHECK(doc.region(doc.value("a")) == "1:5-4:4");
    CHECK(doc.tree().literal_string(doc.value("b")) == std::nullopt);
  }
  SUBCASE("the closing marker may be indented, and a longer word is not the marker") {
    const LoadedHcl doc("a = <<EOT\n  EOTX\n  NOT EOT\n   EOT  \n");
    CHECK(doc.tree().literal_string(doc.value("a")) == "  EOTX\n  NOT EOT\n");
  }
  SUBCASE("<<-EOT removes the least indentation from every line, blank lines aside") {
    const LoadedHcl doc("a = <<-EOT\n    Foo\n\n      Bar\n    Baz\n  EOT\n");
    CHECK(doc.tree().literal_string(doc.value("a")) == "Foo\n\n  Bar\nBaz\n");
    CHECK(doc.node(doc.value("a")).has(kFlushHeredoc));
  }
  SUBCASE("a tab is one character of indentation") {
    const LoadedHcl doc("a = <<-EOT\n\tFoo\n  Bar\n  EOT\n");
    CHECK(doc.tree().literal_string(doc.value("a")) == "Foo\n Bar\n");
  }
  SUBCASE("an interpolation at the start of a line has no indentation") {
    const LoadedHcl doc("a = <<-EOT\n    Foo\n${x}\n  EOT\n");
    CHECK(shape(doc.tree(), doc.value("a")) ==
          R"((template_expression (template_literal "    Foo\n") (interpolation (traversal "x")) (template_literal "\n")))");
  }
  SUBCASE("CRLF line endings stay in the text") {
    const LoadedHcl doc("a = <<EOT\r\nFoo\r\nEOT\r\nb = 2\r\n");
    CHECK(doc.tree().literal_string(doc.value("a")) == "Foo\r\n");
    CHECK(doc.node(doc.value("b")).number == 2);
  }
  SUBCASE("an empty heredoc, and a closing marker at the end of the file") {
    const LoadedHcl doc("a = <<EOT\nEOT\nb = <<EOT\nx\nEOT");
    CHECK(doc.tree().literal_string(doc.value("a")) == "");
    CHECK(doc.tree().literal_string(doc.value("b")) == "x\n");
  }
  SUBCASE("heredocs as elements") {
    const LoadedHcl doc("a = [<<EOT\nx\nEOT\n, <<-Y\n  y\n  Y\n]\n");
    CHECK(shape(doc.tree(), doc.value("a")) ==
          R"((tuple (template_expression (template_literal "x\n")) (template_expression (template_literal "y\n"))))");
  }
}

// ---------------------------------------------------------------------------------------------
// Collections

TEST_CASE("hcl tuples and objects take commas or line breaks between items") {
  CHECK(expression_shape("[]") == "(tuple)");
  CHECK(expression_shape("[1, \"b\", [true],]") ==
        R"((tuple (number 1) (template_expression (template_literal "b")) (tuple (boolean true))))");
  CHECK(expression_shape("[\n  1,\n  2\n]") == "(tuple (number 1) (number 2))");
  CHECK(expression_shape("{}") == "(object)");
  SUBCASE("keys: a bare identifier names the key, anything else is an expression") {
    CHECK(expression_shape("{ a = 1, \"b\": 2, (c) = 3, d.e = 4, 5 = 6 }") ==
          R"((object (object_item (name "a") (number 1)) (object_item (template_expression (template_literal "b")) (number 2)) )"
          R"((object_item (parentheses (traversal "c")) (number 3)) )"
          R"((object_item (traversal "d" (attribute_step "e")) (number 4)) (object_item (number 5) (number 6))))");
    const LoadedHcl doc("a = { k: 1 }\n");
    CHECK(doc.node(doc.tree().child(doc.value("a"), 0)).has(kColon));
  }
  SUBCASE("line breaks separate items; commas may end lines too") {
    const LoadedHcl doc("tags = {\n  Name = \"x\"\n  Env  = \"y\",\n\n  Team = var.t\n}\n");
    const HclFile& tree = doc.tree();
    const HclNodeId tags = doc.value("tags");
    CHECK(doc.node(tags).child_count == 3);
    const HclNodeId team = tree.child(tags, 2);
    CHECK(doc.region(team) == "5:3-5:15");
    CHECK(tree.text(tree.child(team, 0)) == "Team");
    CHECK(doc.region(tree.child(team, 0)) == "5:3-5:7");
  }
}

TEST_CASE("hcl for expressions build tuples and objects, with if and ... grouping") {
  CHECK(expression_shape("[for s in var.list : upper(s)]") ==
        R"((for_tuple (name "s") (traversal "var" (attribute_step "list")) (function_call "upper" (traversal "s"))))");
  CHECK(expression_shape("[for i, v in l : v if i < 2]") ==
        R"((for_tuple (name "i") (name "v") (traversal "l") (traversal "v") (binary < (traversal "i") (number 2))))");
  CHECK(expression_shape("{for k, v in m : v => k...}") ==
        R"((for_object (name "k") (name "v") (traversal "m") (traversal "v") (traversal "k")))");
  const LoadedHcl doc("a = {\n  for k, v in m :\n  k => v\n  if v != null\n}\n");
  const HclNodeId for_object = doc.value("a");
  const HclForParts parts = doc.tree().for_parts(for_object);
  CHECK(doc.tree().text(parts.key_name) == "k");
  CHECK(doc.tree().text(parts.value_name) == "v");
  CHECK(doc.token(parts.collection) == "m");
  CHECK(doc.token(parts.key) == "k");
  CHECK(doc.token(parts.value) == "v");
  CHECK(doc.token(parts.condition) == "v != null");
  CHECK_FALSE(doc.node(for_object).has(kGrouped));
  CHECK(doc.region(for_object) == "1:5-5:2");
  const LoadedHcl grouped("a = {for k, v in m : v => k...}\n");
  CHECK(grouped.node(grouped.value("a")).has(kGrouped));
}

// ---------------------------------------------------------------------------------------------
// References

TEST_CASE("hcl traversals are a root name and steps: attributes, indexes, legacy indexes") {
  const LoadedHcl doc("a = aws_sagemaker_domain.d.default_user_settings[0].execution_role\n"
                      "b = local.m[\"k\"][var.i]\nc = a.0.b\nd = var\n");
  const HclFile& tree = doc.tree();
  CHECK(shape(tree, doc.value("a")) ==
        R"((traversal "aws_sagemaker_domain" (attribute_step "d") (attribute_step "default_user_settings") )"
        R"((index_step (number 0)) (attribute_step "execution_role")))");
  const HclNodeId index = tree.child(doc.value("a"), 2);
  CHECK(doc.token(index) == "[0]");
  CHECK(doc.token(tree.child(doc.value("a"), 0)) == ".d");
  CHECK(doc.name_region(tree.child(doc.value("a"), 0)) == "1:26-1:27");
  CHECK(shape(tree, doc.value("b")) ==
        R"((traversal "local" (attribute_step "m") (index_step (template_expression (template_literal "k"))) )"
        R"((index_step (traversal "var" (attribute_step "i")))))");
  CHECK(shape(tree, doc.value("c")) == R"((traversal "a" (index_step (number 0)) (attribute_step "b")))");
  CHECK(doc.node(tree.child(doc.value("c"), 0)).has(kLegacyIndex));
  CHECK(doc.token(tree.child(doc.value("c"), 0)) == ".0");
  CHECK(shape(tree, doc.value("d")) == R"((traversal "var"))");
  SUBCASE("steps after anything else make a relative traversal") {
    CHECK(expression_shape("f(x)[0].id") ==
          R"((relative_traversal (function_call "f" (traversal "x")) (index_step (number 0)) (attribute_step "id")))");
    CHECK(expression_shape("(a).b") == R"((relative_traversal (parentheses (traversal "a")) (attribute_step "b")))");
    CHECK(expression_shape("[1, 2][0]") == "(relative_traversal (tuple (number 1) (number 2)) (index_step (number 0)))");
  }
  SUBCASE("keywords are literals, and may be traversed") {
    CHECK(expression_shape("true.x") == R"((relative_traversal (boolean true) (attribute_step "x")))");
  }
}

TEST_CASE("hcl splats: [*] applies every later step to each element, .* only attribute steps") {
  const LoadedHcl doc("a = aws_subnet.private[*].id\nb = x.*.y.z[0]\nc = x[*].y[*].z\nd = x[*]\n");
  const HclFile& tree = doc.tree();
  CHECK(shape(tree, doc.value("a")) ==
        R"((splat (traversal "aws_subnet" (attribute_step "private")) (relative_traversal (splat_element) (attribute_step "id"))))");
  CHECK(doc.name_region(doc.value("a")) == "1:23-1:26");
  CHECK(doc.token(tree.child(tree.child(doc.value("a"), 1), 0)) == "[*]");
  // The index after an attribute splat applies to the whole result.
  CHECK(shape(tree, doc.value("b")) ==
        R"((relative_traversal (splat (traversal "x") (relative_traversal (splat_element) (attribute_step "y") )"
        R"((attribute_step "z"))) (index_step (number 0))))");
  CHECK(doc.node(tree.child(doc.value("b"), 0)).has(kAttributeSplat));
  CHECK(shape(tree, doc.value("c")) ==
        R"((splat (traversal "x") (splat (relative_traversal (splat_element) (attribute_step "y")) )"
        R"((relative_traversal (splat_element) (attribute_step "z")))))");
  CHECK(shape(tree, doc.value("d")) == R"((splat (traversal "x") (splat_element)))");
}

TEST_CASE("hcl function calls take arguments, a final ... expansion, and namespaced names") {
  CHECK(expression_shape("f()") == R"((function_call "f"))");
  CHECK(expression_shape("merge(var.a, { b = 1 },)") ==
        R"((function_call "merge" (traversal "var" (attribute_step "a")) (object (object_item (name "b") (number 1)))))");
  const LoadedHcl doc("a = concat(\n  x,\n  y...\n)\nb = provider::aws::arn_parse(\"x\")\n");
  CHECK(doc.node(doc.value("a")).has(kExpandFinal));
  CHECK(doc.node(doc.value("a")).child_count == 2);
  CHECK(doc.region(doc.value("a")) == "1:5-4:2");
  CHECK(doc.tree().text(doc.value("b")) == "provider::aws::arn_parse");
  CHECK(doc.name_region(doc.value("b")) == "5:5-5:29");
  const LoadedHcl spaced("b = provider :: aws :: f(1)\n");
  CHECK(spaced.tree().text(spaced.value("b")) == "provider::aws::f");
}

// ---------------------------------------------------------------------------------------------
// Operators

TEST_CASE("hcl operators follow the spec's precedence and associate to the left") {
  CHECK(expression_shape("1 + 2 * 3") == "(binary + (number 1) (binary * (number 2) (number 3)))");
  CHECK(expression_shape("x / y * z") == "(binary * (binary / (traversal \"x\") (traversal \"y\")) (traversal \"z\"))");
  CHECK(expression_shape("a - b - c") == "(binary - (binary - (traversal \"a\") (traversal \"b\")) (traversal \"c\"))");
  CHECK(expression_shape("a % b + c") == "(binary + (binary % (traversal \"a\") (traversal \"b\")) (traversal \"c\"))");
  CHECK(expression_shape("a < b == c > d") ==
        "(binary == (binary < (traversal \"a\") (traversal \"b\")) (binary > (traversal \"c\") (traversal \"d\")))");
  CHECK(expression_shape("a <= b != c >= d") ==
        "(binary != (binary <= (traversal \"a\") (traversal \"b\")) (binary >= (traversal \"c\") (traversal \"d\")))");
  CHECK(expression_shape("a || b && c == d") ==
        "(binary || (traversal \"a\") (binary && (traversal \"b\") (binary == (traversal \"c\") (traversal \"d\"))))");
  CHECK(expression_shape("-46 + 5") == "(binary + (unary - (number 46)) (number 5))");
  CHECK(expression_shape("!a && !!b") ==
        "(binary && (unary ! (traversal \"a\")) (unary ! (unary ! (traversal \"b\"))))");
  CHECK(expression_shape("-a.b") == "(unary - (traversal \"a\" (attribute_step \"b\")))");
  CHECK(expression_shape("(1 + 2) * 3") == "(binary * (parentheses (binary + (number 1) (number 2))) (number 3))");
  const LoadedHcl doc("a = x + y\n");
  CHECK(doc.name_region(doc.value("a")) == "1:7-1:8");
  CHECK(doc.region(doc.value("a")) == "1:5-1:10");
}

TEST_CASE("hcl conditionals nest to the right and bind loosest") {
  CHECK(expression_shape("a ? b : c ? d : e") ==
        "(conditional (traversal \"a\") (traversal \"b\") (conditional (traversal \"c\") (traversal \"d\") (traversal \"e\")))");
  CHECK(expression_shape("a || b ? c + 1 : -1") ==
        "(conditional (binary || (traversal \"a\") (traversal \"b\")) (binary + (traversal \"c\") (number 1)) (unary - (number 1)))");
  CHECK(expression_shape("var.kms == \"\" ? null : var.kms") ==
        "(conditional (binary == (traversal \"var\" (attribute_step \"kms\")) (template_expression)) (null) "
        "(traversal \"var\" (attribute_step \"kms\")))");
}

// ---------------------------------------------------------------------------------------------
// Lexical matters

TEST_CASE("hcl comments come in three kinds, and a line comment still ends its line") {
  const LoadedHcl doc("# hash\n// slash\na = 1 # after\nb = /* inline */ 2 // after\n/* multi\nline */\nc = [\n  1, # in a tuple\n  2\n]\n");
  CHECK(shape(doc.tree(), doc.tree().root()) ==
        R"((body (attribute "a" (number 1)) (attribute "b" (number 2)) (attribute "c" (tuple (number 1) (number 2)))))");
  CHECK(doc.region(doc.value("b")) == "4:18-4:19");
}

TEST_CASE("hcl line breaks end attributes, and are spaces inside brackets, parentheses and calls") {
  const LoadedHcl doc("a = (1 +\n  2)\nb = f(\n  1,\n  2\n)\nc = x[\n  0\n]\nd = \"${\n  x\n}\"\n");
  const HclFile& tree = doc.tree();
  CHECK(shape(tree, doc.value("a")) == "(parentheses (binary + (number 1) (number 2)))");
  CHECK(doc.node(doc.value("b")).child_count == 2);
  CHECK(shape(tree, doc.value("c")) == R"((traversal "x" (index_step (number 0))))");
  CHECK(shape(tree, doc.value("d")) == R"((template_expression (interpolation (traversal "x"))))");
}

TEST_CASE("hcl files may use CRLF line endings and start with a byte-order mark") {
  const LoadedHcl doc("\xEF\xBB\xBFresource \"a\" \"b\" {\r\n  x = \"y\" # c\r\n}\r\nz = 1");
  const HclFile& tree = doc.tree();
  const HclNodeId block = tree.child(tree.root(), 0);
  CHECK(doc.region(block) == "1:1-3:2");
  CHECK(doc.region(tree.child(tree.body(block), 0)) == "2:3-2:10");
  CHECK(doc.region(tree.root()) == "1:1-4:6");
  CHECK(doc.node(doc.value("z")).number == 1);
}

TEST_CASE("hcl identifiers take letters, digits, dashes and underscores, and letters outside ASCII") {
  const LoadedHcl doc("a-b_c1 = 1\n_x = 2\n\xC3\xA9t\xC3\xA9 = 3\n\xE5\x90\x8D\xE5\x89\x8D = 4\n");
  CHECK(doc.node(doc.value("a-b_c1")).number == 1);
  CHECK(doc.node(doc.value("_x")).number == 2);
  CHECK(doc.node(doc.value("\xC3\xA9t\xC3\xA9")).number == 3);
  CHECK(doc.node(doc.value("\xE5\x90\x8D\xE5\x89\x8D")).number == 4);
  CHECK(fault_of("a = \xE2\x80\x83x\n").message == "unexpected character '\xE2\x80\x83' (U+2003)");
  // A middle dot or an accent continues a name but cannot start one.
  CHECK(LoadedHcl("a\xC2\xB7" "b = 1\nx\xCC\x81 = 2\n").result.file != nullptr);
  CHECK(fault_of("\xCC\x81x = 1\n").message == "unexpected character '\xCC\x81' (U+0301)");
}

// ---------------------------------------------------------------------------------------------
// Syntax errors

TEST_CASE("hcl syntax errors stop the file with a message at the token at fault") {
  struct Case {
    std::string text;
    std::string position;
    std::string message;
  };
  const std::vector<Case> cases{
      // Structure
      {"a = 1, b = 2\n", "1:6", "unexpected ',' after the value of 'a'; attributes are separated by line breaks, not commas"},
      {"foo + 1\n", "1:5", "expected '=' or '{' after the attribute name 'foo'"},
      {"a\n", "1:2", "expected '=' or '{' after the attribute name 'a'"},
      {"a = 1 b = 2\n", "1:7", "expected a line break after the value of 'a', found 'b'"},
      {"}\n", "1:1", "unexpected '}'; there is no block to close"},
      {"\"a\" = 1\n", "1:1", "an attribute or block name cannot be quoted"},
      {"x = 1\n[\n", "2:1", "expected an attribute or a block, found '['"},
      {"resource \"a\" \"b\" {\n  x = 1\n", "1:18", "unclosed block 'resource'; no '}' before the end of the file"},
      {"a \"b\"\n{}\n", "1:6", "expected '{' on the same line as the block type 'a' and its labels"},
      {"a = {} b {}\n", "1:8", "expected a line break after the value of 'a', found 'b'"},
      {"a {} b = 1\n", "1:6", "expected a line break after the '}' of the block 'a', found 'b'"},
      {"a \"${x}\" {}\n", "1:4", "a block label cannot hold '${'; write '$${' for the characters themselves"},
      {"a { b = 1, c = 2 }\n", "1:10",
       "a single-line block holds one attribute; write the block 'a' over several lines, one attribute on each"},
      {"a { b = 1\n}\n", "1:10",
       "a single-line block ends on the line it starts; put the '}' of the block 'a' right after its attribute"},
      {"a { d {} }\n", "1:5", "a single-line block cannot hold a block; put the block 'd' on a line of its own"},
      {"a = 1\nb = 2\na = 3\n", "3:1", "the attribute 'a' is already set at line 1; an attribute can be set only once in a body"},
      // Expressions
      {"a =\n", "1:4", "expected an expression, found a line break"},
      {"a = ", "1:5", "unexpected end of file; expected an expression"},
      {"a = [1, 2\n", "1:5", "unclosed '['; no ']' before the end of the file"},
      {"a = [1 2]\n", "1:8", "expected ',' or ']' after an element of the tuple, found the number 2"},
      {"a = {x = 1 y = 2}\n", "1:12", "expected ',' or a line break after an item of the object, found 'y'"},
      {"a = {x}\n", "1:7", "expected '=' or ':' after the key of an object item, found '}'"},
      {"a = f(1 2)\n", "1:9", "expected ',' or ')' after an argument of 'f', found the number 2"},
      {"a = f(x..., y)\n", "1:11", "expected ')' right after the '...' that expands the last argument, found ','"},
      {"a = (1 +\n  2\n", "1:5", "unclosed '('; no ')' before the end of the file"},
      {"a = x ? y\n", "1:10", "expected ':' and the false result of the conditional at line 1, found a line break"},
      {"a = x.\n", "1:7", "expected an attribute name after '.', found a line break"},
      {"a = x.0.1\n", "1:7", "two legacy indexes cannot follow each other ('0.1' reads as a number); write [0][1]"},
      {"a = x[*\n", "1:8", "expected ']' after '[*', found a line break"},
      {"a = x.*.*\n", "1:9", "a splat '.*' cannot follow another '.*'"},
      {"a = [for x in y : x => x]\n", "1:21", "'=>' gives the key in an object 'for' expression {for ...}; a tuple [for ...] has none"},
      {"a = {for x in y : x}\n", "1:19", "an object 'for' expression needs a key and a value: {for k, v in collection : key => value}"},
      {"a = [for x in y : x...]\n", "1:20", "'...' groups values by key, in an object 'for' expression only"},
      {"a = [for = 1]\n", "1:10", "expected a variable name after 'for', found '='"},
      {"a = [for x y : x]\n", "1:12", "expected 'in' after the variable names of the 'for' expression, found 'y'"},
      {"a = f::(1)\n", "1:8", "expected a function name after '::', found '('"},
      // Strings and templates
      {"a = \"abc\n", "1:5",
       "unterminated string; a quoted string ends on the line it starts (write \\n for a line break, or use a heredoc)"},
      {"a = \"abc", "1:5", "unterminated string"},
      {"a = \"\\q\"\n", "1:6", "invalid escape sequence '\\q'; the escapes are \\n \\r \\t \\\" \\\\ \\uNNNN \\UNNNNNNNN"},
      {"a = \"\\u12\"\n", "1:6", "invalid escape sequence: \\u must be followed by four hexadecimal digits"},
      {"a = \"\\uD800\"\n", "1:6", "invalid escape sequence '\\uD800'; U+D800 is not a Unicode character"},
      {"a = \"${x\"\n", "1:6", "unclosed interpolation '${'; no '}' before the closing quote"},
      {"a = \"${x y}\"\n", "1:10",
       "expected '}' to end the interpolation '${', found 'y' (write $${ or %%{ for the characters themselves)"},
      {"a = \"%{if x}yes\"\n", "1:6", "unclosed %{if}; expected %{endif} before the end of the template"},
      {"a = \"%{for x in y}yes%{endif}\"\n", "1:22", "unexpected %{endif} before the %{endfor} of the %{for} at line 1"},
      {"a = \"%{if x}a%{else}b%{else}c%{endif}\"\n", "1:22", "unexpected second %{else} in the %{if} at line 1"},
      {"a = \"%{endif}\"\n", "1:6", "unexpected %{endif} with no %{if} before it"},
      {"a = \"%{ bogus }\"\n", "1:9", "expected if, else, endif, for or endfor after '%{', found 'bogus'"},
      {"x = 1\ny = 2\nz = <<EOT\nabc\n", "3:5", "unclosed heredoc <<EOT opened at line 3; expected 'EOT' on a line of its own"},
      {"a = <<EOT x\nEOT\n", "1:10", "expected a line break right after the heredoc marker 'EOT'"},
      {"a = <<\nEOT\n", "1:5", "expected a heredoc marker after '<<', as in <<EOT or <<-EOT"},
      {"a = ${x}\n", "1:5", "unexpected '${'; interpolations are only valid inside strings"},
      // Characters
      {"/* never closed\na = 1\n", "1:1", "unterminated comment; no '*/' closes this '/*'"},
      {"a = 'x'\n", "1:5", "unexpected character \"'\"; strings are written in double quotes"},
      {"a = x & y\n", "1:7", "unexpected character '&'; the logical and is '&&'"},
      {"a = @\n", "1:5", "unexpected character '@'"},
      {"a = 1\rb = 2\n", "1:6", "unexpected carriage return; lines end with \\n or \\r\\n"},
      {"a = \"\xF0\x9F\x98\x80\" + @\n", "1:12", "unexpected character '@'"},  // the emoji takes two columns
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const Fault fault = fault_of(c.text);
    CHECK(fault.position == c.position);
    CHECK(fault.message == c.message);
  }
}

TEST_CASE("hcl errors underline the token at fault") {
  CHECK(fault_of("a = 1, b = 2\n").underlined == ",");
  CHECK(fault_of("a { d {} }\n").underlined == "d {");
  CHECK(fault_of("a = \"\\uD800\"\n").underlined == "\\uD800");
  CHECK(fault_of("z = <<-EOT\nabc\n").underlined == "<<-EOT");
  CHECK(fault_of("a = 1\nb = 2\na = 3\n").underlined == "a");
  CHECK(fault_of("a = ").underlined == "");
  CHECK(fault_of("a = <<EOT\xE2\x82\xAC\nEOT\n").underlined == "\xE2\x82\xAC");  // the whole character after the marker
  CHECK(fault_of("a = <<EOT").underlined == "");
}

TEST_CASE("hcl files with invalid UTF-8, NUL bytes or another encoding are rejected with a position") {
  SUBCASE("invalid UTF-8") {
    const Fault fault = fault_of("a = 1\nb = \"\xC3\x28\"\n");
    CHECK(fault.position == "2:6");
    CHECK(fault.message == "invalid UTF-8 sequence starting with byte 0xC3");
  }
  SUBCASE("in a comment too") {
    CHECK(fault_of("# \xFF\na = 1\n").position == "1:3");
  }
  SUBCASE("an overlong encoding and a surrogate") {
    CHECK(fault_of("a = \"\xC0\xAF\"\n").message == "invalid UTF-8 sequence starting with byte 0xC0");
    CHECK(fault_of("a = \"\xED\xA0\x80\"\n").message == "invalid UTF-8 sequence starting with byte 0xED");
  }
  SUBCASE("a NUL byte") {
    const Fault fault = fault_of("a = \"x\0y\"\n"s);
    CHECK(fault.position == "1:7");
    CHECK(fault.message == "unexpected NUL byte");
  }
  SUBCASE("an earlier syntax error is reported first") {
    CHECK(fault_of("a = [\n}\n\xFF\n").position == "2:1");
  }
  SUBCASE("UTF-16") {
    std::string utf16;
    for (char c : "a = 1\n"s) utf16 += {c, '\0'};
    CHECK(fault_of(utf16).message ==
          "the file is UTF-16 encoded; sagelint reads UTF-8 (convert it, e.g. with iconv -f UTF-16 -t UTF-8)");
  }
}

// ---------------------------------------------------------------------------------------------
// Limits

namespace {

std::string repeated(std::string_view piece, size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (size_t i = 0; i < times; ++i) out += piece;
  return out;
}

}  // namespace

TEST_CASE("hcl nesting deeper than 256 levels is an error, not a stack overflow") {
  const std::string too_deep = "nesting deeper than 256 levels (--max-depth)";
  // The attribute's value is the first level: 255 brackets around a number make 256.
  CHECK(LoadedHcl("a = " + repeated("[", 255) + "1" + repeated("]", 255) + "\n").result.file != nullptr);
  CHECK(fault_of("a = " + repeated("[", 256) + "1" + repeated("]", 256) + "\n").message == too_deep);
  // Far deeper input of every nesting kind stops at the cap.
  constexpr size_t kDeep = 100'000;
  const std::vector<std::string> hostile{
      "a = " + repeated("[", kDeep),
      "a = " + repeated("(", kDeep),
      "a = " + repeated("{k = ", kDeep),
      "a = " + repeated("f(", kDeep),
      "a = " + repeated("\"${", kDeep),
      "a = " + repeated("-", kDeep) + "1",
      "a = " + repeated("!", kDeep) + "x",
      "a = " + repeated("x ? y : ", kDeep) + "z",
      "a = x" + repeated("[*]", kDeep),
      "a = x" + repeated("[", kDeep),
      "a = \"" + repeated("%{if x}", kDeep) + "\"",
      "a = [" + repeated("for x in y : [", kDeep),
      repeated("b {\n", kDeep),
  };
  for (const std::string& text : hostile) {
    CAPTURE(text.substr(0, 20));
    CHECK(fault_of(text).message == too_deep);
  }
}

TEST_CASE("hcl long chains that do not nest parse: steps, operators, items") {
  constexpr size_t kLong = 100'000;
  const LoadedHcl steps("a = x" + repeated(".y", kLong) + "\n");
  CHECK(steps.node(steps.value("a")).child_count == kLong);
  const LoadedHcl sums("a = 1" + repeated(" + 1", kLong) + "\n");
  CHECK(sums.node(sums.value("a")).kind == HclKind::binary);
  const LoadedHcl tuple("a = [" + repeated("1,", kLong) + "]\n");
  CHECK(tuple.node(tuple.value("a")).child_count == kLong);
}

// ---------------------------------------------------------------------------------------------
// Reference material: HashiCorp's specification suite and the Terraform corpus. Skipped when
// the shared directory is missing (see the JSONTestSuite case in json_loader_test.cpp).

namespace {

namespace fs = std::filesystem;

const fs::path kSpecSuite = fs::path(SAGELINT_SHARED_DIR) / "suites" / "hcl-specsuite" / "specsuite" / "tests";
const fs::path kTerraformCorpus = fs::path(SAGELINT_SHARED_DIR) / "corpus" / "terraform";

bool directory_exists(const fs::path& path) {
  std::error_code error;
  return fs::is_directory(path, error);
}

const bool kSpecSuiteAvailable = directory_exists(kSpecSuite);
const bool kTerraformCorpusAvailable = directory_exists(kTerraformCorpus);

std::vector<fs::path> files_with_extension(const fs::path& root, std::string_view extension) {
  std::vector<fs::path> paths;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == extension) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

// The `from` positions ("line:column") of the errors a suite's .t file expects, in order.
std::vector<std::string> expected_errors(const fs::path& t_file) {
  const LoadedHcl expectations(sagelint::testing::read_file(t_file));
  const HclFile& tree = expectations.tree();
  std::vector<std::string> positions;
  for (HclNodeId item : tree.children(tree.root())) {
    if (tree.node(item).kind != HclKind::block || tree.text(item) != "diagnostics") continue;
    for (HclNodeId error : tree.children(tree.body(item))) {
      const HclNodeId from = tree.child(tree.body(error), 0);
      REQUIRE(tree.text(from) == "from");
      const auto number = [&](std::string_view name) {
        return std::to_string(static_cast<int>(tree.node(tree.value(tree.attribute(tree.body(from), name))).number));
      };
      positions.push_back(number("line") + ":" + number("column"));
    }
  }
  return positions;
}

// A template's value given the variables it refers to (enough for the suite's heredocs).
std::string render(const HclFile& tree, HclNodeId template_node, const std::map<std::string, std::string>& variables) {
  std::string out;
  for (HclNodeId part : tree.children(template_node)) {
    if (tree.node(part).kind == HclKind::template_literal) {
      out += tree.text(part);
      continue;
    }
    REQUIRE(tree.node(part).kind == HclKind::interpolation);
    const std::string name(tree.text(tree.child(part, 0)));
    REQUIRE(variables.count(name) == 1);
    out += variables.at(name);
  }
  return out;
}

}  // namespace

TEST_CASE("hcl spec suite: every input parses, or fails where its .t file expects a syntax error" *
          doctest::skip(!kSpecSuiteAvailable)) {
  REQUIRE_MESSAGE(kSpecSuiteAvailable, "the HCL spec suite is not at " << kSpecSuite.string());
  // A .t file's diagnostics come from decoding as well as from parsing; these inputs are
  // well-formed and fail their decoding spec (here: an attribute the spec does not expect).
  const std::vector<std::string> decoding_errors{"structure/attributes/unexpected.hcl"};
  int parsed = 0, rejected = 0;
  for (const fs::path& path : files_with_extension(kSpecSuite, ".hcl")) {
    const std::string name = fs::relative(path, kSpecSuite).generic_string();
    CAPTURE(name);
    const LoadedHcl doc(sagelint::testing::read_file(path));
    fs::path t_file = path;
    t_file.replace_extension(".t");
    const std::vector<std::string> errors = fs::exists(t_file) ? expected_errors(t_file) : std::vector<std::string>{};
    const bool syntax_error_expected =
        !errors.empty() && std::find(decoding_errors.begin(), decoding_errors.end(), name) == decoding_errors.end();
    if (!syntax_error_expected) {
      CHECK_MESSAGE(doc.result.file != nullptr, (doc.result.failure ? doc.result.failure->message : ""));
      if (doc.result.file) check_spans_nest(*doc.result.file);
      ++parsed;
      continue;
    }
    ++rejected;
    REQUIRE(doc.result.failure.has_value());
    // The first error the suite lists is where parsing stops.
    const Position p = doc.file.position(doc.result.failure->location.begin);
    CHECK(std::to_string(p.line) + ":" + std::to_string(p.column) == errors.front());
  }
  CHECK(parsed == 12);
  CHECK(rejected == 3);
}

TEST_CASE("hcl spec suite: heredoc values are the ones expressions/heredoc.t gives" * doctest::skip(!kSpecSuiteAvailable)) {
  REQUIRE_MESSAGE(kSpecSuiteAvailable, "the HCL spec suite is not at " << kSpecSuite.string());
  const LoadedHcl input(sagelint::testing::read_file(kSpecSuite / "expressions" / "heredoc.hcl"));
  const LoadedHcl expected(sagelint::testing::read_file(kSpecSuite / "expressions" / "heredoc.t"));
  // The variables that expressions/heredoc.hcldec defines.
  const std::map<std::string, std::string> variables{{"bar", "Bar"}, {"space_bar", "  Bar"}};
  const HclFile& results = expected.tree();
  int compared = 0;
  for (HclNodeId group : results.children(expected.value("result"))) {
    const std::string group_name(results.text(results.child(group, 0)));
    CAPTURE(group_name);
    for (HclNodeId item : results.children(results.child(group, 1))) {
      const std::string name(results.text(results.child(item, 0)));
      CAPTURE(name);
      const std::optional<std::string_view> want = results.literal_string(results.child(item, 1));
      REQUIRE(want.has_value());
      const HclNodeId object = input.value(group_name);
      HclNodeId heredoc = kNoHclNode;
      for (HclNodeId candidate : input.tree().children(object)) {
        if (input.tree().text(input.tree().child(candidate, 0)) == name) heredoc = input.tree().child(candidate, 1);
      }
      REQUIRE(heredoc != kNoHclNode);
      CHECK(render(input.tree(), heredoc, variables) == *want);
      ++compared;
    }
  }
  CHECK(compared == 18);
}

TEST_CASE("hcl spec suite: primitive literals have the values primitive_literals.t gives" *
          doctest::skip(!kSpecSuiteAvailable)) {
  REQUIRE_MESSAGE(kSpecSuiteAvailable, "the HCL spec suite is not at " << kSpecSuite.string());
  const LoadedHcl input(sagelint::testing::read_file(kSpecSuite / "expressions" / "primitive_literals.hcl"));
  const HclFile& tree = input.tree();
  CHECK(tree.node(input.value("whole_number")).number == 5);
  CHECK(tree.node(input.value("fractional_number")).number == 3.2);
  CHECK(tree.node(input.value("fractional_number_precision")).number == doctest::Approx(3.14159265358979));
  CHECK(tree.literal_string(input.value("string_ascii")) == "hello");
  CHECK(tree.literal_string(input.value("string_unicode_bmp")) == "\xD0\x96\xD0\x96");
  CHECK(tree.literal_string(input.value("string_unicode_astral")) ==
        "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7\xE2\x80\x8D\xF0\x9F\x91\xA6");
  // HCL normalises strings to NFC ("an\xCC\x83" becomes "\xC3\xB1"); this parser keeps the bytes.
  CHECK(tree.literal_string(input.value("string_unicode_nonnorm")) == "an\xCC\x83os");
  CHECK(tree.node(input.value("true")).boolean);
  CHECK_FALSE(tree.node(input.value("false")).boolean);
  CHECK(tree.node(input.value("null")).kind == HclKind::null);
}

TEST_CASE("hcl corpus: the Terraform files parse, but for two that Terraform rejects as well" *
          doctest::skip(!kTerraformCorpusAvailable)) {
  REQUIRE_MESSAGE(kTerraformCorpusAvailable, "the Terraform corpus is not at " << kTerraformCorpus.string());
  // Both were never valid HCL 2: `terraform fmt` (1.11) stops at the same places, with
  // "Missing attribute separator" (an unquoted `iam:PassedToService` key) and "Invalid
  // multi-line string" (Python source pasted into a quoted string).
  const std::map<std::string, std::string> invalid{
      {"admin-iac-studio-mlopsengineer-vpc-only.tf", "182:33"},
      {"admin-iac-testdomain-from-srcdomain-studio-v2.tf", "93:15"},
  };
  int parsed = 0;
  for (const fs::path& path : files_with_extension(kTerraformCorpus, ".tf")) {
    const std::string name = path.filename().string();
    CAPTURE(name);
    const LoadedHcl doc(sagelint::testing::read_file(path));
    if (invalid.count(name) == 1) {
      REQUIRE(doc.result.failure.has_value());
      const Position p = doc.file.position(doc.result.failure->location.begin);
      CHECK(std::to_string(p.line) + ":" + std::to_string(p.column) == invalid.at(name));
      continue;
    }
    REQUIRE_MESSAGE(doc.result.file != nullptr, (doc.result.failure ? doc.result.failure->message : ""));
    check_spans_nest(*doc.result.file);
    ++parsed;
  }
  CHECK(parsed == 13);
}

TEST_CASE("hcl node spans nest inside their parents, in source order, on every syntax element") {
  const LoadedHcl doc(
      "a = [for k, v in m : \"${k}-%{if v}x%{else}y%{endif}\" if v]\n"
      "b = {for k, v in m : k => v... if v}\n"
      "c = x.*.y[0][*].z[\"k\"].0\n"
      "d = f(1, (2 + 3) * -4 ? <<-EOT\n  ${a}\n  EOT\n : {k: v}...)\n"
      "e \"l\" m {\n  f { g = !h }\n}\n");
  check_spans_nest(doc.tree());
}
