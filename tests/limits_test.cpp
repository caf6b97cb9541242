// The limits of a run (limits.hpp): each is enforced at its default and at a value given, with
// a message that names the limit and its flag, at the place of the fault; exceeding one never
// hides the other inputs' findings, and a run that left something out fails.
#include <doctest/doctest.h>

#include <string>

#include "sagelint/ci_report.hpp"
#include "sagelint/compliance_report.hpp"
#include "sagelint/json_report.hpp"
#include "sagelint/limits.hpp"
#include "sagelint/sarif_report.hpp"
#include "sagelint/text_report.hpp"
#include "test_support.hpp"

using namespace sagelint;
using sagelint::testing::TempDir;

namespace {

// "line:column: message" of why `load` rejected `text`, or "accepted".
template <class Load>
std::string rejection(const std::string& name, const std::string& text, const Limits& limits, Load load) {
  const SourceFile file(name, "/" + name, text);
  const auto result = load(file, limits);
  if (!result.failure) return "accepted";
  const Position at = file.position(result.failure->location.begin);
  return std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + result.failure->message;
}

std::string json_rejection(const std::string& text, const Limits& limits = {}) {
  return rejection("x.json", text, limits, [](const SourceFile& f, const Limits& l) { return load_json(f, l); });
}
std::string yaml_rejection(const std::string& text, const Limits& limits = {}) {
  return rejection("x.yaml", text, limits, [](const SourceFile& f, const Limits& l) { return load_yaml(f, l); });
}
std::string hcl_rejection(const std::string& text, const Limits& limits = {}) {
  return rejection("x.tf", text, limits, [](const SourceFile& f, const Limits& l) { return load_hcl(f, l); });
}

std::string repeated(std::string_view piece, size_t count) {
  std::string out;
  out.reserve(piece.size() * count);
  for (size_t i = 0; i < count; ++i) out += piece;
  return out;
}

// A domain export with id `id` that SMD007 fails: it lands in Studio Classic.
std::string classic_domain(const std::string& id) {
  return R"({"DomainArn": "arn:aws:sagemaker:eu-west-1:111122223333:domain/)" + id + R"(", "DomainId": ")" + id +
         R"(", "DomainName": "ml-)" + id + R"(", "AuthMode": "IAM", "DefaultUserSettings": {"ExecutionRole": )"
         R"("arn:aws:iam::111122223333:role/ds", "DefaultLandingUri": "app:JupyterServer:", "StudioWebPortal": )"
         R"("ENABLED"}, "AppNetworkAccessType": "VpcOnly"})";
}

size_t count_rule(const LintResult& result, std::string_view id) {
  size_t count = 0;
  for (const Finding& finding : result.findings) count += finding.rule->id == id ? 1 : 0;
  return count;
}

}  // namespace

TEST_CASE("limits: sizes are written in the largest exact binary unit and read with K, M or G suffixes") {
  CHECK(byte_size_text(uint64_t{256} << 20) == "256 MiB");
  CHECK(byte_size_text(uint64_t{1} << 20) == "1 MiB");
  CHECK(byte_size_text(1536) == "1536 bytes");
  CHECK(byte_size_text(2048) == "2 KiB");
  CHECK(byte_size_text(uint64_t{4} << 30) == "4 GiB");
  CHECK(byte_size_text(1) == "1 byte");
  CHECK(parse_byte_size("1000") == 1000u);
  CHECK(parse_byte_size("64M") == uint64_t{64} << 20);
  CHECK(parse_byte_size("64MiB") == uint64_t{64} << 20);
  CHECK(parse_byte_size("2k") == 2048u);
  CHECK(parse_byte_size("1G") == uint64_t{1} << 30);
  CHECK(parse_byte_size("1GB") == uint64_t{1} << 30);
  CHECK_FALSE(parse_byte_size("").has_value());
  CHECK_FALSE(parse_byte_size("M").has_value());
  CHECK_FALSE(parse_byte_size("-1").has_value());
  CHECK_FALSE(parse_byte_size("12T").has_value());
  CHECK_FALSE(parse_byte_size("12 M").has_value());
  CHECK_FALSE(parse_byte_size("99999999999999999999").has_value());
  CHECK_FALSE(parse_byte_size("17179869184G").has_value());  // 2^64 bytes
}

