// The SARIF report, read back with RapidJSON and checked against what GitHub code scanning
// and the VS Code SARIF viewer need (../shared/research/sarif.md §0 and the §9 checklist).
// The schema and check_sarif.py run over the fixtures from CTest (tests/sarif/); these cases
// check what neither can: that the region is the offending token, that the JSON Pointer
// leads back to it, and that equal input gives equal bytes.
#include <doctest/doctest.h>
#include <rapidjson/document.h>
#include <rapidjson/pointer.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sagelint/catalog.hpp"
#include "sagelint/fingerprint.hpp"
#include "sagelint/lint.hpp"
#include "sagelint/rule_docs.hpp"
#include "sagelint/sarif_report.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace sagelint;
using sagelint::testing::read_file;
using sagelint::testing::TempDir;

namespace {

using Json = rapidjson::Value;

// A describe-domain export whose offending DefaultLandingUri follows two characters outside
// the BMP on the same line.
constexpr std::string_view kBeforeEmoji = R"(  "Tags": [{"Key": "team", "Value": ")";
constexpr std::string_view kEmoji = "\xF0\x9F\x98\x80\xF0\x9F\x8E\x89";  // U+1F600 U+1F389: 2 UTF-16 units each
constexpr std::string_view kAfterEmoji = R"( data"}], "DefaultUserSettings": {"DefaultLandingUri": )";
constexpr std::string_view kClassic = R"("app:JupyterServer:")";

std::string emoji_domain(std::string_view id = "d-emoji000001", std::string_view name = "ml-platform") {
  return "{\n"
         "  \"DomainId\": \"" + std::string(id) + "\", \"DomainName\": \"" + std::string(name) +
         "\", \"AuthMode\": \"IAM\",\n" +
         std::string(kBeforeEmoji) + std::string(kEmoji) + std::string(kAfterEmoji) + std::string(kClassic) +
         ", \"StudioWebPortal\": \"ENABLED\"},\n"
         "  \"AppNetworkAccessType\": \"VpcOnly\"\n"
         "}\n";
}

// A profile of that domain whose departure is justified, with CRLF line breaks.
constexpr std::string_view kJustifiedProfile =
    "{\r\n"
    "  \"DomainId\": \"d-emoji000001\",\r\n"
    "  \"UserProfileName\": \"jdoe\",\r\n"
    "  \"UserSettings\": {\"DefaultLandingUri\": \"app:JupyterServer:\"},\r\n"
    "  \"Tags\": [{\"Key\": \"sagelint:justify:SMD007\", \"Value\": \"legacy kernels until the Q3 migration\"}]\r\n"
    "}\r\n";

// A profile whose justification is too short to count (fewer than 10 characters).
constexpr std::string_view kUnjustifiedProfile = R"({
  "DomainId": "d-emoji000001",
  "UserProfileName": "asmith",
  "UserSettings": {"DefaultLandingUri": "app:JupyterServer:"},
  "Tags": [{"Key": "sagelint:justify:SMD007", "Value": "legacy"}]
})";

// A second domain on one line behind a UTF-8 BOM, which takes no column (SARIF 3.30.2).
constexpr std::string_view kBomDomain =
    "\xEF\xBB\xBF{\"DomainId\": \"d-bom0000001\", \"DomainName\": \"research\", \"AuthMode\": \"IAM\", "
    "\"AppNetworkAccessType\": \"VpcOnly\", \"DefaultUserSettings\": {\"DefaultLandingUri\": \"app:JupyterServer:\", "
    "\"StudioWebPortal\": \"ENABLED\", \"StudioWebPortalSettings\": {\"HiddenAppTypes\": [\"JupyterServer\"]}}}";

constexpr std::string_view kMissingComma = "{\n  \"DomainId\": \"d-abc\"\n  \"DomainName\": \"x\"\n}\n";
constexpr std::string_view kTruncated = "{\"DomainId\": \"d-abc\", \"DomainName\": \n";

constexpr Date kDay{2026, 6, 1};

std::string as_string(const Json& value) { return std::string(value.GetString(), value.GetStringLength()); }

std::string root_of(const TempDir& dir) { return fs::weakly_canonical(dir.path()).generic_string(); }

