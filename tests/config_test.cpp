// .sagelint.json: every key read into the settings, and every mistake reported with its
// line and column.
#include <doctest/doctest.h>

#include "sagelint/catalog.hpp"
#include "sagelint/config.hpp"
#include "test_support.hpp"

using namespace sagelint;
using namespace sagelint::testing;

namespace {

ConfigLoad parse(std::string text) { return parse_config("c.json", std::move(text), all_rules()); }

// The single error of a configuration that should have exactly one.
std::string only_error(std::string text) {
  const ConfigLoad load = parse(std::move(text));
  CHECK_FALSE(load.config.has_value());
  REQUIRE(load.errors.size() == 1);
  return load.errors[0];
}

}  // namespace

TEST_CASE("an empty configuration gives the catalog's defaults") {
  const ConfigLoad load = parse("{}");
  REQUIRE(load.config.has_value());
  const Settings& settings = load.config->settings;
  CHECK(settings.idle_max_minutes == 240);
  CHECK(settings.ebs_max_gb == 100);
  CHECK(settings.identity_tag_key == "studiouserid");
  CHECK(settings.required_tag_keys == std::vector<std::string>{"CostCenter", "Owner", "Environment"});
  CHECK(settings.is_generic_name("ds-team-shared"));
  CHECK(settings.is_generic_name("Default-20250605T020811"));
  CHECK_FALSE(settings.is_generic_name("jdoe"));
  CHECK(settings.env.fallback == Environment::unspecified);
  CHECK(load.config->select.empty());
  CHECK(load.config->levels.empty());
}

TEST_CASE("every documented key is read") {
  const ConfigLoad load = parse(R"({
    "$schema": "https://example.com/sagelint.schema.json",
    "select": ["SMD0"],
    "ignore": ["SMD003", "profile-name-not-generic"],
    "levels": {"SMD015": "error", "SMD01": "note", "SMD009": "off"},
    "env": {"tag_keys": ["Stage"], "production_values": ["live"], "production_domain_names": ["-prod$"],
            "production_accounts": ["111122223333"], "default": "nonprod"},
    "generic_name_patterns": ["^svc-"],
    "idle_max_minutes": 120,
    "unused_tools": ["Comet"],
    "allowed_tools": ["Fiddler"],
    "unused_app_types": ["Canvas"],
    "rstudio_licensed": true,
    "licensed_rstudio_users": ["jdoe"],
    "approved_instance_types": ["ml.t3.*"],
    "denied_instance_types": ["ml.p5*"],
    "required_tag_keys": ["Team"],
    "shared_space_tag_keys": ["Project"],
    "identity_tag_key": "person",
    "ebs_max_gb": 50,
    "default_vpc_ids": ["vpc-0a1b2c3d"],
    "trusted_accounts": ["444455556666"],
    "enforce_fixed_idle": true
  })");
  for (const std::string& error : load.errors) CAPTURE(error);
  REQUIRE(load.config.has_value());
  const Config& config = *load.config;
  const Settings& settings = config.settings;
  CHECK(config.select == std::vector<std::string>{"SMD0"});
  CHECK(config.ignore == std::vector<std::string>{"SMD003", "profile-name-not-generic", "SMD009"});
  // A prefix sets the level of every rule it names; a later, narrower entry still wins
  // because it is read later.
  CHECK(config.levels.at("SMD015") == Level::note);
  CHECK(config.levels.at("SMD010") == Level::note);
  CHECK(settings.env.tag_keys == std::vector<std::string>{"Stage"});
  CHECK(settings.env.production_values == std::vector<std::string>{"live"});
  REQUIRE(settings.env.production_domain_names.size() == 1);
  CHECK(settings.env.production_domain_names[0].matches("ml-PROD"));
  CHECK(settings.env.production_accounts == std::vector<std::string>{"111122223333"});
  CHECK(settings.env.fallback == Environment::nonproduction);
  CHECK(settings.is_generic_name("svc-batch"));
  CHECK_FALSE(settings.is_generic_name("shared"));  // the list replaces the default
  CHECK(settings.idle_max_minutes == 120);
  CHECK(settings.unused_tools == std::vector<std::string>{"Comet"});
  CHECK(settings.allowed_tools == std::vector<std::string>{"Fiddler"});
  CHECK(settings.unused_app_types == std::vector<std::string>{"Canvas"});
  CHECK(settings.rstudio_licensed == true);
  CHECK(settings.licensed_rstudio_users == std::vector<std::string>{"jdoe"});
  CHECK(settings.approved_instance_types == std::vector<std::string>{"ml.t3.*"});
  CHECK(settings.denied_instance_types == std::vector<std::string>{"ml.p5*"});
  CHECK(settings.required_tag_keys == std::vector<std::string>{"Team"});
  CHECK(settings.shared_space_tag_keys == std::vector<std::string>{"Project"});
  CHECK(settings.identity_tag_key == "person");
  CHECK(settings.ebs_max_gb == 50);
  CHECK(settings.default_vpc_ids == std::vector<std::string>{"vpc-0a1b2c3d"});
  CHECK(settings.trusted_accounts == std::vector<std::string>{"444455556666"});
  CHECK(settings.enforce_fixed_idle);
}

