// Effective user settings: a profile's UserSettings over its domain's DefaultUserSettings.
#include <doctest/doctest.h>

#include "sagelint/effective.hpp"
#include "test_support.hpp"

using namespace sagelint;
using namespace sagelint::testing;

namespace {

constexpr std::string_view kOrg = R"({
  "Domains": [{
    "DomainId": "d-1",
    "DomainName": "ml-platform",
    "AuthMode": "IAM",
    "DefaultUserSettings": {
      "ExecutionRole": "arn:aws:iam::111122223333:role/domain-default",
      "SecurityGroups": ["sg-domain1", "sg-domain2"],
      "DefaultLandingUri": "studio::",
      "AutoMountHomeEFS": "Disabled",
      "StudioWebPortalSettings": {"HiddenAppTypes": ["JupyterServer"], "HiddenMlTools": ["Comet"]}
    }
  }],
  "UserProfiles": [
    {"DomainId": "d-1", "UserProfileName": "overrides", "UserSettings": {
      "ExecutionRole": "arn:aws:iam::111122223333:role/own",
      "SecurityGroups": ["sg-own"],
      "AutoMountHomeEFS": "Enabled",
      "StudioWebPortalSettings": {"HiddenMlTools": ["Fiddler"]}
    }},
    {"DomainId": "d-1", "UserProfileName": "inherits", "UserSettings": {"AutoMountHomeEFS": "DefaultAsDomain"}},
    {"DomainId": "d-1", "UserProfileName": "bare", "UserProfileArn": "arn:aws:sagemaker:eu-west-1:1:user-profile/d-1/bare"},
    {"DomainId": "d-other", "UserProfileName": "orphan", "UserSettings": {"DefaultLandingUri": "studio::"}},
    {"DomainId": "d-1", "UserProfileName": "listed", "Status": "InService"}
  ]
})";

const UserProfile& profile_named(const Model& model, std::string_view name) {
  for (const UserProfile& profile : model.profiles) {
    if (profile.display_name() == name) return profile;
  }
  FAIL("no profile " << name);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("a profile's own value takes precedence over the domain default") {
  TempDir dir;
  const Model model = load_files(dir, {{"org.json", std::string(kOrg)}});
  const UserProfile& profile = profile_named(model, "overrides");
  const auto settings = EffectiveSettings::of_profile(profile);
  const Setting role = settings.get({"ExecutionRole"});
  CHECK(role.value.string() == "arn:aws:iam::111122223333:role/own");
  CHECK(role.origin == &profile);
}

TEST_CASE("a profile without its own value gets the domain's, and remembers where it was written") {
  TempDir dir;
  const Model model = load_files(dir, {{"org.json", std::string(kOrg)}});
  const UserProfile& profile = profile_named(model, "inherits");
  const auto settings = EffectiveSettings::of_profile(profile);
  const Setting landing = settings.get({"DefaultLandingUri"});
  CHECK(landing.value.string() == "studio::");
  CHECK(landing.origin == profile.domain);
  const Position at = landing.value.location().file->position(landing.value.location().begin);
  CHECK(at.line == 9);
  CHECK(at.column == 28);
}

TEST_CASE("settings resolve member by member, so a partial override keeps the other inherited members") {
  TempDir dir;
  const Model model = load_files(dir, {{"org.json", std::string(kOrg)}});
  const auto settings = EffectiveSettings::of_profile(profile_named(model, "overrides"));
  const Setting tools = settings.get({"StudioWebPortalSettings", "HiddenMlTools"});
  CHECK(tools.value.strings() == std::vector<std::string_view>{"Fiddler"});
  CHECK(tools.origin == &settings.owner());
  const Setting apps = settings.get({"StudioWebPortalSettings", "HiddenAppTypes"});
  CHECK(apps.value.strings() == std::vector<std::string_view>{"JupyterServer"});
  CHECK(apps.origin == settings.domain());
}

TEST_CASE("security groups are aggregated across profile and domain") {
  TempDir dir;
  const Model model = load_files(dir, {{"org.json", std::string(kOrg)}});
  const auto own = EffectiveSettings::of_profile(profile_named(model, "overrides")).security_groups();
  REQUIRE(own.size() == 3);
  CHECK(own[0].value.string() == "sg-own");
  CHECK(own[1].value.string() == "sg-domain1");
  CHECK(own[2].origin == &model.domains[0]);
  CHECK(EffectiveSettings::of_profile(profile_named(model, "bare")).security_groups().size() == 2);
  CHECK(EffectiveSettings::of_domain(model.domains[0]).security_groups().size() == 2);
}

TEST_CASE("AutoMountHomeEFS DefaultAsDomain, or no value, resolves to the domain's value") {
  TempDir dir;
  const Model model = load_files(dir, {{"org.json", std::string(kOrg)}});
  SUBCASE("DefaultAsDomain") {
    const Setting mount = EffectiveSettings::of_profile(profile_named(model, "inherits")).auto_mount_home_efs();
    CHECK(mount.value.string() == "Disabled");
    CHECK(mount.origin == &model.domains[0]);
  }
  SUBCASE("not set") {
    const Setting mount = EffectiveSettings::of_profile(profile_named(model, "bare")).auto_mount_home_efs();
    CHECK(mount.value.string() == "Disabled");
  }
  SUBCASE("the profile's own value") {
    const UserProfile& profile = profile_named(model, "overrides");
    const Setting mount = EffectiveSettings::of_profile(profile).auto_mount_home_efs();
    CHECK(mount.value.string() == "Enabled");
    CHECK(mount.origin == &profile);
  }
}

TEST_CASE("a value set nowhere is absent and points where it belongs") {
  TempDir dir;
  const Model model = load_files(dir, {{"org.json", std::string(kOrg)}});
  SUBCASE("in the profile's UserSettings") {
    const Setting portal = EffectiveSettings::of_profile(profile_named(model, "inherits")).get({"StudioWebPortal"});
    CHECK(portal.value.is_absent());
    CHECK(portal.origin == nullptr);
    CHECK(portal.value.location().tree->key(portal.value.location().node) == "UserSettings");
  }
  SUBCASE("on the domain") {
    const Setting portal = EffectiveSettings::of_domain(model.domains[0]).get({"StudioWebPortal"});
    CHECK(portal.value.is_absent());
    CHECK(portal.value.location().tree->key(portal.value.location().node) == "DefaultUserSettings");
  }
}

TEST_CASE("what a profile inherits from a domain that is not among the inputs is unknown") {
  TempDir dir;
  const Model model = load_files(dir, {{"org.json", std::string(kOrg)}});
  const auto settings = EffectiveSettings::of_profile(profile_named(model, "orphan"));
  CHECK(settings.get({"DefaultLandingUri"}).value.string() == "studio::");
  CHECK(settings.get({"StudioWebPortal"}).value.is_unknown());
  CHECK(settings.auto_mount_home_efs().value.is_unknown());
}

TEST_CASE("a list-user-profiles summary has unknown settings even where the domain has defaults") {
  TempDir dir;
  const Model model = load_files(dir, {{"org.json", std::string(kOrg)}});
  const auto settings = EffectiveSettings::of_profile(profile_named(model, "listed"));
  CHECK(settings.get({"ExecutionRole"}).value.is_unknown());
  CHECK(settings.get({"DefaultLandingUri"}).value.is_unknown());
}