SarifOptions at_root(std::string root, std::string category = {}) {
  SarifOptions options;
  options.source_root = std::move(root);
  options.category = std::move(category);
  return options;
}

std::string sarif_of(std::span<const std::string> paths, const SarifOptions& options,
                     std::span<const Rule* const> rules = all_rules()) {
  RunOptions run;
  run.as_of = kDay;
  const LintResult result = lint(paths, rules, run);
  return sarif_report(result, rules, options);
}

rapidjson::Document parse(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str(), text.size());
  REQUIRE_MESSAGE(!document.HasParseError(), "the SARIF is not JSON");
  return document;
}

const Json& the_run(const rapidjson::Document& log) {
  REQUIRE(log["runs"].IsArray());
  REQUIRE(log["runs"].Size() == 1);
  return log["runs"][0u];
}

// The file a result points into, found by undoing the URI: our test paths hold no bytes
// that need percent-encoding.
std::string file_of(const Json& physical, const std::string& root) {
  const Json& artifact = physical["artifactLocation"];
  REQUIRE(artifact.HasMember("uriBaseId"));
  return root + "/" + as_string(artifact["uri"]);
}


// The file's lines as SARIF's newlineSequences ["\r\n", "\r", "\n"] split them, without the
// BOM, which SARIF regions do not count.
std::vector<std::string_view> lines_of(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r' && text[i] != '\n') continue;
    lines.push_back(text.substr(start, i - start));
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  lines.push_back(text.substr(start));
  return lines;
}

// The byte offset in `line` of a 1-based UTF-16 column (valid UTF-8 assumed); npos when the
// column lies beyond the end of the line plus one.
size_t byte_of_column(std::string_view line, uint64_t column) {
  size_t byte = 0;
  uint64_t units = 1;
  while (units < column) {
    if (byte >= line.size()) return std::string_view::npos;
    const auto lead = static_cast<unsigned char>(line[byte]);
    const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    units += length == 4 ? 2 : 1;
    byte += length;
  }
  return units == column ? byte : std::string_view::npos;
}

struct RegionCheck {
  bool inside = false;   // every position lies in the file (the checker's rule)
  std::string text;      // what the region highlights
};

RegionCheck read_region(std::string_view file_text, const Json& region) {
  RegionCheck check;
  for (const char* name : {"startLine", "startColumn", "endLine", "endColumn"}) {
    if (!region.HasMember(name) || !region[name].IsUint64() || region[name].GetUint64() < 1) return check;
  }
  const uint64_t start_line = region["startLine"].GetUint64(), end_line = region["endLine"].GetUint64();
  const uint64_t start_column = region["startColumn"].GetUint64(), end_column = region["endColumn"].GetUint64();
  const std::vector<std::string_view> lines = lines_of(file_text);
  if (end_line > lines.size() || start_line > end_line) return check;
  if (start_line == end_line && end_column < start_column) return check;
  const size_t begin = byte_of_column(lines[start_line - 1], start_column);
  const size_t end = byte_of_column(lines[end_line - 1], end_column);
  if (begin == std::string_view::npos || end == std::string_view::npos) return check;
  check.inside = true;
  if (start_line == end_line) check.text = std::string(lines[start_line - 1].substr(begin, end - begin));
  return check;
}

rapidjson::Document parse_input(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  rapidjson::Document document;
  document.Parse(text.data(), text.size());
  REQUIRE(!document.HasParseError());
  return document;
}

// Whether the highlighted text is the node the pointer names: its value token, its member
// name (for a property), or its opening bracket.
bool region_is_node(const std::string& region_text, const Json& node, const Json& logical) {
  rapidjson::Document token;
  token.Parse(region_text.c_str(), region_text.size());
  if (!token.HasParseError() && !token.IsObject() && !token.IsArray() && token == node) return true;
  if (logical.HasMember("kind") && as_string(logical["kind"]) == "property" && !token.HasParseError() &&
      token.IsString() && logical.HasMember("name") && as_string(token) == as_string(logical["name"])) {
    return true;
  }
  return (node.IsObject() && region_text == "{") || (node.IsArray() && region_text == "[");
}

std::vector<const Json*> results_of(const Json& run, std::string_view rule_id) {
  std::vector<const Json*> out;
  for (const Json& result : run["results"].GetArray()) {
    if (as_string(result["ruleId"]) == rule_id) out.push_back(&result);
  }
  return out;
}