TEST_CASE("every key the documentation lists is one the loader reads") {
  for (const SettingInfo& info : setting_infos()) {
    CAPTURE(info.key);
    const ConfigLoad load = parse("{\"" + std::string(info.key) + "\": 0}");
    // A wrong type, never an unknown key.
    REQUIRE(load.errors.size() == 1);
    CHECK(load.errors[0].find("unknown key") == std::string::npos);
  }
}

TEST_CASE("mistakes are errors with their line and column") {
  CHECK(only_error("{\n  \"idle_max_minute\": 120\n}") ==
        "c.json:2:3: unknown key 'idle_max_minute'; did you mean 'idle_max_minutes'?");
  CHECK(only_error("{\n  \"colour\": 1\n}").starts_with("c.json:2:3: unknown key 'colour'; the keys are select, "));
  CHECK(only_error("{\"idle_max_minutes\": \"120\"}") == "c.json:1:22: idle_max_minutes must be a whole number from 60 "
                                                           "to 525600");
  CHECK(only_error("{\"idle_max_minutes\": 30}") == "c.json:1:22: idle_max_minutes must be a whole number from 60 to "
                                                       "525600");
  CHECK(only_error("{\"ebs_max_gb\": 10.5}") == "c.json:1:16: ebs_max_gb must be a whole number from 5 to 16384");
  CHECK(only_error("{\"required_tag_keys\": \"Owner\"}") ==
        "c.json:1:23: required_tag_keys must be a list of strings, not a string");
  CHECK(only_error("{\"required_tag_keys\": [\"Owner\", 3]}") == "c.json:1:33: /required_tag_keys/1 must be a string, "
                                                                   "not a number");
  CHECK(only_error("{\"required_tag_keys\": [\" \"]}") ==
        "c.json:1:24: an empty string here means nothing; remove it");
  CHECK(only_error("{\"enforce_fixed_idle\": \"yes\"}") ==
        "c.json:1:24: enforce_fixed_idle must be true or false, not a string");
  CHECK(only_error("{\"trusted_accounts\": [\"1111\"]}") ==
        "c.json:1:23: an AWS account id has 12 digits, not '1111'");
  CHECK(only_error("{\"generic_name_patterns\": [\"(unclosed\"]}")
            .starts_with("c.json:1:28: not a valid regular expression: "));
  CHECK(only_error("{\"select\": [\"SMD999\"]}") == "c.json:1:13: no rule matches 'SMD999'; sagelint rules lists them");
  CHECK(only_error("{\"levels\": {\"SMD015\": \"fatal\"}}") ==
        "c.json:1:23: a level must be error, warning, note or off, not 'fatal'");
  CHECK(only_error("{\"levels\": {\"XYZ\": \"error\"}}") == "c.json:1:13: no rule matches 'XYZ'; sagelint rules lists them");
  CHECK(only_error("{\"env\": {\"default\": \"staging\"}}") ==
        "c.json:1:21: env.default must be 'prod' or 'nonprod', not 'staging'");
  CHECK(only_error("{\"env\": {\"prod\": []}}").starts_with("c.json:1:10: unknown key 'prod' in env; the keys are "));
  CHECK(only_error("[]") == "c.json:1:1: the configuration must be a JSON object");
  CHECK(only_error("{\"select\": [\"SMD0\"],}").starts_with("c.json:1:20: "));  // not JSON
  CHECK(only_error("{\"ebs_max_gb\": 50, \"ebs_max_gb\": 60}") ==
        "c.json:1:20: duplicate key; each key may appear once");
}

