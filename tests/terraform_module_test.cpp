// Terraform modules: how .tf files become the model, and how far expressions are evaluated.
#include <doctest/doctest.h>

#include <string>

#include "test_support.hpp"

using namespace sagelint;
using sagelint::testing::TempDir;
using sagelint::testing::load_files;

namespace {

// A module with one domain whose default_landing_uri is `expression`, after `declarations`.
std::string landing_module(const std::string& expression, const std::string& declarations) {
  return declarations +
         "\nresource \"aws_sagemaker_domain\" \"studio\" {\n"
         "  domain_name = \"ml-platform\"\n"
         "  auth_mode   = \"IAM\"\n"
         "  default_user_settings {\n"
         "    execution_role      = aws_iam_role.studio.arn\n"
         "    default_landing_uri = " + expression + "\n"
         "  }\n"
         "}\n";
}

const std::string kDeclarations = R"(
variable "stage" {
  type    = string
  default = "dev"
}
variable "no_default" {
  type = string
}
variable "settings" {
  default = {
    landing = "studio::"
    uris    = ["app:JupyterServer:", "studio::"]
  }
}
locals {
  studio  = "studio::"
  chained = local.studio
  loop_a  = local.loop_b
  loop_b  = local.loop_a
  prefix  = "app"
}
)";

// The evaluated DefaultLandingUri of the only domain: its text, "<unknown>" or "<absent>".
std::string evaluated_landing(const std::string& expression) {
  TempDir dir;
  const Model model = load_files(dir, {{"main.tf", landing_module(expression, kDeclarations)}});
  REQUIRE_MESSAGE(model.load_failures.empty(), model.load_failures[0].message);
  REQUIRE(model.domains.size() == 1);
  const Value value = model.domains[0].default_user_settings["DefaultLandingUri"];
  if (value.is_unknown()) return "<unknown>";
  if (value.is_absent()) return "<absent>";
  if (const auto number = value.number()) return "<number " + std::to_string(static_cast<long>(*number)) + ">";
  if (value.kind() == NodeKind::boolean) return "<boolean>";
  REQUIRE(value.string());
  return std::string(*value.string());
}

}  // namespace

TEST_CASE("terraform variables resolve to their defaults and locals to their values") {
  CHECK(evaluated_landing("var.stage") == "dev");
  CHECK(evaluated_landing("var.no_default") == "<unknown>");
  CHECK(evaluated_landing("var.missing") == "<unknown>");
  CHECK(evaluated_landing("var.settings.landing") == "studio::");
  CHECK(evaluated_landing("var.settings.uris[1]") == "studio::");
  CHECK(evaluated_landing("var.settings[\"landing\"]") == "studio::");
  CHECK(evaluated_landing("local.chained") == "studio::");
  CHECK(evaluated_landing("local.loop_a") == "<unknown>");  // a cycle is an error for Terraform
  CHECK(evaluated_landing("null") == "<absent>");
}

TEST_CASE("terraform templates, operators, conditionals and functions of known values are known") {
  CHECK(evaluated_landing("\"${local.prefix}:JupyterServer:\"") == "app:JupyterServer:");
  CHECK(evaluated_landing("\"${var.no_default}:JupyterServer:\"") == "<unknown>");
  CHECK(evaluated_landing("\"%{if var.stage == \"dev\"}x%{endif}\"") == "<unknown>");
  CHECK(evaluated_landing("var.stage == \"prod\" ? \"studio::\" : \"app:JupyterServer:\"") == "app:JupyterServer:");
  CHECK(evaluated_landing("var.no_default == \"prod\" ? \"studio::\" : \"studio::\"") == "studio::");
  CHECK(evaluated_landing("var.no_default == \"prod\" ? \"studio::\" : local.prefix") == "<unknown>");
  CHECK(evaluated_landing("!(var.stage == \"dev\") && true") == "<boolean>");
  CHECK(evaluated_landing("2 * 3 + 1") == "<number 7>");
  CHECK(evaluated_landing("join(\":\", [\"studio\", \"\"], [\"\"])") == "studio::");
  CHECK(evaluated_landing("lower(\"STUDIO::\")") == "studio::");
  CHECK(evaluated_landing("upper(local.prefix)") == "APP");
  CHECK(evaluated_landing("concat([\"a\"], [\"b\"])[1]") == "b");
  CHECK(evaluated_landing("format(\"%s::\", \"studio\")") == "<unknown>");  // not evaluated
  CHECK(evaluated_landing("aws_sagemaker_domain.other.url") == "<unknown>");
  CHECK(evaluated_landing("data.aws_ssm_parameter.landing.value") == "<unknown>");
  CHECK(evaluated_landing("[for s in [\"a\"] : s][0]") == "<unknown>");
}