// The file of a result's (or a notification's) first location.
std::string uri_of(const Json& result) {
  return as_string(result["locations"][0u]["physicalLocation"]["artifactLocation"]["uri"]);
}

// The one result of `rule_id` in the file `uri`.
const Json& result_in(const Json& run, std::string_view rule_id, std::string_view uri) {
  const Json* found = nullptr;
  for (const Json* result : results_of(run, rule_id)) {
    if (uri_of(*result) != uri) continue;
    REQUIRE_MESSAGE(found == nullptr, "two " << rule_id << " results in " << uri);
    found = result;
  }
  REQUIRE_MESSAGE(found != nullptr, "no " << rule_id << " result in " << uri);
  return *found;
}

// Inputs that exercise what the SARIF must get right, in a fresh directory.
struct Inputs {
  TempDir dir;
  std::string root = root_of(dir);
  std::vector<std::string> paths{
      dir.write("domain.json", emoji_domain()),
      dir.write("profiles/jdoe.json", kJustifiedProfile),
      dir.write("profiles/asmith.json", kUnjustifiedProfile),
      dir.write("research.json", kBomDomain),
      dir.write("broken.json", kMissingComma),
  };
};

}  // namespace

TEST_CASE("a SARIF log is one run of sagelint, with columns in UTF-16 code units") {
  Inputs inputs;
  const rapidjson::Document log = parse(sarif_of(inputs.paths, at_root(inputs.root)));
  CHECK(as_string(log["$schema"]) == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(as_string(log["version"]) == "2.1.0");
  const Json& run = the_run(log);
  const Json& driver = run["tool"]["driver"];
  CHECK(as_string(driver["name"]) == "sagelint");
  CHECK(!as_string(driver["semanticVersion"]).empty());
  CHECK(driver["version"] == driver["semanticVersion"]);
  // The project has no public URL yet; an invented one would send users nowhere.
  CHECK_FALSE(driver.HasMember("informationUri"));
  CHECK(as_string(run["columnKind"]) == "utf16CodeUnits");
  REQUIRE(run["newlineSequences"].Size() == 3);
  CHECK(as_string(run["newlineSequences"][0u]) == "\r\n");
  CHECK(as_string(run["newlineSequences"][1u]) == "\r");
  CHECK(as_string(run["newlineSequences"][2u]) == "\n");
  // A meaning only: a machine path here would make the output differ between checkouts.
  REQUIRE(run["originalUriBaseIds"].HasMember("%SRCROOT%"));
  CHECK_FALSE(run["originalUriBaseIds"]["%SRCROOT%"].HasMember("uri"));
  CHECK(run["results"].Size() > 0);
}

TEST_CASE("driver.rules describes every rule of the catalog, sorted by id") {
  TempDir dir;
  const std::vector<std::string> paths{dir.write("empty-list.json", R"({"Domains": []})")};
  const rapidjson::Document log = parse(sarif_of(paths, at_root(root_of(dir))));
  const Json& rules = the_run(log)["tool"]["driver"]["rules"];
  REQUIRE(rules.Size() == all_rules().size());

  std::set<std::string> ids;
  std::string previous;
  for (const Json& rule : rules.GetArray()) {
    const std::string id = as_string(rule["id"]);
    CAPTURE(id);
    CHECK(ids.insert(id).second);
    CHECK(previous < id);
    previous = id;
    const Rule* known = find_rule(id);
    REQUIRE(known != nullptr);
    const RuleInfo& info = known->info;

    const std::string name = as_string(rule["name"]);
    CHECK(name == pascal_case(info.name));
    CHECK(name != id);
    CHECK(name.size() <= 255);
    REQUIRE(!name.empty());
    CHECK((name[0] >= 'A' && name[0] <= 'Z'));
    CHECK(std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }));

    for (const char* field : {"shortDescription", "fullDescription"}) {
      const std::string text = as_string(rule[field]["text"]);
      CAPTURE(field);
      CHECK(!text.empty());
      CHECK(text.size() <= 1024);
    }
    CHECK(as_string(rule["shortDescription"]["text"]) == info.summary);
    CHECK(as_string(rule["fullDescription"]["text"]) == info.description);
    // GitHub shows help.markdown when present; help.text is for viewers without Markdown.
    CHECK(as_string(rule["help"]["markdown"]) == rule_markdown(info));
    CHECK(as_string(rule["help"]["text"]) == rule_text(info));
    CHECK(as_string(rule["help"]["markdown"]).find("## What it does") != std::string::npos);
    CHECK_FALSE(as_string(rule["help"]["text"]).starts_with("#"));  // plain text, not the Markdown again
    CHECK_FALSE(rule.HasMember("helpUri"));
    CHECK(as_string(rule["defaultConfiguration"]["level"]) == to_string(info.level));

    const Json& properties = rule["properties"];
    std::vector<std::string> tags;
    for (const Json& tag : properties["tags"].GetArray()) {
      REQUIRE(tag.IsString());
      tags.push_back(as_string(tag));
    }
    CHECK(tags.size() == info.tags.size());
    CHECK(tags.size() <= 20);
    CHECK(std::set<std::string>(tags.begin(), tags.end()).size() == tags.size());
    CHECK(std::none_of(tags.begin(), tags.end(), [](const std::string& tag) { return tag.empty(); }));
    const std::string precision = as_string(properties["precision"]);
    CHECK((precision == "very-high" || precision == "high" || precision == "medium" || precision == "low"));

    const bool security = std::find(tags.begin(), tags.end(), "security") != tags.end();
    if (info.security_severity.empty()) {
      CHECK_FALSE(properties.HasMember("security-severity"));
      const std::string severity = as_string(properties["problem.severity"]);
      CHECK((severity == "error" || severity == "warning" || severity == "recommendation"));
    } else {
      // A number here is rejected by GitHub; only a "security" rule may carry a score.
      REQUIRE(properties["security-severity"].IsString());
      const double score = std::stod(as_string(properties["security-severity"]));
      CHECK(score > 0.0);
      CHECK(score <= 10.0);
      CHECK(security);
    }
  }
}