TEST_CASE("every mistake is reported, not only the first") {
  const ConfigLoad load = parse(R"({"idle_max_minutes": 1, "ebs_max_gb": 1, "nope": 1})");
  CHECK_FALSE(load.config.has_value());
  CHECK(load.errors.size() == 3);
}

TEST_CASE("the configuration is found in the directory or the nearest one above") {
  TempDir dir;
  CHECK_FALSE(find_config(dir.path()).has_value());
  dir.write("repo/.sagelint.json", "{}");
  dir.write("repo/infra/stacks/a.json", "{}");
  const auto found = find_config(dir.path() / "repo/infra/stacks");
  REQUIRE(found.has_value());
  CHECK(*found == dir.path() / "repo/.sagelint.json");
  CHECK(find_config(dir.path() / "repo") == found);
}

TEST_CASE("the environment policy decides production by tag, domain name, account and default") {
  TempDir dir;
  const auto lint_domain = [&](const std::string& domain, const Settings& settings) {
    RunOptions options;
    options.settings = settings;
    return lint_files(dir, {{"d.json", domain}}, options);
  };
  const auto level_of_smd015 = [&](const LintResult& result) {
    const auto findings = findings_of(result, "SMD015");
    REQUIRE(findings.size() == 1);
    return findings[0]->level;
  };
  const std::string by_name = R"({"DomainId": "d-1", "DomainName": "ml-prod", "AuthMode": "SSO"})";
  const std::string by_account = R"({"DomainId": "d-1", "DomainName": "ml", "AuthMode": "SSO",
    "DomainArn": "arn:aws:sagemaker:eu-west-1:111122223333:domain/d-1"})";
  Settings settings = Settings::defaults();
  CHECK(level_of_smd015(lint_domain(by_name, settings)) == Level::warning);
  settings.env.production_domain_names.push_back(*NamePattern::compile("-prod$", nullptr));
  CHECK(level_of_smd015(lint_domain(by_name, settings)) == Level::error);
  CHECK(level_of_smd015(lint_domain(by_account, settings)) == Level::warning);
  settings.env.production_accounts = {"111122223333"};
  CHECK(level_of_smd015(lint_domain(by_account, settings)) == Level::error);
  settings = Settings::defaults();
  settings.env.fallback = Environment::production;
  CHECK(level_of_smd015(lint_domain(by_account, settings)) == Level::error);
}

TEST_CASE("globs match instance types without regard to case") {
  CHECK(glob_matches("ml.p4d.*", "ml.p4d.24xlarge"));
  CHECK(glob_matches("*.48xlarge", "ML.G5.48XLARGE"));
  CHECK(glob_matches("ml.p5*", "ml.p5.48xlarge"));
  CHECK_FALSE(glob_matches("ml.p5*", "ml.p4d.24xlarge"));
  CHECK(glob_matches("*", ""));
  CHECK_FALSE(glob_matches("ml.t3.medium", "ml.t3.mediumx"));
  CHECK(glob_matches("a*b*c", "axxbyyc"));
  CHECK_FALSE(glob_matches("a*b*c", "axxbyy"));
}