TEST_CASE("terraform blocks become API members, repeated blocks arrays, dynamic blocks unknown") {
  TempDir dir;
  const Model model = load_files(dir, {{"main.tf", R"(
resource "aws_sagemaker_domain" "studio" {
  domain_name = "ml-platform"
  auth_mode   = "IAM"
  count       = 1

  default_user_settings {
    execution_role  = "arn:aws:iam::111122223333:role/studio"
    security_groups = ["sg-1", "sg-2"]

    code_editor_app_settings {
      custom_image {
        image_name = "a"
      }
      custom_image {
        image_name = "b"
      }
    }

    dynamic "jupyter_lab_app_settings" {
      for_each = var.lab == null ? [] : [var.lab]
      content {
        default_resource_spec {
          instance_type = jupyter_lab_app_settings.value
        }
      }
    }
  }

  retention_policy {
    home_efs_file_system = "Delete"
  }

  lifecycle {
    ignore_changes = [tags]
  }

  tags = {
    team                      = "ml"
    "sagelint:justify:SMD015" = "workshop domain, no customer data"
    owner                     = var.owner
  }
}
)"}});
  REQUIRE(model.domains.size() == 1);
  const Domain& domain = model.domains[0];
  const Value settings = domain.default_user_settings;
  CHECK(settings["SecurityGroups"].strings() == std::vector<std::string_view>{"sg-1", "sg-2"});
  const Value images = settings.get({"CodeEditorAppSettings", "CustomImages"});
  REQUIRE(images.is_array());
  REQUIRE(images.elements().size() == 2);
  CHECK(images.elements()[1]["ImageName"].string() == "b");
  CHECK(settings["JupyterLabAppSettings"].is_unknown());
  CHECK(domain.root.get({"retention_policy", "home_efs_file_system"}).string() == "Delete");  // Terraform only
  CHECK(domain.root["count"].is_absent());
  CHECK(domain.root["lifecycle"].is_absent());
  REQUIRE(domain.tags.size() == 3);
  CHECK(domain.tags[1].key == "sagelint:justify:SMD015");
  CHECK(domain.tags[1].value == "workshop domain, no customer data");
  CHECK(domain.tags[2].value.empty());  // not known before deployment
  // Findings point at the Terraform source, and the logical location names the API path.
  const Location at = settings["SecurityGroups"].location();
  CHECK(at.file->position(at.begin).line == 9);
  CHECK(at.tree->pointer(at.node) ==
        "/Resources/aws_sagemaker_domain.studio/Properties/DefaultUserSettings/SecurityGroups");
}

TEST_CASE("terraform profiles and spaces link to a domain of their module, across its files") {
  TempDir dir;
  const Model model = load_files(dir, {{"module/domain.tf", R"(
resource "aws_sagemaker_domain" "this" {
  count       = var.create ? 1 : 0
  domain_name = "ml-platform"
  auth_mode   = "SSO"
}
)"},
                                       {"module/profiles.tf", R"(
variable "create" {
  default = true
}
resource "aws_sagemaker_user_profile" "indexed" {
  domain_id         = aws_sagemaker_domain.this[0].id
  user_profile_name = "jdoe"
}
resource "aws_sagemaker_space" "shared" {
  domain_id  = aws_sagemaker_domain.this[0].id
  space_name = "team"
  space_sharing_settings {
    sharing_type = "Shared"
  }
}
resource "aws_sagemaker_user_profile" "elsewhere" {
  domain_id         = module.studio.domain_id
  user_profile_name = "asmith"
}
)"},
                                       {"other/profiles.tf", R"(
resource "aws_sagemaker_user_profile" "other_module" {
  domain_id         = aws_sagemaker_domain.this.id
  user_profile_name = "bkhan"
}
)"}});
  REQUIRE(model.domains.size() == 1);
  REQUIRE(model.profiles.size() == 3);
  CHECK(model.profiles[0].domain == &model.domains[0]);
  CHECK(model.profiles[1].domain == nullptr);
  CHECK(model.profiles[2].domain == nullptr);  // another directory is another module
  REQUIRE(model.spaces.size() == 1);
  CHECK(model.spaces[0].domain == &model.domains[0]);
  CHECK(model.spaces[0].sharing_type.string() == "Shared");
  REQUIRE(model.notes.size() == 2);
  CHECK(model.notes[0].message.starts_with("the domain of user profile 'asmith' is not known before deployment"));
}

TEST_CASE("a long chain of terraform locals is cut short, not followed to the end of the stack") {
  std::string declarations = "locals {\n  l0 = \"studio::\"\n";
  for (int i = 1; i <= 100000; ++i) declarations += "  l" + std::to_string(i) + " = local.l" + std::to_string(i - 1) + "\n";
  declarations += "  short = local.l40\n}\n";
  TempDir dir;
  const Model deep = load_files(dir, {{"deep/main.tf", landing_module("local.l100000", declarations)}});
  REQUIRE(deep.domains.size() == 1);
  CHECK(deep.domains[0].default_user_settings["DefaultLandingUri"].is_unknown());
  const Model shallow = load_files(dir, {{"shallow/main.tf", landing_module("local.short", declarations)}});
  REQUIRE(shallow.domains.size() == 1);
  CHECK(shallow.domains[0].default_user_settings["DefaultLandingUri"].string() == "studio::");
}

TEST_CASE("a variable's default that refers to a variable or local is unknown, as Terraform rejects it") {
  // The first one ran fuzz_hcl out of stack: the default of vpc_id was var.vpc_id.
  const std::string declarations = R"(
variable "itself" {
  default = var.itself
}
variable "other" {
  default = var.literal
}
variable "literal" {
  default = "studio::"
}
variable "via_local" {
  default = local.studio
}
locals {
  studio = "studio::"
  loop   = var.loop
}
variable "loop" {
  default = local.loop
}
)";
  for (const char* expression : {"var.itself", "var.other", "var.via_local", "var.loop", "local.loop"}) {
    CAPTURE(expression);
    TempDir dir;
    const Model model = load_files(dir, {{"main.tf", landing_module(expression, declarations)}});
    REQUIRE(model.domains.size() == 1);
    CHECK(model.domains[0].default_user_settings["DefaultLandingUri"].is_unknown());
  }
  TempDir dir;
  const Model literal = load_files(dir, {{"main.tf", landing_module("var.literal", declarations)}});
  REQUIRE(literal.domains.size() == 1);
  CHECK(literal.domains[0].default_user_settings["DefaultLandingUri"].string() == "studio::");
}

TEST_CASE("a .tf file that is not HCL is a load failure at its position, the module's other files are read") {
  TempDir dir;
  const Model model = load_files(dir, {{"m/broken.tf", "resource \"aws_sagemaker_domain\" \"d\" {\n  name = \n}\n"},
                                       {"m/ok.tf", "resource \"aws_sagemaker_domain\" \"d2\" {\n  domain_name = \"x\"\n}\n"}});
  REQUIRE(model.load_failures.size() == 1);
  const Location& at = model.load_failures[0].location;
  CHECK(at.file->path().ends_with("m/broken.tf"));
  CHECK(at.file->position(at.begin).line == 2);  // where the value should have been
  CHECK(model.load_failures[0].message == "expected an expression, found a line break");
  CHECK(model.domains.size() == 1);
}
