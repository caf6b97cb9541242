// Terraform plans and states (`terraform show -json`): which documents are read, how the
// provider's values become the API's, and how instances find their domain.
#include <doctest/doctest.h>

#include <string>

#include "sagelint/terraform_plan.hpp"
#include "test_support.hpp"

using namespace sagelint;
using sagelint::testing::LoadedDocument;
using sagelint::testing::TempDir;
using sagelint::testing::begin_of;
using sagelint::testing::findings_of;
using sagelint::testing::lint_files;
using sagelint::testing::load_files;

namespace {

// A plan whose root module holds `resources` (planned_values) and whose changes are
// `changes`, with `configuration` as given.
std::string plan_of(const std::string& resources, const std::string& changes = "",
                    const std::string& configuration = "{}") {
  return R"({
  "format_version": "1.2",
  "terraform_version": "1.9.8",
  "planned_values": {
    "root_module": {
      "resources": [)" +
         resources + R"(]
    }
  },
  "resource_changes": [)" +
         changes + R"(],
  "configuration": )" +
         configuration + "\n}\n";
}

// A resource of planned_values (or of a state's values).
std::string resource(const std::string& address, const std::string& type, const std::string& values,
                     const std::string& mode = "managed") {
  // The name is the last step of the address, without its instance key.
  const std::string base = address.ends_with(']') ? address.substr(0, address.rfind('[')) : address;
  const std::string name = base.substr(base.rfind('.') + 1);
  return R"(
        {
          "address": ")" +
         address + R"(",
          "mode": ")" +
         mode + R"(",
          "type": ")" +
         type + R"(",
          "name": ")" +
         name + R"(",
          "provider_name": "registry.terraform.io/hashicorp/aws",
          "values": )" +
         values + R"(
        })";
}

// A change of resource_changes: its after_unknown.
std::string change(const std::string& address, const std::string& after_unknown) {
  return R"(
    {"address": ")" +
         address + R"(", "mode": "managed", "change": {"actions": ["create"], "after_unknown": )" + after_unknown +
         "}}";
}

// The escaped form of a resource address with a string key, as JSON writes it.
std::string json_address(const std::string& address) {
  std::string out;
  for (char c : address) {
    if (c == '"') out += '\\';
    out += c;
  }
  return out;
}

// 1-based line and column of the first occurrence of `needle` in `text`.
Position position_of(const std::string& text, std::string_view needle) {
  const size_t at = text.find(needle);
  REQUIRE_MESSAGE(at != std::string::npos, "no " << needle);
  Position p{1, 1};
  for (size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else {
      ++p.column;
    }
  }
  return p;
}

// Where the value after the first occurrence of `prefix` ("\"domain_id\": ") begins.
Position position_after(const std::string& text, std::string_view prefix) {
  Position p = position_of(text, prefix);
  p.column += static_cast<uint32_t>(prefix.size());
  return p;
}

Position position_of(const Location& at) { return at.file->position(at.begin); }

const std::string kDomainValues = R"({
            "auth_mode": "SSO",
            "domain_name": "ml-platform",
            "default_user_settings": [
              {"default_landing_uri": "studio::", "execution_role": "arn:aws:iam::111122223333:role/ml"}
            ]
          })";

}  // namespace

