// Recognising AWS CLI exports: describe-*, list-* and bundles, with tags, in any file layout.
#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace sagelint;
using namespace sagelint::testing;

namespace {

constexpr std::string_view kDescribeDomain = R"({
  "DomainArn": "arn:aws:sagemaker:eu-west-1:111122223333:domain/d-abc123",
  "DomainId": "d-abc123",
  "DomainName": "ml-platform",
  "AuthMode": "SSO",
  "DefaultUserSettings": {"DefaultLandingUri": "studio::"},
  "AppNetworkAccessType": "VpcOnly"
})";

constexpr std::string_view kDescribeProfile = R"({
  "DomainId": "d-abc123",
  "UserProfileArn": "arn:aws:sagemaker:eu-west-1:111122223333:user-profile/d-abc123/jdoe",
  "UserProfileName": "jdoe",
  "SingleSignOnUserIdentifier": "UserName",
  "SingleSignOnUserValue": "jdoe",
  "UserSettings": {"ExecutionRole": "arn:aws:iam::111122223333:role/jdoe"}
})";

constexpr std::string_view kDescribeSpace = R"({
  "DomainId": "d-abc123",
  "SpaceArn": "arn:aws:sagemaker:eu-west-1:111122223333:space/d-abc123/churn",
  "SpaceName": "churn",
  "SpaceDisplayName": "Churn",
  "OwnershipSettings": {"OwnerUserProfileName": "jdoe"},
  "SpaceSharingSettings": {"SharingType": "Private"},
  "SpaceSettings": {"AppType": "JupyterLab"}
})";

}  // namespace

TEST_CASE("a describe-domain output becomes one domain with its settings") {
  TempDir dir;
  const Model model = load_files(dir, {{"domain.json", std::string(kDescribeDomain)}});
  REQUIRE(model.domains.size() == 1);
  const Domain& domain = model.domains[0];
  CHECK(domain.kind == ResourceKind::domain);
  CHECK_FALSE(domain.summary);
  CHECK(domain.display_name() == "ml-platform");
  CHECK(domain.link_key == "d-abc123");
  CHECK(domain.default_user_settings["DefaultLandingUri"].string() == "studio::");
  CHECK_FALSE(domain.tags_known);
  CHECK(model.notes.empty());
  CHECK(model.input_problems.empty());
}

TEST_CASE("a describe-user-profile output becomes a profile linked to its domain in another file") {
  TempDir dir;
  const Model model =
      load_files(dir, {{"domain.json", std::string(kDescribeDomain)}, {"jdoe.json", std::string(kDescribeProfile)}});
  REQUIRE(model.profiles.size() == 1);
  const UserProfile& profile = model.profiles[0];
  CHECK(profile.display_name() == "jdoe");
  CHECK(profile.sso_user_identifier.string() == "UserName");
  CHECK(profile.sso_user_value.string() == "jdoe");
  REQUIRE(profile.domain != nullptr);
  CHECK(profile.domain->display_name() == "ml-platform");
  REQUIRE(model.domains[0].profiles.size() == 1);
  CHECK(model.domains[0].profiles[0] == &profile);
}

TEST_CASE("a describe-space output becomes a space with owner and sharing type") {
  TempDir dir;
  const Model model = load_files(dir, {{"space.json", std::string(kDescribeSpace)}});
  REQUIRE(model.spaces.size() == 1);
  const Space& space = model.spaces[0];
  CHECK(space.display_name() == "churn");
  CHECK(space.display_name_value.string() == "Churn");
  CHECK(space.owner.string() == "jdoe");
  CHECK(space.sharing_type.string() == "Private");
  CHECK(space.space_settings["AppType"].string() == "JupyterLab");
  CHECK(space.domain == nullptr);
}

