// Real exports written by others (../shared/corpus/api): cloud-custodian's recorded API
// responses. They wrap the response in {"status_code": ..., "data": ...}; the test unwraps
// them, as a user would have the bare CLI output, and lints the result end to end.
//
// Where the reference material is missing the case is skipped when the binary starts, so
// CTest does not register it and nothing reports a pass (see the JSONTestSuite case).
#include <doctest/doctest.h>
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <filesystem>

#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace sagelint;
using namespace sagelint::testing;

namespace {

const fs::path kCorpus = fs::path(SAGELINT_SHARED_DIR) / "corpus" / "api";
const bool kCorpusAvailable = fs::is_directory(kCorpus);

// The recording's "data" member, pretty-printed with four spaces as the AWS CLI prints.
std::string unwrap(const fs::path& recording) {
  const std::string text = read_file(recording);
  rapidjson::Document document;
  document.Parse(text.c_str());
  REQUIRE_FALSE(document.HasParseError());
  REQUIRE(document.HasMember("data"));
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  writer.SetIndent(' ', 4);
  document["data"].Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace

TEST_CASE("the cloud-custodian recordings of describe-domain and list-domains lint end to end" *
          doctest::skip(!kCorpusAvailable)) {
  REQUIRE_MESSAGE(kCorpusAvailable, "corpus not found at " << kCorpus.string());
  TempDir dir;
  dir.write("describe-domain.json", unwrap(kCorpus / "c7n-placebo-describe-domain-kms.json"));
  dir.write("list-domains.json", unwrap(kCorpus / "c7n-placebo-list-domains.json"));
  RunOptions options;
  options.as_of = Date{2026, 6, 1};
  const std::vector<std::string> paths{dir.path().string()};
  const LintResult result = lint(paths, all_rules(), options);

  CHECK(result.inputs_failed() == 0);
  CHECK(result.model.input_problems.empty());  // the recording's datetime objects are timestamps: not checked
  REQUIRE(result.model.domains.size() == 1);   // the list entry and the describe output are one domain
  const Domain& domain = result.model.domains[0];
  CHECK_FALSE(domain.summary);
  CHECK(domain.display_name() == "example-domain");
  CHECK(result.model.notes.empty());

  // Every finding, checked against the recording by reading it: the domain signs users in
  // through IAM rather than IAM Identity Center, Studio Classic is not hidden
  // (no StudioWebPortalSettings), nor is RStudio, which the domain does not configure (no
  // RStudioServerProDomainSettings), the network is public, and Classic-only sharing settings
  // are not dead because Classic is visible. The console-made execution role alone is one
  // Quick Setup signal, not enough for SMD014; EBS 5/100 without HomeEfsFileSystemCreation
  // Disabled is not the Quick Setup storage signal. Nothing hides the partner tools or the
  // denied instance types, notebook sharing is allowed without a KMS key,
  // neither JupyterLab nor Code Editor shuts down when idle (SMD027), and the recording
  // carries no tags and no TagPropagation (SMD034 notes).
  std::vector<std::string> seen;
  for (const Finding& finding : result.findings) {
    seen.push_back(std::string(finding.rule->id) + " " + std::string(to_string(finding.level)) + " line " +
                   std::to_string(begin_of(finding).line));
  }
  CHECK(seen == std::vector<std::string>{"SMD034 note line 4", "SMD034 note line 4", "SMD005 warning line 27",
                                         "SMD009 warning line 28", "SMD012 warning line 28", "SMD023 warning line 28",
                                         "SMD026 warning line 28", "SMD027 warning line 28", "SMD027 warning line 28",
                                         "SMD019 warning line 31", "SMD015 warning line 66"});
}