TEST_CASE("plans and states are read, other JSON documents are not") {
  const std::string domain = resource("aws_sagemaker_domain.this", "aws_sagemaker_domain", kDomainValues);
  SUBCASE("a plan") {
    LoadedDocument plan(plan_of(domain));
    Model model;
    CHECK(read_terraform_plan(plan.tree(), model) == DocumentRead::read);
    REQUIRE(model.domains.size() == 1);
    CHECK(model.domains[0].name.string() == "ml-platform");
    CHECK(model.trees.size() == 1);  // the evaluated resources
  }
  SUBCASE("a state") {
    LoadedDocument state(R"({"format_version": "1.0", "terraform_version": "1.9.8",
      "values": {"root_module": {"resources": [)" + domain + "]}}}");
    Model model;
    CHECK(read_terraform_plan(state.tree(), model) == DocumentRead::read);
    CHECK(model.domains.size() == 1);
  }
  SUBCASE("a plan or state without SageMaker resources adds nothing") {
    LoadedDocument plan(plan_of(resource("aws_iam_role.ml", "aws_iam_role", R"({"name": "ml"})")));
    Model model;
    CHECK(read_terraform_plan(plan.tree(), model) == DocumentRead::no_sagemaker_resources);
    CHECK(model.domains.empty());
    CHECK(model.trees.empty());
    CHECK(model.notes.empty());
  }
  SUBCASE("other documents") {
    for (const char* text : {R"({"format_version": "1.0", "provider_schemas": {}})",
                             R"({"format_version": "1.0"})",
                             R"({"planned_values": {"root_module": {}}})",
                             R"({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}})",
                             R"({"DomainId": "d-abc", "DomainName": "ml-platform"})",
                             R"([{"format_version": "1.0", "values": {}}])"}) {
      CAPTURE(text);
      LoadedDocument document(text);
      Model model;
      CHECK(read_terraform_plan(document.tree(), model) == DocumentRead::not_recognised);
      CHECK(model.trees.empty());
    }
  }
  SUBCASE("a format of a later major version is noted, not guessed at") {
    LoadedDocument plan(R"({"format_version": "2.0", "planned_values": {}})");
    Model model;
    CHECK(read_terraform_plan(plan.tree(), model) == DocumentRead::read);
    CHECK(model.domains.empty());
    REQUIRE(model.notes.size() == 1);
    CHECK(model.notes[0].message ==
          "skipped: Terraform JSON format_version '2.0' is not one sagelint reads (0.x and 1.x)");
  }
  SUBCASE("load_inputs reads plans among other JSON files") {
    TempDir dir;
    const Model model = load_files(dir, {{"plan.json", plan_of(domain)}});
    CHECK(model.domains.size() == 1);
    CHECK(model.notes.empty());
    CHECK(model.load_failures.empty());
  }
}