TEST_CASE("driver.rules is sorted by id whatever order the rules are given in") {
  TempDir dir;
  const std::vector<std::string> paths{dir.write("domain.json", emoji_domain())};
  std::vector<const Rule*> reversed(all_rules().begin(), all_rules().end());
  std::reverse(reversed.begin(), reversed.end());
  const rapidjson::Document log = parse(sarif_of(paths, at_root(root_of(dir)), reversed));
  const Json& run = the_run(log);
  std::vector<std::string> ids;
  for (const Json& rule : run["tool"]["driver"]["rules"].GetArray()) ids.push_back(as_string(rule["id"]));
  CHECK(std::is_sorted(ids.begin(), ids.end()));
  REQUIRE(run["results"].Size() > 0);
  for (const Json& result : run["results"].GetArray()) {
    CHECK(ids.at(result["ruleIndex"].GetUint64()) == as_string(result["ruleId"]));
  }
}

TEST_CASE("each result has a level, one location and a ruleIndex that points at its ruleId") {
  Inputs inputs;
  const rapidjson::Document log = parse(sarif_of(inputs.paths, at_root(inputs.root)));
  const Json& run = the_run(log);
  const Json& rules = run["tool"]["driver"]["rules"];
  for (const Json& result : run["results"].GetArray()) {
    const std::string id = as_string(result["ruleId"]);
    CAPTURE(id);
    REQUIRE(result["ruleIndex"].IsUint64());
    REQUIRE(result["ruleIndex"].GetUint64() < rules.Size());
    CHECK(as_string(rules[static_cast<rapidjson::SizeType>(result["ruleIndex"].GetUint64())]["id"]) == id);
    const std::string level = as_string(result["level"]);
    CHECK((level == "error" || level == "warning" || level == "note"));
    CHECK_FALSE(result.HasMember("kind"));
    CHECK(!as_string(result["message"]["text"]).empty());
    CHECK(result["locations"].Size() == 1);
  }
}