TEST_CASE("list outputs become summaries whose settings are unknown, not absent") {
  TempDir dir;
  SUBCASE("list-domains") {
    const Model model = load_files(dir, {{"domains.json", R"({"Domains": [
      {"DomainArn": "arn:aws:sagemaker:us-east-1:1:domain/d-1", "DomainId": "d-1", "DomainName": "a",
       "Status": "InService", "Url": "https://d-1.studio.us-east-1.sagemaker.aws"}]})"}});
    REQUIRE(model.domains.size() == 1);
    CHECK(model.domains[0].summary);
    CHECK(model.domains[0].root["AuthMode"].is_unknown());
    CHECK(model.domains[0].default_user_settings["DefaultLandingUri"].is_unknown());
    REQUIRE(model.notes.size() == 1);
    CHECK(model.notes[0].message.find("list-* output") != std::string::npos);
  }
  SUBCASE("list-user-profiles") {
    const Model model = load_files(dir, {{"profiles.json", R"({"UserProfiles": [
      {"DomainId": "d-1", "UserProfileName": "jdoe", "Status": "InService"}], "NextToken": "abc"})"}});
    REQUIRE(model.profiles.size() == 1);
    CHECK(model.profiles[0].summary);
    CHECK(model.profiles[0].display_name() == "jdoe");
    CHECK(model.profiles[0].sso_user_value.is_unknown());
  }
  SUBCASE("list-spaces reads owner and sharing type from the summary members") {
    const Model model = load_files(dir, {{"spaces.json", R"({"Spaces": [
      {"DomainId": "d-1", "SpaceName": "churn", "Status": "InService",
       "SpaceSharingSettingsSummary": {"SharingType": "Shared"},
       "OwnershipSettingsSummary": {"OwnerUserProfileName": "jdoe"},
       "SpaceSettingsSummary": {"AppType": "CodeEditor"}}]})"}});
    REQUIRE(model.spaces.size() == 1);
    CHECK(model.spaces[0].summary);
    CHECK(model.spaces[0].sharing_type.string() == "Shared");
    CHECK(model.spaces[0].owner.string() == "jdoe");
    CHECK(model.spaces[0].space_settings.is_unknown());
  }
}

TEST_CASE("a bundle holds describe documents of every kind, linked by DomainId") {
  TempDir dir;
  const std::string bundle = "{\"Domains\": [" + std::string(kDescribeDomain) + "], \"UserProfiles\": [" +
                             std::string(kDescribeProfile) + "], \"Spaces\": [" + std::string(kDescribeSpace) + "]}";
  const Model model = load_files(dir, {{"org.json", bundle}});
  REQUIRE(model.domains.size() == 1);
  REQUIRE(model.profiles.size() == 1);
  REQUIRE(model.spaces.size() == 1);
  CHECK_FALSE(model.domains[0].summary);
  CHECK_FALSE(model.profiles[0].summary);
  CHECK_FALSE(model.spaces[0].summary);
  CHECK(model.spaces[0].domain == &model.domains[0]);
  CHECK(model.domains[0].spaces.size() == 1);
  CHECK(model.notes.empty());
}