TEST_CASE("blocks become objects, repeated blocks lists of objects, and null and [] are absent") {
  LoadedDocument plan(plan_of(resource("aws_sagemaker_domain.this", "aws_sagemaker_domain", R"({
            "arn": "arn:aws:sagemaker:eu-west-1:111122223333:domain/d-abc",
            "domain_name": "ml-platform",
            "kms_key_id": null,
            "retention_policy": [{"home_efs_file_system": "Delete"}],
            "subnet_ids": ["subnet-1", "subnet-2"],
            "default_user_settings": [{
              "custom_posix_user_config": [],
              "jupyter_server_app_settings": [{"code_repository": [
                {"repository_url": "https://example.com/a.git"},
                {"repository_url": "https://example.com/b.git"}]}],
              "kernel_gateway_app_settings": [{"custom_image": [], "lifecycle_config_arns": []}],
              "studio_web_portal_settings": [{"hidden_app_types": ["JupyterServer"]}]
            }]
          })")));
  Model model;
  REQUIRE(read_terraform_plan(plan.tree(), model) == DocumentRead::read);
  REQUIRE(model.domains.size() == 1);
  const Domain& domain = model.domains[0];
  const Value settings = domain.default_user_settings;
  CHECK(settings.is_object());
  CHECK(settings.get({"StudioWebPortalSettings", "HiddenAppTypes"}).contains_string("JupyterServer"));
  const Value repositories = settings.get({"JupyterServerAppSettings", "CodeRepositories"});
  REQUIRE(repositories.is_array());
  REQUIRE(repositories.elements().size() == 2);
  CHECK(repositories.elements()[1]["RepositoryUrl"].string() == "https://example.com/b.git");
  CHECK(settings["CustomPosixUserConfig"].is_absent());                           // []
  CHECK(settings.get({"KernelGatewayAppSettings", "CustomImages"}).is_absent());  // [] of a repeated block
  CHECK(settings.get({"KernelGatewayAppSettings", "LifecycleConfigArns"}).is_absent());  // [] of strings
  CHECK(domain.root["KmsKeyId"].is_absent());                                     // null
  CHECK(*domain.root["SubnetIds"].strings() == std::vector<std::string_view>{"subnet-1", "subnet-2"});
  // Names without an API member are left out: the tree holds the API's names only.
  const Tree& tree = *domain.root.tree();
  for (NodeId member : tree.children(domain.root.node())) {
    CAPTURE(tree.key(member));
    CHECK(std::isupper(static_cast<unsigned char>(tree.key(member)[0])));
  }
  CHECK(tree.member(domain.root.node(), "retention_policy") == kNoNode);
  CHECK(tree.member(domain.root.node(), "arn") == kNoNode);
  // Values keep the plan's spans, and their pointer is the address and the API path.
  const Location at = settings.get({"StudioWebPortalSettings", "HiddenAppTypes"}).location();
  CHECK(position_of(at) == position_of(std::string(plan.file.text()), R"("hidden_app_types")"));
  CHECK(at.tree->pointer(at.node) ==
        "/Resources/aws_sagemaker_domain.this/Properties/DefaultUserSettings/StudioWebPortalSettings/HiddenAppTypes");
  CHECK(domain.logical_id == "aws_sagemaker_domain.this");
}

TEST_CASE("what the provider does not send is absent, so a profile still inherits the domain's settings") {
  // A state reads "" back for settings the API leaves out, and [] for lists; the provider
  // sends neither, so the profile's own settings are only its execution role.
  const std::string profile = R"({
            "domain_id": "d-abc123",
            "user_profile_name": "jdoe",
            "single_sign_on_user_identifier": "UserName",
            "single_sign_on_user_value": "jdoe",
            "tags": {"CostCenter": "4711", "Owner": "jdoe", "Environment": "dev"},
            "user_settings": [{
              "auto_mount_home_efs": "",
              "default_landing_uri": "",
              "execution_role": "arn:aws:iam::111122223333:role/ml",
              "security_groups": [],
              "studio_web_portal": "",
              "studio_web_portal_settings": [{"hidden_app_types": [], "hidden_ml_tools": []}]
            }]
          })";
  const std::string domain = R"({
            "id": "d-abc123",
            "domain_name": "ml-platform",
            "auth_mode": "SSO",
            "app_network_access_type": "VpcOnly",
            "subnet_ids": ["subnet-0a1b2c3d"],
            "kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            "tag_propagation": "ENABLED",
            "tags": {"CostCenter": "4711", "Owner": "ml-platform", "Environment": "dev"},
            "default_user_settings": [{
              "auto_mount_home_efs": "Disabled",
              "execution_role": "arn:aws:iam::111122223333:role/ml-default",
              "default_landing_uri": "studio::",
              "security_groups": ["sg-0123456789abcdef0"],
              "studio_web_portal": "ENABLED",
              "studio_web_portal_settings": [{"hidden_app_types": ["JupyterServer", "RStudioServerPro", "CodeEditor"]}],
              "jupyter_lab_app_settings": [{"app_lifecycle_management": [{"idle_settings": [{
                "lifecycle_management": "ENABLED", "idle_timeout_in_minutes": 120}]}]}]
            }]
          })";
  const std::string state = R"({"format_version": "1.0", "terraform_version": "1.9.8", "values": {"root_module": {
    "resources": [)" + resource("aws_sagemaker_domain.this", "aws_sagemaker_domain", domain) +
                            "," + resource("aws_sagemaker_user_profile.jdoe", "aws_sagemaker_user_profile", profile) +
                            "]}}}";
  TempDir dir;
  const LintResult result = lint_files(dir, {{"terraform.tfstate.json", state}});
  REQUIRE(result.model.profiles.size() == 1);
  const UserProfile& jdoe = result.model.profiles[0];
  CHECK(jdoe.domain == &result.model.domains[0]);
  CHECK(jdoe.user_settings["ExecutionRole"].is_present());
  for (const char* member : {"AutoMountHomeEFS", "DefaultLandingUri", "SecurityGroups", "StudioWebPortal"}) {
    CAPTURE(member);
    CHECK(jdoe.user_settings[member].is_absent());
  }
  CHECK(jdoe.user_settings.get({"StudioWebPortalSettings", "HiddenAppTypes"}).is_absent());
  // The profile has nothing of its own to report; what it inherits is the domain's to report.
  for (const Finding& finding : result.findings) {
    if (finding.subject == &jdoe) CHECK_MESSAGE(false, finding.rule->id << ": " << finding.message);
  }
}