TEST_CASE("regions count UTF-16 code units and cover exactly the offending token") {
  Inputs inputs;
  const rapidjson::Document log = parse(sarif_of(inputs.paths, at_root(inputs.root)));
  const Json& run = the_run(log);

  SUBCASE("characters outside the BMP take two columns each") {
    const Json& region = result_in(run, "SMD007", "domain.json")["locations"][0u]["physicalLocation"]["region"];
    const auto column = static_cast<uint64_t>(kBeforeEmoji.size() + 4 + kAfterEmoji.size() + 1);
    CHECK(region["startLine"].GetUint64() == 3);
    CHECK(region["startColumn"].GetUint64() == column);
    CHECK(region["endLine"].GetUint64() == 3);
    CHECK(region["endColumn"].GetUint64() == column + kClassic.size());
  }

  SUBCASE("a BOM takes no column") {
    const Json& region = result_in(run, "SMD007", "research.json")["locations"][0u]["physicalLocation"]["region"];
    const std::string_view text = kBomDomain.substr(3);
    CHECK(region["startColumn"].GetUint64() == text.find(kClassic) + 1);
  }

  SUBCASE("every region is one line and highlights the token at fault") {
    for (const Json& result : run["results"].GetArray()) {
      const Json& physical = result["locations"][0u]["physicalLocation"];
      const std::string file = file_of(physical, inputs.root);
      CAPTURE(file);
      CAPTURE(as_string(result["message"]["text"]));
      const RegionCheck region = read_region(read_file(file), physical["region"]);
      REQUIRE(region.inside);
      CHECK(physical["region"]["startLine"] == physical["region"]["endLine"]);
      if (as_string(result["ruleId"]) == "SMD000" && !result["locations"][0u].HasMember("logicalLocations")) {
        CHECK(region.text == "\"");  // the syntax error: a member name where ',' was expected
      } else {
        CHECK(!region.text.empty());
      }
    }
  }
}

TEST_CASE("logical locations are JSON Pointers that lead back to the highlighted node") {
  Inputs inputs;
  const rapidjson::Document log = parse(sarif_of(inputs.paths, at_root(inputs.root)));
  size_t resolved = 0;
  for (const Json& result : the_run(log)["results"].GetArray()) {
    const Json& location = result["locations"][0u];
    const std::string file = file_of(location["physicalLocation"], inputs.root);
    CAPTURE(file);
    CAPTURE(as_string(result["message"]["text"]));
    if (!location.HasMember("logicalLocations")) {
      // Only a file that does not parse has no tree to point into.
      CHECK(as_string(result["ruleId"]) == "SMD000");
      continue;
    }
    REQUIRE(location["logicalLocations"].Size() == 1);
    const Json& logical = location["logicalLocations"][0u];
    const std::string pointer_text = as_string(logical["fullyQualifiedName"]);
    CAPTURE(pointer_text);
    const std::string kind = as_string(logical["kind"]);
    CHECK((kind == "object" || kind == "array" || kind == "property" || kind == "value"));

    const std::string text = read_file(file);
    const rapidjson::Document input = parse_input(text);
    const rapidjson::Pointer pointer(pointer_text.c_str(), pointer_text.size());
    REQUIRE(pointer.IsValid());
    const Json* node = pointer.Get(input);
    REQUIRE(node != nullptr);
    if (pointer.GetTokenCount() > 0) {
      const auto& last = pointer.GetTokens()[pointer.GetTokenCount() - 1];
      CHECK(as_string(logical["name"]) == std::string(last.name, last.length));
    }
    const RegionCheck region = read_region(text, location["physicalLocation"]["region"]);
    REQUIRE(region.inside);
    CHECK_MESSAGE(region_is_node(region.text, *node, logical), "region text: " << region.text);
    ++resolved;
  }
  CHECK(resolved >= 4);
}

TEST_CASE("partialFingerprints.primaryLocationLineHash is GitHub's hash of the start line") {
  Inputs inputs;
  const rapidjson::Document log = parse(sarif_of(inputs.paths, at_root(inputs.root)));
  for (const Json& result : the_run(log)["results"].GetArray()) {
    const Json& physical = result["locations"][0u]["physicalLocation"];
    const std::string file = file_of(physical, inputs.root);
    CAPTURE(file);
    const std::vector<std::string> hashes = line_hashes(read_file(file));
    const uint64_t line = physical["region"]["startLine"].GetUint64();
    REQUIRE(line <= hashes.size());
    // GitHub's line hash, and sagelint's own resource fingerprint for baselines (baseline_test.cpp).
    REQUIRE(result["partialFingerprints"].MemberCount() == 2);
    CHECK(as_string(result["partialFingerprints"]["primaryLocationLineHash"]) == hashes[line - 1]);
    CHECK(as_string(result["partialFingerprints"]["sagelintResourceFingerprint/v1"]).size() == 16);
  }
}

