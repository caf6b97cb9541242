// sagelint's own JSON report, read back with RapidJSON: what a script relies on.
#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "sagelint/catalog.hpp"
#include "sagelint/inputs.hpp"
#include "sagelint/json_report.hpp"
#include "sagelint/lint.hpp"
#include "sagelint/version.hpp"
#include "test_support.hpp"

using namespace sagelint;
using sagelint::testing::TempDir;

namespace {

using Json = rapidjson::Value;

constexpr std::string_view kDomain = R"({
  "DomainId": "d-json00000001",
  "DomainName": "ml-platform",
  "AuthMode": "IAM",
  "AppNetworkAccessType": "VpcOnly",
  "DefaultUserSettings": {
    "DefaultLandingUri": "app:JupyterServer:",
    "StudioWebPortal": "ENABLED",
    "StudioWebPortalSettings": {"HiddenAppTypes": ["JupyterServer"]}
  }
}
)";

constexpr std::string_view kJustifiedProfile = R"({
  "DomainId": "d-json00000001",
  "UserProfileName": "jdoe",
  "UserSettings": {"DefaultLandingUri": "app:JupyterServer:"},
  "Tags": [{"Key": "sagelint:justify:SMD007", "Value": "legacy kernels until the Q3 migration; expires=2026-12-31"}]
}
)";

constexpr std::string_view kBroken = "{\"DomainId\": \"d-json00000002\",\n  \"DomainName\" \"x\"}\n";

constexpr std::string_view kNotAnExport = R"({"Name": "something else"})";

std::string as_string(const Json& value) { return std::string(value.GetString(), value.GetStringLength()); }

struct Report {
  TempDir dir;
  std::string domain = dir.write("domain.json", kDomain);
  std::string profile = dir.write("jdoe.json", kJustifiedProfile);
  std::string broken = dir.write("broken.json", kBroken);
  std::string other = dir.write("other.json", kNotAnExport);
  std::string text;
  rapidjson::Document json;

  Report() {
    RunOptions options;
    options.as_of = Date{2026, 6, 1};
    const std::vector<std::string> paths{domain, profile, broken, other};
    text = json_report(lint(paths, all_rules(), options));
    json.Parse(text.c_str(), text.size());
    REQUIRE_MESSAGE(!json.HasParseError(), "the report is not JSON:\n" << text);
  }

  const Json& finding(std::string_view rule_id, const std::string& path) const {
    for (const Json& f : json["findings"].GetArray()) {
      if (as_string(f["ruleId"]) == rule_id && as_string(f["file"]) == display_path(path)) return f;
    }
    FAIL("no " << rule_id << " finding in " << path << ":\n" << text);
    return json;
  }
};

}  // namespace

TEST_CASE("the JSON report names the tool and its version as strings") {
  const Report report;
  const Json& tool = report.json["tool"];
  REQUIRE(tool["name"].IsString());
  CHECK(as_string(tool["name"]) == "sagelint");
  REQUIRE(tool["version"].IsString());
  CHECK(as_string(tool["version"]) == kVersion);
}

TEST_CASE("the JSON report's summary counts files, open findings by level, suppressed findings and failed inputs") {
  const Report report;
  const Json& summary = report.json["summary"];
  CHECK(summary["files"].GetUint64() == 4);
  CHECK(summary["suppressed"].GetUint64() == 1);
  CHECK(summary["inputsFailed"].GetUint64() == 1);
  uint64_t errors = 0, warnings = 0, notes = 0;
  for (const Json& f : report.json["findings"].GetArray()) {
    if (f["suppressed"].GetBool()) continue;
    const std::string level = as_string(f["level"]);
    errors += level == "error";
    warnings += level == "warning";
    notes += level == "note";
  }
  CHECK(errors >= 2);  // the broken file and the domain's landing page
  CHECK(summary["errors"].GetUint64() == errors);
  CHECK(summary["warnings"].GetUint64() == warnings);
  CHECK(summary["notes"].GetUint64() == notes);
}

TEST_CASE("a JSON finding has its rule, place, pointer and resource") {
  const Report report;
  const Json& f = report.finding("SMD007", report.domain);
  CHECK(as_string(f["rule"]) == "default-landing-studio");
  CHECK(as_string(f["level"]) == "error");
  CHECK(as_string(f["message"]).find("'app:JupyterServer:'") != std::string::npos);
  CHECK(f["line"].GetUint64() == 7);
  CHECK(f["column"].GetUint64() == 26);
  CHECK(f["endLine"].GetUint64() == 7);
  CHECK(f["endColumn"].GetUint64() == 46);  // exclusive: the 20 characters of "app:JupyterServer:"
  CHECK(as_string(f["pointer"]) == "/DefaultUserSettings/DefaultLandingUri");
  CHECK(as_string(f["resource"]["kind"]) == "domain");
  CHECK(as_string(f["resource"]["name"]) == "ml-platform");
  CHECK(f["suppressed"].IsFalse());
  CHECK_FALSE(f.HasMember("justification"));
  CHECK_FALSE(f.HasMember("unreadableInput"));
}

TEST_CASE("a justified JSON finding is kept, marked suppressed, with its reason and expiry") {
  const Report report;
  const Json& f = report.finding("SMD007", report.profile);
  CHECK(as_string(f["resource"]["kind"]) == "user profile");
  CHECK(as_string(f["resource"]["name"]) == "jdoe");
  CHECK(f["line"].GetUint64() == 4);
  CHECK(f["suppressed"].IsTrue());
  CHECK(as_string(f["justification"]) == "legacy kernels until the Q3 migration (expires 2026-12-31)");
}

TEST_CASE("a file that does not parse is an unreadable-input finding and a diagnostic") {
  const Report report;
  const Json& f = report.finding("SMD000", report.broken);
  CHECK(as_string(f["level"]) == "error");
  CHECK(f["line"].GetUint64() == 2);
  CHECK(f["column"].GetUint64() == 16);
  CHECK(f["unreadableInput"].IsTrue());
  CHECK(f["suppressed"].IsFalse());
  CHECK_FALSE(f.HasMember("pointer"));  // no tree to point into
  CHECK_FALSE(f.HasMember("resource"));

  const Json& diagnostics = report.json["diagnostics"];
  REQUIRE(diagnostics.IsArray());
  bool failure = false, skipped = false;
  for (const Json& d : diagnostics.GetArray()) {
    const std::string file = as_string(d["file"]);
    if (file == display_path(report.broken)) {
      failure = true;
      CHECK(as_string(d["level"]) == "error");
      CHECK(d["message"] == f["message"]);
      CHECK(d["line"] == f["line"]);
      CHECK(d["column"] == f["column"]);
      CHECK(d["endLine"] == f["endLine"]);
      CHECK(d["endColumn"] == f["endColumn"]);
    } else if (file == display_path(report.other)) {
      skipped = true;
      CHECK(as_string(d["level"]) == "note");
      CHECK(as_string(d["message"]).starts_with("skipped:"));
      CHECK(as_string(d["pointer"]) == "");  // the document itself
    }
  }
  CHECK(failure);
  CHECK(skipped);
}

TEST_CASE("JSON findings come sorted by file and position, and the report ends with a newline") {
  const Report report;
  std::vector<std::tuple<std::string, uint64_t, uint64_t>> places;
  for (const Json& f : report.json["findings"].GetArray()) {
    places.emplace_back(as_string(f["file"]), f["line"].GetUint64(), f["column"].GetUint64());
  }
  CHECK(std::is_sorted(places.begin(), places.end()));
  CHECK(report.text.ends_with("}\n"));
}