TEST_CASE("values the plan marks in after_unknown are unknown, where they would be written") {
  const std::string text = plan_of(resource("aws_sagemaker_domain.this", "aws_sagemaker_domain", R"({
            "domain_name": "ml-platform",
            "app_network_access_type": "PublicInternetOnly",
            "default_user_settings": [{
              "default_landing_uri": "app:JupyterServer:",
              "security_groups": ["sg-1", null],
              "sharing_settings": [{"notebook_output_option": "Allowed"}]
            }]
          })"),
                                   change("aws_sagemaker_domain.this", R"({
      "app_network_access_type": true,
      "default_user_settings": [{
        "execution_role": true,
        "security_groups": [false, true],
        "sharing_settings": [{}],
        "space_storage_settings": true
      }],
      "id": true,
      "url": true
    })"));
  TempDir dir;
  const std::vector<std::pair<std::string, std::string>> files{{"plan.json", text}};
  const LintResult result = lint_files(dir, files);
  REQUIRE(result.model.domains.size() == 1);
  const Domain& domain = result.model.domains[0];
  const Value settings = domain.default_user_settings;
  SUBCASE("missing from the values and marked: unknown at its after_unknown entry") {
    const Value role = settings["ExecutionRole"];
    CHECK(role.is_unknown());
    CHECK(position_of(role.location()) == position_after(text, R"("execution_role": )"));
    CHECK(settings["SpaceStorageSettings"].is_unknown());  // a whole block
    CHECK(domain.id.is_unknown());                           // a domain's id is its DomainId
  }
  SUBCASE("written in the values and marked: unknown at the value") {
    const Value access = domain.root["AppNetworkAccessType"];
    CHECK(access.is_unknown());
    CHECK(position_of(access.location()) == position_of(text, R"("PublicInternetOnly")"));
    const std::vector<Value> groups = settings["SecurityGroups"].elements();
    REQUIRE(groups.size() == 2);
    CHECK(groups[0].string() == "sg-1");
    CHECK(groups[1].is_unknown());
  }
  SUBCASE("rules do not report what is unknown, but say once that they cannot check it") {
    const auto network = findings_of(result, "SMD015");
    REQUIRE(network.size() == 1);
    CHECK(network[0]->level == Level::note);
    CHECK(network[0]->message.ends_with(" cannot be checked: AppNetworkAccessType is not known before deployment"));
    CHECK(findings_of(result, "SMD007").size() == 1);  // known, and reported
  }
  SUBCASE("a domain whose id is unknown is linked by its address") {
    CHECK(domain.link_key == "tfplan:" + result.model.files[0]->path() + "#aws_sagemaker_domain.this");
  }
}