TEST_CASE("a file that does not parse fails the run, as a notification and as an SMD000 result") {
  TempDir dir;
  std::string name, text, highlighted;
  uint64_t line = 0, column = 0;
  SUBCASE("a syntax error highlights the character at fault") {
    name = "missing-comma.json", text = kMissingComma, line = 3, column = 3, highlighted = "\"";
  }
  SUBCASE("an unexpected end of file is an empty region after the last character") {
    name = "truncated.json", text = kTruncated, line = 2, column = 1, highlighted = "";
  }
  SUBCASE("an empty file is an empty region at its start") {
    name = "empty.json", text = "", line = 1, column = 1, highlighted = "";
  }
  const std::vector<std::string> paths{dir.write(name, text)};
  const rapidjson::Document log = parse(sarif_of(paths, at_root(root_of(dir))));
  const Json& run = the_run(log);
  const Json& invocation = run["invocations"][0u];
  CHECK(invocation["executionSuccessful"].IsFalse());

  REQUIRE(invocation["toolExecutionNotifications"].Size() == 1);
  const Json& notification = invocation["toolExecutionNotifications"][0u];
  CHECK(as_string(notification["level"]) == "error");
  CHECK(!as_string(notification["message"]["text"]).empty());
  CHECK(as_string(notification["associatedRule"]["id"]) == "SMD000");
  const Json& rules = run["tool"]["driver"]["rules"];
  CHECK(as_string(rules[static_cast<rapidjson::SizeType>(notification["associatedRule"]["index"].GetUint64())]["id"]) ==
        "SMD000");
  REQUIRE(notification["locations"].Size() == 1);
  const Json& notified = notification["locations"][0u]["physicalLocation"];
  CHECK(as_string(notified["artifactLocation"]["uri"]) == name);

  // Neither GitHub nor the VS Code viewer shows notifications: the result is what users see.
  const std::vector<const Json*> results = results_of(run, "SMD000");
  REQUIRE(results.size() == 1);
  const Json& result = *results[0];
  CHECK(as_string(result["level"]) == "error");
  CHECK(result["message"] == notification["message"]);
  const Json& physical = result["locations"][0u]["physicalLocation"];
  CHECK(physical == notified);
  const Json& region = physical["region"];
  CHECK(region["startLine"].GetUint64() == line);
  CHECK(region["startColumn"].GetUint64() == column);
  const RegionCheck read = read_region(text, region);
  CHECK(read.inside);  // an empty region must still lie inside the file for check_sarif.py
  CHECK(read.text == highlighted);
  CHECK(as_string(result["partialFingerprints"]["primaryLocationLineHash"]) == line_hashes(text).at(line - 1));
}

TEST_CASE("a run whose inputs all parse succeeds, and its notes are not errors") {
  TempDir dir;
  const std::vector<std::string> paths{dir.write("domain.json", emoji_domain()),
                                       dir.write("not-an-export.json", R"({"Name": "something else"})")};
  const rapidjson::Document log = parse(sarif_of(paths, at_root(root_of(dir))));
  const Json& invocation = the_run(log)["invocations"][0u];
  CHECK(invocation["executionSuccessful"].IsTrue());
  REQUIRE(invocation["toolExecutionNotifications"].Size() == 1);
  const Json& note = invocation["toolExecutionNotifications"][0u];
  CHECK(as_string(note["level"]) == "note");
  CHECK_FALSE(note.HasMember("associatedRule"));
  CHECK(uri_of(note) == "not-an-export.json");
}