TEST_CASE("limits: the defaults are documented values that the bench data and the corpus fit in") {
  const Limits defaults;
  CHECK(defaults.max_file_size == uint64_t{256} << 20);
  CHECK(defaults.max_depth == 256);
  CHECK(defaults.max_string_length == size_t{1} << 20);
  CHECK(defaults.max_files == 200'000);
  CHECK(defaults.max_findings == 250'000);
}

TEST_CASE("limits: nesting deeper than --max-depth is an error at the opening bracket, in every syntax") {
  SUBCASE("JSON: 256 levels load by default, 257 do not") {
    CHECK(json_rejection(repeated("[", 256) + repeated("]", 256)) == "accepted");
    CHECK(json_rejection(repeated("[", 257) + repeated("]", 257)) ==
          "1:257: nesting deeper than 256 levels (--max-depth)");
  }
  SUBCASE("JSON: a lower limit is the one named") {
    Limits limits;
    limits.max_depth = 3;
    CHECK(json_rejection(R"({"a": {"b": {"c": 1}}})", limits) == "accepted");
    CHECK(json_rejection("{\"a\":\n {\"b\": {\"c\": [1]}}}", limits) == "2:14: nesting deeper than 3 levels (--max-depth)");
  }
  SUBCASE("YAML flow and block collections") {
    CHECK(yaml_rejection(repeated("[", 256) + repeated("]", 256)) == "accepted");
    CHECK(yaml_rejection(repeated("[", 257) + repeated("]", 257)) ==
          "1:257: nesting deeper than 256 levels (--max-depth)");
    Limits limits;
    limits.max_depth = 2;
    CHECK(yaml_rejection("a:\n  b: 1\n", limits) == "accepted");
    CHECK(yaml_rejection("a:\n  b:\n    c: 1\n", limits) == "3:5: nesting deeper than 2 levels (--max-depth)");
  }
  SUBCASE("HCL blocks, brackets and template directives") {
    Limits limits;
    limits.max_depth = 4;
    CHECK(hcl_rejection("a = [[[1]]]\n", limits) == "accepted");
    CHECK(hcl_rejection("a = [[[[[1]]]]]\n", limits) == "1:9: nesting deeper than 4 levels (--max-depth)");
    CHECK(hcl_rejection("a = \"%{if x}%{if y}%{if z}%{if w}!%{endif}%{endif}%{endif}%{endif}\"\n", limits) ==
          "1:27: nesting deeper than 4 levels (--max-depth)");
    const std::string deep = "a = " + repeated("(", 300) + "1" + repeated(")", 300) + "\n";
    CHECK(hcl_rejection(deep).ends_with("nesting deeper than 256 levels (--max-depth)"));
  }
}

TEST_CASE("limits: a string or key longer than --max-string-length is an error at its start, in every syntax") {
  Limits limits;
  limits.max_string_length = 8;
  SUBCASE("JSON strings and member names, counted decoded") {
    CHECK(json_rejection(R"({"12345678": "12345678"})", limits) == "accepted");
    CHECK(json_rejection(R"({"a": "\u00e9\u00e9\u00e9\u00e9"})", limits) == "accepted");  // 8 bytes decoded
    CHECK(json_rejection(R"({"a": "123456789"})", limits) == "1:7: string longer than 8 bytes (--max-string-length)");
    CHECK(json_rejection(R"({"123456789": 1})", limits) ==
          "1:2: member name longer than 8 bytes (--max-string-length)");
  }
  SUBCASE("YAML scalars and keys, plain, quoted and block") {
    CHECK(yaml_rejection("a: '12345678'\n", limits) == "accepted");
    CHECK(yaml_rejection("a: 123456789\n", limits) == "1:4: string longer than 8 bytes (--max-string-length)");
    CHECK(yaml_rejection("a: |\n  1234\n  5678\n", limits) == "1:4: string longer than 8 bytes (--max-string-length)");
    CHECK(yaml_rejection("123456789: 1\n", limits) == "1:1: mapping key longer than 8 bytes (--max-string-length)");
  }
  SUBCASE("HCL template text and names") {
    CHECK(hcl_rejection("a = \"1234${x}5678\"\n", limits) == "accepted");
    CHECK(hcl_rejection("a = \"123456789\"\n", limits) == "1:6: string longer than 8 bytes (--max-string-length)");
    CHECK(hcl_rejection("abcdefghi = 1\n", limits) == "1:1: name longer than 8 bytes (--max-string-length)");
  }
  SUBCASE("the default is 1 MiB") {
    const std::string long_value = repeated("x", (size_t{1} << 20) + 1);
    CHECK(json_rejection("[\"" + repeated("x", size_t{1} << 20) + "\"]") == "accepted");
    CHECK(json_rejection("[\"" + long_value + "\"]") == "1:2: string longer than 1 MiB (--max-string-length)");
  }
}

TEST_CASE("limits: a file larger than --max-file-size is an input error at its line 1, and the others are read") {
  TempDir dir;
  const std::string big = dir.write("big.json", classic_domain("d-big") + repeated(" ", 200));
  const std::string small = dir.write("small.json", classic_domain("d-small"));
  RunOptions options;
  options.limits.max_file_size = classic_domain("d-small").size() + 100;
  const std::vector<std::string> paths = {big, small};
  const LintResult result = lint(paths, all_rules(), options);
  REQUIRE(result.model.load_failures.size() == 1);
  const Diagnostic& failure = result.model.load_failures[0];
  REQUIRE(failure.location.file != nullptr);
  CHECK(failure.location.file->path().ends_with("big.json"));
  CHECK(failure.location.file->position(failure.location.begin) == Position{1, 1});
  CHECK(failure.message == "the file is larger than " + std::to_string(options.limits.max_file_size) + " bytes (" +
                               std::to_string(std::filesystem::file_size(big)) + " bytes); not read (--max-file-size)");
  CHECK(result.inputs_failed() == 1);
  CHECK(count_rule(result, "SMD007") == 1);  // small.json's finding still appears
}

TEST_CASE("limits: more files than --max-files reads that many and fails the run") {
  TempDir dir;
  for (const char* id : {"d-1", "d-2", "d-3"}) dir.write(std::string("exports/") + id + ".json", classic_domain(id));
  RunOptions options;
  options.limits.max_files = 2;
  const std::vector<std::string> paths = {dir.file("exports")};
  const LintResult result = lint(paths, all_rules(), options);
  CHECK(result.files_read() == 2);
  REQUIRE(result.model.limits_reached.size() == 1);
  CHECK(result.model.limits_reached[0].message ==
        "more than 2 files to read; only the first 2 were read (--max-files)");
  CHECK(result.inputs_failed() == 0);  // no input failed: the run is incomplete
  CHECK_FALSE(result.complete());
  CHECK(result.failed());
  CHECK(count_rule(result, "SMD007") == 2);

  options.limits.max_files = 1;
  CHECK(lint(paths, all_rules(), options).model.limits_reached.at(0).message ==
        "more than 1 file to read; only the first was read (--max-files)");

  options.limits.max_files = 3;
  const LintResult all = lint(paths, all_rules(), options);
  CHECK(all.files_read() == 3);
  CHECK(all.complete());
  CHECK_FALSE(all.failed());
}

TEST_CASE("limits: more findings than --max-findings keeps that many, says so and fails the run") {
  TempDir dir;
  std::vector<std::string> paths;
  for (const char* id : {"d-1", "d-2", "d-3"}) paths.push_back(dir.write(std::string(id) + ".json", classic_domain(id)));
  const LintResult unlimited = lint(paths, all_rules(), RunOptions{});
  REQUIRE(unlimited.findings.size() > 2);
  CHECK(unlimited.inputs_failed() == 0);

  RunOptions options;
  options.limits.max_findings = 2;
  const LintResult result = lint(paths, all_rules(), options);
  CHECK(result.findings.size() == 2);
  CHECK(result.fingerprints.size() == 2);
  REQUIRE(result.model.limits_reached.size() == 1);
  CHECK(result.model.limits_reached[0].level == Level::error);
  CHECK(result.model.limits_reached[0].message ==
        "more than 2 findings; only the first 2 are reported and the run fails (--max-findings)");
  CHECK(result.inputs_failed() == 0);
  CHECK(result.failed());

  options.limits.max_findings = 1;
  CHECK(lint(paths, all_rules(), options).model.limits_reached.at(0).message ==
        "more than 1 finding; only the first is reported and the run fails (--max-findings)");

  options.limits.max_findings = unlimited.findings.size();
  const LintResult exact = lint(paths, all_rules(), options);
  CHECK(exact.findings.size() == unlimited.findings.size());
  CHECK_FALSE(exact.failed());
}

TEST_CASE("limits: every report format says a run cut short by a limit is incomplete, and none blames an input") {
  TempDir dir;
  std::vector<std::string> paths;
  for (const char* id : {"d-1", "d-2"}) paths.push_back(dir.write(std::string(id) + ".json", classic_domain(id)));
  RunOptions options;
  options.limits.max_findings = 1;
  const LintResult result = lint(paths, all_rules(), options);
  const std::string message = "more than 1 finding; only the first is reported and the run fails (--max-findings)";
  REQUIRE(result.model.limits_reached.size() == 1);

  const std::string text = text_report(result, TextStyle{});
  CHECK(text.find("incomplete: a limit was reached (see above)") != std::string::npos);
  CHECK(text.find("could not be read") == std::string::npos);
  CHECK(input_diagnostics_text(result.model, TextStyle{}).find("error: " + message) != std::string::npos);

  const std::string sarif = sarif_report(result, all_rules(), SarifOptions{});
  CHECK(sarif.find("\"executionSuccessful\": false") != std::string::npos);
  CHECK(sarif.find(message) != std::string::npos);

  const std::string json = json_report(result);
  CHECK(json.find("\"complete\": false") != std::string::npos);
  CHECK(json.find("\"inputsFailed\": 0") != std::string::npos);
  CHECK(json.find(message) != std::string::npos);

  const std::string junit = junit_report(result, Level::warning);
  CHECK(junit.find("<testsuite name=\"sagelint run\" tests=\"1\" failures=\"0\" errors=\"1\"") != std::string::npos);
  CHECK(junit.find("<error message=\"" + message + "\"/>") != std::string::npos);
  CHECK(junit.find("<testsuites name=\"sagelint\"") != std::string::npos);

  CHECK(github_report(result).starts_with("::error title=sagelint::" + message + "\n"));

  ReportScope scope;
  CHECK(html_compliance_report(result, scope).find("<dt>Incomplete</dt><dd>" + message + "</dd>") != std::string::npos);
  CHECK(markdown_compliance_report(result, scope).find("| Incomplete | ") != std::string::npos);

  options.limits.max_findings = 1000;
  const LintResult complete = lint(paths, all_rules(), options);
  CHECK(json_report(complete).find("\"complete\": true") != std::string::npos);
  CHECK(junit_report(complete, Level::warning).find("sagelint run") == std::string::npos);
  CHECK(github_report(complete).find("title=sagelint::") == std::string::npos);
  CHECK(sarif_report(complete, all_rules(), SarifOptions{}).find("\"executionSuccessful\": true") != std::string::npos);
}