TEST_CASE("tags and the provider's default tags are the resource's tags") {
  const std::string text = plan_of(resource("aws_sagemaker_domain.this", "aws_sagemaker_domain", R"({
            "domain_name": "ml-platform",
            "app_network_access_type": "PublicInternetOnly",
            "tags": {
              "Environment": "staging",
              "sagelint:justify:SMD015": "workshop domain without customer data expires=2026-12-31"
            },
            "tags_all": {
              "CostCenter": "4410",
              "Environment": "staging",
              "sagelint:justify:SMD015": "workshop domain without customer data expires=2026-12-31"
            }
          })"));
  TempDir dir;
  RunOptions options;
  options.as_of = Date{2026, 6, 1};
  const LintResult result = lint_files(dir, {{"plan.json", text}}, options);
  REQUIRE(result.model.domains.size() == 1);
  const Domain& domain = result.model.domains[0];
  CHECK(domain.tags_known);
  REQUIRE(domain.tags.size() == 3);
  CHECK(domain.tags[0].key == "Environment");
  CHECK(domain.tags[0].value == "staging");
  CHECK(position_of(domain.tags[0].node.location()) == position_of(text, R"("staging")"));
  CHECK(domain.tags[2].key == "CostCenter");  // from default_tags, through tags_all
  CHECK(domain.root["Tags"].is_absent());
  // The justification tag is read as for any other format.
  const auto smd015 = findings_of(result, "SMD015");
  REQUIRE(smd015.size() == 1);
  CHECK(smd015[0]->suppressed);

  SUBCASE("tags not known before apply") {
    LoadedDocument plan(plan_of(resource("aws_sagemaker_domain.this", "aws_sagemaker_domain",
                                         R"({"domain_name": "ml-platform", "tags": {"Team": "ml"}})"),
                                change("aws_sagemaker_domain.this", R"({"tags": {"Owner": true}, "tags_all": true})")));
    Model model;
    REQUIRE(read_terraform_plan(plan.tree(), model) == DocumentRead::read);
    CHECK_FALSE(model.domains[0].tags_known);
    REQUIRE(model.domains[0].tags.size() == 1);
    CHECK(model.domains[0].tags[0].key == "Team");
  }
}

TEST_CASE("resources of child modules keep their module's address") {
  const std::string domain =
      resource("module.studio.aws_sagemaker_domain.this", "aws_sagemaker_domain", kDomainValues);
  const std::string profile =
      resource("module.studio.module.users.aws_sagemaker_user_profile.this", "aws_sagemaker_user_profile",
               R"({"user_profile_name": "jdoe", "domain_id": "d-abc"})");
  LoadedDocument plan(R"({
  "format_version": "1.2",
  "planned_values": {"root_module": {"child_modules": [{
    "address": "module.studio",
    "resources": [)" + domain + R"(],
    "child_modules": [{"address": "module.studio.module.users", "resources": [)" + profile + R"(]}]
  }]}}
})");
  Model model;
  REQUIRE(read_terraform_plan(plan.tree(), model) == DocumentRead::read);
  REQUIRE(model.domains.size() == 1);
  CHECK(model.domains[0].logical_id == "module.studio.aws_sagemaker_domain.this");
  REQUIRE(model.profiles.size() == 1);
  CHECK(model.profiles[0].logical_id == "module.studio.module.users.aws_sagemaker_user_profile.this");
  CHECK(model.profiles[0].domain_link == "d-abc");  // a known domain_id is the link
}

TEST_CASE("data sources and resources of other types or providers are not read") {
  LoadedDocument plan(plan_of(
      resource("data.aws_sagemaker_domain.existing", "aws_sagemaker_domain", kDomainValues, "data") + "," +
      resource("awscc_sagemaker_domain.this", "awscc_sagemaker_domain", kDomainValues) + "," +
      resource("aws_sagemaker_studio_lifecycle_config.this", "aws_sagemaker_studio_lifecycle_config", "{}")));
  Model model;
  CHECK(read_terraform_plan(plan.tree(), model) == DocumentRead::no_sagemaker_resources);
  CHECK(model.domains.empty());
  CHECK(model.trees.empty());
}