TEST_CASE("every result carries suppressions, empty unless a justification was accepted") {
  Inputs inputs;
  const rapidjson::Document log = parse(sarif_of(inputs.paths, at_root(inputs.root)));
  const Json& run = the_run(log);
  for (const Json& result : run["results"].GetArray()) {
    REQUIRE(result.HasMember("suppressions"));
    CHECK(result["suppressions"].IsArray());
  }
  const Json& justified = result_in(run, "SMD007", "profiles/jdoe.json");
  REQUIRE(justified["suppressions"].Size() == 1);
  const Json& suppression = justified["suppressions"][0u];
  CHECK(as_string(suppression["kind"]) == "inSource");
  CHECK(as_string(suppression["justification"]) == "legacy kernels until the Q3 migration");
  CHECK_FALSE(suppression.HasMember("status"));  // absent means accepted

  const Json& short_reason = result_in(run, "SMD007", "profiles/asmith.json");
  CHECK(short_reason["suppressions"].Size() == 0);
  CHECK(as_string(short_reason["message"]["text"]).find("is not accepted") != std::string::npos);

  CHECK(result_in(run, "SMD007", "domain.json")["suppressions"].Size() == 0);
}

TEST_CASE("artifact URIs are relative to the source root, percent-encoded, or absolute outside it") {
  TempDir dir, elsewhere;
  const std::string root = root_of(dir);
  const std::vector<std::string> paths{dir.write("with space/d\xC3\xA4t\xC3\xA4.json", emoji_domain()),
                                       elsewhere.write("outside.json", emoji_domain("d-outside0001", "outside"))};
  const rapidjson::Document log = parse(sarif_of(paths, at_root(root)));
  std::set<std::string> relative, absolute;
  for (const Json& result : the_run(log)["results"].GetArray()) {
    const Json& artifact = result["locations"][0u]["physicalLocation"]["artifactLocation"];
    if (artifact.HasMember("uriBaseId")) {
      CHECK(as_string(artifact["uriBaseId"]) == "%SRCROOT%");
      relative.insert(as_string(artifact["uri"]));
    } else {
      absolute.insert(as_string(artifact["uri"]));
    }
  }
  CHECK(relative == std::set<std::string>{"with%20space/d%C3%A4t%C3%A4.json"});
  const std::string outside = fs::weakly_canonical(elsewhere.path() / "outside.json").generic_string();
  CHECK(absolute == std::set<std::string>{"file://" + outside});
  CHECK(outside.starts_with("/"));
}

TEST_CASE("the SARIF is UTF-8 even when a file name is not") {
  TempDir dir;
  // The second description of the domain gets a note that names the first file.
  const std::vector<std::string> paths{dir.write("caf\xE9.json", emoji_domain()),
                                       dir.write("copy.json", emoji_domain())};
  const std::string sarif = sarif_of(paths, at_root(root_of(dir)));
  rapidjson::Document log;
  log.Parse<rapidjson::kParseValidateEncodingFlag>(sarif.c_str(), sarif.size());
  REQUIRE_MESSAGE(!log.HasParseError(), "the SARIF is not valid UTF-8 JSON");
  const Json& run = the_run(log);
  std::set<std::string> uris;
  for (const Json& result : run["results"].GetArray()) {
    uris.insert(uri_of(result));
  }
  CHECK(uris == std::set<std::string>{"caf%E9.json"});  // the URI encodes the byte itself
  bool named = false;
  for (const Json& note : run["invocations"][0u]["toolExecutionNotifications"].GetArray()) {
    named = named || as_string(note["message"]["text"]).find("caf\xEF\xBF\xBD.json") != std::string::npos;
  }
  CHECK(named);
}

TEST_CASE("relative_uri and file_uri encode what a URI reference cannot hold") {
  CHECK(relative_uri("/repo/config/domain.json", "/repo") == "config/domain.json");
  CHECK(relative_uri("/repo/config/domain.json", "/repo/") == "config/domain.json");
  CHECK(relative_uri("/repo/config/domain.json", "/") == "repo/config/domain.json");
  CHECK(relative_uri("/repository/domain.json", "/repo") == "");
  CHECK(relative_uri("/repo", "/repo") == "");
  CHECK(relative_uri("/repo/domain.json", "") == "");
  CHECK(relative_uri("/repo/my domain/d\xC3\xA4t\xC3\xA4.json", "/repo") == "my%20domain/d%C3%A4t%C3%A4.json");
  CHECK(relative_uri("/repo/100%/#1?.json", "/repo") == "100%25/%231%3F.json");
  CHECK(relative_uri("/repo/a\\b.json", "/repo") == "a%5Cb.json");
  // A colon in the first segment would read as a scheme ("prod:" in "prod:eu/domain.json").
  CHECK(relative_uri("/repo/prod:eu/domain.json", "/repo") == "prod%3Aeu/domain.json");
  CHECK(file_uri("/tmp/my dir/d\xC3\xA4t\xC3\xA4.json") == "file:///tmp/my%20dir/d%C3%A4t%C3%A4.json");
  CHECK(file_uri("/srv/prod:eu/domain.json") == "file:///srv/prod:eu/domain.json");
  CHECK(file_uri("C:/repo/domain.json") == "file:///C:/repo/domain.json");
}