TEST_CASE("tags from list-tags are read on every kind of document") {
  TempDir dir;
  const Model model = load_files(dir, {{"org.json", R"({
    "Domains": [{"DomainId": "d-1", "DomainName": "a", "AuthMode": "IAM",
                 "Tags": [{"Key": "Environment", "Value": "prod"}]}],
    "UserProfiles": [{"DomainId": "d-1", "UserProfileName": "jdoe", "UserSettings": {},
                      "Tags": [{"Key": "studiouserid", "Value": "jdoe"}, {"Key": "Owner", "Value": ""}]}],
    "Spaces": [{"DomainId": "d-1", "SpaceName": "s", "SpaceSettings": {}, "Tags": []}]})"}});
  REQUIRE(model.domains.size() == 1);
  CHECK(model.domains[0].tags_known);
  REQUIRE(model.domains[0].find_tag("Environment") != nullptr);
  CHECK(model.domains[0].find_tag("Environment")->value == "prod");
  REQUIRE(model.profiles[0].tags.size() == 2);
  CHECK(model.profiles[0].tags[1].key == "Owner");
  CHECK(model.profiles[0].tags[1].value.empty());
  CHECK(model.spaces[0].tags_known);
  CHECK(model.spaces[0].tags.empty());
}

TEST_CASE("JSON that is not a SageMaker export is skipped with a note, not an error") {
  TempDir dir;
  for (const std::string_view text : {R"({"Version": "2012-10-17", "Statement": []})", "[1, 2, 3]", "\"text\"",
                                      R"({"Tags": [{"Key": "a", "Value": "b"}]})"}) {
    CAPTURE(text);
    const Model model = load_files(dir, {{"other.json", std::string(text)}});
    CHECK(model.domains.empty());
    CHECK(model.load_failures.empty());
    CHECK(model.input_problems.empty());
    REQUIRE(model.notes.size() == 1);
    CHECK(model.notes[0].level == Level::note);
    CHECK(model.notes[0].message.starts_with("skipped: neither an AWS CLI export"));
  }
}

TEST_CASE("values of the wrong type are reported where they are, and the rest is still read") {
  TempDir dir;
  SUBCASE("a collection that is not an array") {
    const Model model = load_files(dir, {{"bad.json", R"({"Domains": {"DomainId": "d-1"}, "UserProfiles": [
      {"DomainId": "d-1", "UserProfileName": "jdoe", "UserSettings": {}}]})"}});
    REQUIRE(model.input_problems.size() == 1);
    CHECK(model.input_problems[0].message == "expected an array for 'Domains', found an object");
    CHECK(model.profiles.size() == 1);
  }
  SUBCASE("an element that is not an object") {
    const Model model = load_files(dir, {{"bad.json", R"({"UserProfiles": ["jdoe", {"DomainId": "d-1",
      "UserProfileName": "asmith", "UserSettings": {}}]})"}});
    REQUIRE(model.input_problems.size() == 1);
    CHECK(model.input_problems[0].message == "expected an object for element 0 of 'UserProfiles', found a string");
    CHECK(model.profiles.size() == 1);
  }
  SUBCASE("nested members, tags and list elements") {
    const Model model = load_files(dir, {{"bad.json", R"({
  "DomainId": "d-1",
  "DomainName": "a",
  "DefaultUserSettings": {"SecurityGroups": "sg-1", "StudioWebPortalSettings": {"HiddenAppTypes": [true]}},
  "Tags": [{"Key": "Environment", "Value": 1}]
})"}});
    REQUIRE(model.input_problems.size() == 3);
    CHECK(model.input_problems[0].message == "expected an array for 'SecurityGroups', found a string");
    CHECK(model.input_problems[1].message == "expected a string for element 0 of 'HiddenAppTypes', found a boolean");
    CHECK(model.input_problems[2].message == "expected a string for 'Value', found a number");
    CHECK_FALSE(model.domains[0].tags_known);  // unreadable tags are not guessed at
    const Position at = model.input_problems[2].location.file->position(model.input_problems[2].location.begin);
    CHECK(at.line == 5);
    CHECK(at.column == 44);
  }
}

TEST_CASE("directories are walked recursively in sorted order, skipping hidden directories and other files") {
  TempDir dir;
  dir.write("b/profiles/jdoe.json", kDescribeProfile);
  dir.write("a/domain.JSON", kDescribeDomain);
  dir.write(".git/config.json", kDescribeDomain);
  dir.write("a/notes.txt", "not json");
  dir.write("b/spaces/churn.json", kDescribeSpace);
  const std::vector<std::string> paths{dir.path().string()};
  const Model model = load_inputs(paths);
  REQUIRE(model.files.size() == 3);
  CHECK(model.files[0]->path().ends_with("a/domain.JSON"));
  CHECK(model.files[1]->path().ends_with("b/profiles/jdoe.json"));
  CHECK(model.files[2]->path().ends_with("b/spaces/churn.json"));
  CHECK(model.domains.size() == 1);
  CHECK(model.profiles[0].domain == &model.domains[0]);
}

TEST_CASE("JSON files found in directories that are not exports are noted once, together") {
  TempDir dir;
  dir.write("export/domain.json", kDescribeDomain);
  dir.write("export/package.json", R"({"name": "infra", "version": "1.0.0"})");
  dir.write("export/tsconfig.json", R"({"compilerOptions": {}})");
  dir.write("export/node_modules/left-pad/package.json", "not even JSON");
  const std::vector<std::string> paths{dir.file("export")};
  const Model model = load_inputs(paths);
  CHECK(model.files.size() == 3);  // node_modules is not walked
  CHECK(model.load_failures.empty());
  REQUIRE(model.notes.size() == 1);
  CHECK(model.notes[0].location.file == nullptr);
  CHECK(model.notes[0].message.starts_with(
      "skipped 2 files without SageMaker AI domains, user profiles or spaces (neither AWS CLI exports of them, "
      "nor templates, Terraform files or plans that define them): "));
  CHECK(model.notes[0].message.find("export/package.json, ") != std::string::npos);
  CHECK(model.notes[0].message.ends_with("export/tsconfig.json"));
}

TEST_CASE("a path that does not exist is a load failure without a file") {
  TempDir dir;
  const std::vector<std::string> paths{dir.file("missing.json")};
  const Model model = load_inputs(paths);
  REQUIRE(model.load_failures.size() == 1);
  CHECK(model.load_failures[0].location.file == nullptr);
  CHECK(model.load_failures[0].message.ends_with(": no such file or directory"));
}

TEST_CASE("one resource described twice is read once") {
  TempDir dir;
  SUBCASE("a list output beside the describe output keeps the describe output, silently") {
    const Model model = load_files(dir, {{"a-list.json", R"({"Domains": [{"DomainId": "d-abc123", "DomainName": "ml-platform"}]})"},
                                         {"b-domain.json", std::string(kDescribeDomain)}});
    REQUIRE(model.domains.size() == 1);
    CHECK_FALSE(model.domains[0].summary);
    CHECK(model.domains[0].root["AuthMode"].string() == "SSO");
    CHECK(model.notes.empty());  // every listed domain was described: nothing is missing
  }
  SUBCASE("two describe outputs keep the first and say so") {
    const Model model = load_files(dir, {{"a.json", std::string(kDescribeProfile)}, {"b.json", std::string(kDescribeProfile)},
                                         {"domain.json", std::string(kDescribeDomain)}});
    REQUIRE(model.profiles.size() == 1);
    CHECK(model.profiles[0].root.location().file->path().ends_with("a.json"));
    REQUIRE(model.notes.size() == 1);
    CHECK(model.notes[0].message.starts_with("user profile 'jdoe' is described again here"));
    CHECK(model.notes[0].location.file->path().ends_with("b.json"));
  }
}

TEST_CASE("resources after a merged duplicate keep their contents and links") {
  TempDir dir;
  // The describe output sorts before the list output, so the summary read last is dropped and
  // everything before it stays where it is.
  const Model model = load_files(dir, {{"a-domain.json", std::string(kDescribeDomain)},
                                       {"b-list.json", R"({"Domains": [{"DomainId": "d-abc123", "DomainName": "ml-platform"}]})"},
                                       {"c-jdoe.json", std::string(kDescribeProfile)}});
  REQUIRE(model.domains.size() == 1);
  CHECK(model.domains[0].link_key == "d-abc123");
  REQUIRE(model.profiles.size() == 1);
  CHECK(model.profiles[0].domain == &model.domains[0]);
  CHECK(model.notes.empty());
}

TEST_CASE("profiles and spaces of a domain that is not among the inputs are noted once per domain") {
  TempDir dir;
  const Model model = load_files(dir, {{"jdoe.json", std::string(kDescribeProfile)}, {"churn.json", std::string(kDescribeSpace)}});
  REQUIRE(model.notes.size() == 1);
  CHECK(model.notes[0].message ==
        "1 user profile and 1 space of domain d-abc123 are checked without the domain, which is not among the "
        "inputs; checks that need its settings are skipped");
}