TEST_CASE("count and for_each instances link to their domain through the configuration") {
  // Profiles whose domain_id is not known before apply; the configuration says which domain.
  const auto profile = [](const std::string& address, const std::string& name) {
    return resource(json_address(address), "aws_sagemaker_user_profile",
                    R"({"user_profile_name": ")" + name + R"(", "single_sign_on_user_identifier": "UserName"})");
  };
  const auto unknown_domain_id = [](const std::string& address) {
    return change(json_address(address), R"({"domain_id": true, "id": true})");
  };
  const auto configuration = [](const std::string& domain_id_references) {
    return R"({"root_module": {"resources": [
      {"address": "aws_sagemaker_user_profile.user", "mode": "managed", "type": "aws_sagemaker_user_profile",
       "name": "user", "expressions": {"domain_id": {"references": [)" +
           domain_id_references + R"(]}}}]}})";
  };
  const std::string jdoe = R"(aws_sagemaker_user_profile.user["jdoe"])";
  const std::string asmith = R"(aws_sagemaker_user_profile.user["asmith"])";

  SUBCASE("a domain created in the same plan, by its address") {
    const std::string text = plan_of(
        resource("aws_sagemaker_domain.this", "aws_sagemaker_domain", kDomainValues) + "," + profile(jdoe, "jdoe") +
            "," + profile(asmith, "asmith"),
        change("aws_sagemaker_domain.this", R"({"id": true})") + "," + unknown_domain_id(jdoe) + "," +
            unknown_domain_id(asmith),
        configuration(R"("aws_sagemaker_domain.this.id", "aws_sagemaker_domain.this")"));
    TempDir dir;
    const LintResult result = lint_files(dir, {{"plan.json", text}});
    const Model& model = result.model;
    REQUIRE(model.profiles.size() == 2);
    for (const UserProfile& p : model.profiles) {
      CAPTURE(p.logical_id);
      CHECK(p.domain == &model.domains[0]);
      CHECK(p.domain_id.is_unknown());
    }
    CHECK(model.profiles[0].logical_id == jdoe);
    CHECK(model.notes.empty());
    // Linked, the profiles are checked against their SSO domain.
    CHECK(findings_of(result, "SMD001").size() == 2);
  }
  SUBCASE("an instance of a domain with count, by its index") {
    const std::string text = plan_of(
        resource("aws_sagemaker_domain.this[0]", "aws_sagemaker_domain", kDomainValues) + "," +
            resource("aws_sagemaker_domain.this[1]", "aws_sagemaker_domain",
                     R"({"domain_name": "ml-research", "auth_mode": "IAM"})") +
            "," + profile(jdoe, "jdoe"),
        unknown_domain_id(jdoe),
        configuration(
            R"("aws_sagemaker_domain.this[1].id", "aws_sagemaker_domain.this[1]", "aws_sagemaker_domain.this")"));
    TempDir dir;
    const Model model = load_files(dir, {{"plan.json", text}});
    REQUIRE(model.profiles.size() == 1);
    REQUIRE(model.profiles[0].domain != nullptr);
    CHECK(model.profiles[0].domain->name.string() == "ml-research");
  }
  SUBCASE("an existing domain, whose id is known") {
    const std::string text = plan_of(
        resource("aws_sagemaker_domain.this", "aws_sagemaker_domain",
                 R"({"id": "d-abc123", "domain_name": "ml-platform", "auth_mode": "SSO"})") +
            "," + profile(jdoe, "jdoe"),
        unknown_domain_id(jdoe), configuration(R"("aws_sagemaker_domain.this.id", "aws_sagemaker_domain.this")"));
    TempDir dir;
    const Model model = load_files(dir, {{"plan.json", text}});
    CHECK(model.domains[0].link_key == "d-abc123");
    CHECK(model.profiles[0].domain == &model.domains[0]);
  }
  SUBCASE("no domain of this plan, or not one instance: noted at the domain_id") {
    const std::string domains =
        resource(json_address(R"(aws_sagemaker_domain.this["a"])"), "aws_sagemaker_domain", kDomainValues) + "," +
        resource(json_address(R"(aws_sagemaker_domain.this["b"])"), "aws_sagemaker_domain", kDomainValues) + ",";
    for (const std::string references : {R"("aws_sagemaker_domain.this", "each.key")",  // this[each.key]
                                   R"("var.domain_id")", R"("module.studio.domain_id", "module.studio")",
                                   R"("aws_sagemaker_domain.other.id", "aws_sagemaker_domain.other")"}) {
      CAPTURE(references);
      const std::string text = plan_of(domains + profile(jdoe, "jdoe"), unknown_domain_id(jdoe),
                                       configuration(references));
      TempDir dir;
      const Model model = load_files(dir, {{"plan.json", text}});
      REQUIRE(model.profiles.size() == 1);
      CHECK(model.profiles[0].domain == nullptr);
      REQUIRE(model.notes.size() == 1);
      CHECK(model.notes[0].message ==
            "the domain of user profile 'jdoe' is not known before deployment (its domain_id names no domain of this "
            "plan); checks that need the domain's settings are skipped");
      CHECK(position_of(model.notes[0].location) == position_after(text, R"("domain_id": )"));
    }
  }
}

TEST_CASE("instances of a module called with for_each link within their own module instance") {
  const auto module = [](const std::string& key, const std::string& domain_name) {
    const std::string address = R"(module.team[\")" + key + R"(\"])";
    return R"({"address": ")" + address + R"(", "resources": [)" +
           resource(address + ".aws_sagemaker_domain.this", "aws_sagemaker_domain",
                    R"({"domain_name": ")" + domain_name + R"(", "auth_mode": "SSO"})") +
           "," +
           resource(address + ".aws_sagemaker_user_profile.lead", "aws_sagemaker_user_profile",
                    R"({"user_profile_name": "lead"})") +
           "]}";
  };
  const auto unknown = [](const std::string& key) {
    const std::string address = R"(module.team[\")" + key + R"(\"])";
    return change(address + ".aws_sagemaker_domain.this", R"({"id": true})") + "," +
           change(address + ".aws_sagemaker_user_profile.lead", R"({"domain_id": true})");
  };
  LoadedDocument plan(R"({
  "format_version": "1.2",
  "planned_values": {"root_module": {"child_modules": [)" +
                      module("vision", "ml-vision") + "," + module("speech", "ml-speech") + R"(]}},
  "resource_changes": [)" + unknown("vision") + "," + unknown("speech") + R"(],
  "configuration": {"root_module": {"module_calls": {"team": {"module": {"resources": [
    {"address": "aws_sagemaker_user_profile.lead", "mode": "managed", "type": "aws_sagemaker_user_profile",
     "name": "lead", "expressions": {"domain_id": {"references": [
       "aws_sagemaker_domain.this.id", "aws_sagemaker_domain.this"]}}}
  ]}}}}}
})");
  Model model;
  REQUIRE(read_terraform_plan(plan.tree(), model) == DocumentRead::read);
  model.link();
  REQUIRE(model.profiles.size() == 2);
  REQUIRE(model.profiles[0].domain != nullptr);
  CHECK(model.profiles[0].domain->name.string() == "ml-vision");
  REQUIRE(model.profiles[1].domain != nullptr);
  CHECK(model.profiles[1].domain->name.string() == "ml-speech");
}

TEST_CASE("a finding in a plan points at the line of the value in the plan") {
  const std::string text = plan_of(resource("module.studio.aws_sagemaker_domain.this", "aws_sagemaker_domain", R"({
            "domain_name": "ml-platform",
            "default_user_settings": [
              {
                "default_landing_uri": "app:JupyterServer:",
                "studio_web_portal": "ENABLED"
              }
            ]
          })"));
  TempDir dir;
  const LintResult result = lint_files(dir, {{"plan.json", text}});
  const auto smd007 = findings_of(result, "SMD007");
  REQUIRE(smd007.size() == 1);
  CHECK(begin_of(*smd007[0]) == position_of(text, R"("app:JupyterServer:")"));
  CHECK(smd007[0]->message == "domain 'ml-platform' lands in Studio Classic (DefaultLandingUri is "
                              "'app:JupyterServer:'); expected 'studio::'");
}