TEST_CASE("automationDetails is written only when a category is given") {
  TempDir dir;
  const std::vector<std::string> paths{dir.write("domain.json", emoji_domain())};
  const std::string root = root_of(dir);
  SUBCASE("no category") {
    const rapidjson::Document log = parse(sarif_of(paths, at_root(root)));
    CHECK_FALSE(the_run(log).HasMember("automationDetails"));
  }
  SUBCASE("a category becomes the id's category part, with no run id") {
    const rapidjson::Document log = parse(sarif_of(paths, at_root(root, "sagelint/prod")));
    CHECK(as_string(the_run(log)["automationDetails"]["id"]) == "sagelint/prod/");
  }
  SUBCASE("a category that already ends in a slash gets no second one") {
    const rapidjson::Document log = parse(sarif_of(paths, at_root(root, "sagelint/")));
    CHECK(as_string(the_run(log)["automationDetails"]["id"]) == "sagelint/");
  }
}

// Determinism. The same inputs give the same bytes. Results are sorted by file, position,
// rule and message, and notifications by file and position, so the order in which paths are
// named does not matter either, with one documented exception: when two files describe the
// same resource, the first one read is linted (the other gets a note), so naming them in
// another order legitimately changes the report.
TEST_CASE("equal inputs give byte-identical SARIF") {
  Inputs inputs;
  const SarifOptions options = at_root(inputs.root);
  const std::string first = sarif_of(inputs.paths, options);
  CHECK(sarif_of(inputs.paths, options) == first);
  CHECK(first.find(inputs.root) == std::string::npos);  // no machine paths
  CHECK(first.ends_with("}\n"));
}

TEST_CASE("the order in which independent files are named does not change the SARIF") {
  TempDir dir;
  std::vector<std::string> paths{
      dir.write("b-domain.json", emoji_domain()),
      dir.write("a-research.json", kBomDomain),
      dir.write("z-not-an-export.json", R"({"Name": "something else"})"),
      dir.write("c-not-an-export.json", R"([1, 2, 3])"),
      dir.write("y-broken.json", kMissingComma),
      dir.write("d-broken.json", kTruncated),
  };
  const SarifOptions options = at_root(root_of(dir));
  const std::string forward = sarif_of(paths, options);
  std::reverse(paths.begin(), paths.end());
  CHECK(sarif_of(paths, options) == forward);
}

TEST_CASE("files found by walking a directory are reported in path order, the same every time") {
  TempDir dir;
  int number = 0;
  for (const std::string_view name : {"m/zeta.json", "b.json", "m/alpha.json", "a.json", "z/x.json"}) {
    ++number;
    dir.write(name, emoji_domain("d-walk" + std::to_string(number), "domain-" + std::to_string(number)));
  }
  dir.write(".hidden/skipped.json", kMissingComma);
  const std::vector<std::string> paths{dir.path().string()};
  const SarifOptions options = at_root(root_of(dir));
  const std::string first = sarif_of(paths, options);
  CHECK(sarif_of(paths, options) == first);

  const rapidjson::Document log = parse(first);
  const Json& run = the_run(log);
  CHECK(run["invocations"][0u]["executionSuccessful"].IsTrue());  // .hidden is not walked
  std::vector<std::string> uris;
  for (const Json& result : run["results"].GetArray()) {
    uris.push_back(uri_of(result));
  }
  CHECK(std::is_sorted(uris.begin(), uris.end()));
  CHECK(std::set<std::string>(uris.begin(), uris.end()) ==
        std::set<std::string>{"a.json", "b.json", "m/alpha.json", "m/zeta.json", "z/x.json"});
}
