// CloudFormation templates: which files are templates, how their SageMaker resources become the
// model, and how far intrinsic functions are evaluated.
#include <doctest/doctest.h>

#include <string>

#include "test_support.hpp"

using namespace sagelint;
using sagelint::testing::TempDir;
using sagelint::testing::load_files;

namespace {

// A template with one domain whose DefaultUserSettings.DefaultLandingUri is `expression`.
std::string landing_template(const std::string& expression, const std::string& sections = "") {
  return "AWSTemplateFormatVersion: '2010-09-09'\n" + sections +
         "Resources:\n"
         "  StudioDomain:\n"
         "    Type: AWS::SageMaker::Domain\n"
         "    Properties:\n"
         "      DomainName: ml-platform\n"
         "      DefaultUserSettings:\n"
         "        DefaultLandingUri: " + expression + "\n";
}

// The evaluated DefaultLandingUri of the only domain: its text, "<unknown>" or "<absent>".
std::string evaluated_landing(const std::string& expression, const std::string& sections = "") {
  TempDir dir;
  const Model model = load_files(dir, {{"t.yaml", landing_template(expression, sections)}});
  REQUIRE_MESSAGE(model.load_failures.empty(), model.load_failures[0].message);
  REQUIRE(model.domains.size() == 1);
  const Value value = model.domains[0].default_user_settings["DefaultLandingUri"];
  if (value.is_unknown()) return "<unknown>";
  if (value.is_absent()) return "<absent>";
  if (const auto number = value.number()) return "<number " + std::to_string(static_cast<long>(*number)) + ">";
  REQUIRE(value.string());
  return std::string(*value.string());
}

const std::string kParameters =
    "Parameters:\n"
    "  Landing: {Type: String, Default: 'studio::'}\n"
    "  NoDefault: {Type: String}\n"
    "  Stage: {Type: String, Default: dev}\n"
    "  Zones: {Type: CommaDelimitedList, Default: 'a, b,c'}\n"
    "  FromSsm: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /studio/landing}\n"
    "  Minutes: {Type: Number, Default: 60}\n"
    "Mappings:\n"
    "  Stages:\n"
    "    dev: {Landing: 'app:JupyterServer:'}\n"
    "Conditions:\n"
    "  IsProd: !Equals [!Ref Stage, prod]\n";

}  // namespace

TEST_CASE("Ref resolves parameters with a Default, and nothing else") {
  CHECK(evaluated_landing("!Ref Landing", kParameters) == "studio::");
  CHECK(evaluated_landing("!Ref NoDefault", kParameters) == "<unknown>");
  CHECK(evaluated_landing("!Ref FromSsm", kParameters) == "<unknown>");
  CHECK(evaluated_landing("!Ref Minutes", kParameters) == "<number 60>");
  CHECK(evaluated_landing("!Ref AWS::Region", kParameters) == "<unknown>");
  CHECK(evaluated_landing("!Ref StudioDomain", kParameters) == "<unknown>");
  CHECK(evaluated_landing("!Ref AWS::NoValue", kParameters) == "<absent>");
  CHECK(evaluated_landing("{Ref: Landing}", kParameters) == "studio::");  // the long form in YAML
}

TEST_CASE("Sub, Join, Split, Select and FindInMap of known parts are their result") {
  CHECK(evaluated_landing("!Sub 'app:${Stage}:'", kParameters) == "app:dev:");
  CHECK(evaluated_landing("!Sub '${!Literal}-${Stage}'", kParameters) == "${Literal}-dev");
  CHECK(evaluated_landing("!Sub ['${Kind}::', {Kind: studio}]", kParameters) == "studio::");
  CHECK(evaluated_landing("!Sub '${AWS::Region}'", kParameters) == "<unknown>");
  CHECK(evaluated_landing("!Sub '${StudioDomain.Url}'", kParameters) == "<unknown>");
  CHECK(evaluated_landing("!Join ['', [studio, '::']]", kParameters) == "studio::");
  CHECK(evaluated_landing("!Join [',', !Ref Zones]", kParameters) == "a,b,c");
  CHECK(evaluated_landing("!Join ['', [!Ref NoDefault, x]]", kParameters) == "<unknown>");
  CHECK(evaluated_landing("!Select [1, !Split ['/', 'a/studio::/c']]", kParameters) == "studio::");
  CHECK(evaluated_landing("!Select [2, !Ref Zones]", kParameters) == "c");
  CHECK(evaluated_landing("!Select [5, [a, b]]", kParameters) == "<unknown>");
  CHECK(evaluated_landing("!FindInMap [Stages, !Ref Stage, Landing]", kParameters) == "app:JupyterServer:");
  CHECK(evaluated_landing("!FindInMap [Stages, prod, Landing]", kParameters) == "<unknown>");
  CHECK(evaluated_landing("!GetAtt StudioDomain.Url", kParameters) == "<unknown>");
  CHECK(evaluated_landing("!ImportValue landing", kParameters) == "<unknown>");
  CHECK(evaluated_landing("!Base64 x", kParameters) == "<unknown>");
}

TEST_CASE("Fn::If is known only when both branches agree") {
  CHECK(evaluated_landing("!If [IsProd, 'studio::', 'studio::']", kParameters) == "studio::");
  CHECK(evaluated_landing("!If [IsProd, 'studio::', !Ref Landing]", kParameters) == "studio::");
  CHECK(evaluated_landing("!If [IsProd, 'studio::', 'app:JupyterServer:']", kParameters) == "<unknown>");
  CHECK(evaluated_landing("!If [IsProd, !Ref AWS::NoValue, !Ref AWS::NoValue]", kParameters) == "<absent>");
  CHECK(evaluated_landing("!If [IsProd, 'studio::', !Ref AWS::NoValue]", kParameters) == "<unknown>");
  CHECK(evaluated_landing("!If [IsProd, 'studio::', !Ref NoDefault]", kParameters) == "<unknown>");
}

TEST_CASE("deeply nested conditions are evaluated once each, not once per combination") {
  // 100 nested Fn::If (200 levels of nesting), each with an agreeing leaf: 2^100 combinations
  // of conditions, yet the evaluation memoises each branch and finishes at once.
  std::string expression = "'studio::'";
  for (int i = 0; i < 100; ++i) expression = "{'Fn::If': [IsProd, " + expression + ", 'studio::']}";
  CHECK(evaluated_landing(expression, kParameters) == "studio::");
  std::string differing = "'studio::'";
  for (int i = 0; i < 100; ++i) differing = "{'Fn::If': [IsProd, " + differing + ", 'studio::']}";
  differing.replace(differing.rfind("'studio::'"), 10, "'app:JupyterServer:'");
  CHECK(evaluated_landing(differing, kParameters) == "<unknown>");
}

TEST_CASE("an object and its members evaluate together, AWS::NoValue removes members and elements") {
  TempDir dir;
  const Model model = load_files(dir, {{"t.yaml", R"(AWSTemplateFormatVersion: '2010-09-09'
Resources:
  StudioDomain:
    Type: AWS::SageMaker::Domain
    Properties:
      DomainName: ml-platform
      KmsKeyId: !Ref AWS::NoValue
      SubnetIds: [subnet-1, !Ref AWS::NoValue, subnet-2]
      DefaultUserSettings: !If
        - IsProd
        - {DefaultLandingUri: 'studio::', SecurityGroups: [sg-1]}
        - SecurityGroups: [sg-1]
          DefaultLandingUri: 'studio::'
)"}});
  REQUIRE(model.domains.size() == 1);
  const Domain& domain = model.domains[0];
  CHECK(domain.root["KmsKeyId"].is_absent());
  const auto subnets = domain.root["SubnetIds"].strings();
  REQUIRE(subnets);
  CHECK(*subnets == std::vector<std::string_view>{"subnet-1", "subnet-2"});
  // Branches with the same members in another order agree.
  CHECK(domain.default_user_settings["DefaultLandingUri"].string() == "studio::");
  // The value spans the Fn::If it replaces, and its pointer names the template's path.
  const Location at = domain.default_user_settings.location();
  CHECK(at.file->position(at.begin).line == 9);
  CHECK(at.tree->pointer(at.node) == "/Resources/StudioDomain/Properties/DefaultUserSettings");
}

TEST_CASE("profiles and spaces link to a domain of their template by Ref or GetAtt DomainId") {
  TempDir dir;
  const Model model = load_files(dir, {{"t.yaml", R"(Resources:
  StudioDomain:
    Type: AWS::SageMaker::Domain
    Properties: {DomainName: ml-platform, AuthMode: IAM}
  ByRef:
    Type: AWS::SageMaker::UserProfile
    Properties: {DomainId: !Ref StudioDomain, UserProfileName: a}
  ByGetAtt:
    Type: AWS::SageMaker::UserProfile
    Properties: {DomainId: !GetAtt [StudioDomain, DomainId], UserProfileName: b}
  ByArn:
    Type: AWS::SageMaker::UserProfile
    Properties: {DomainId: !GetAtt StudioDomain.DomainArn, UserProfileName: c}
  SharedSpace:
    Type: AWS::SageMaker::Space
    Properties:
      DomainId: !GetAtt StudioDomain.DomainId
      SpaceName: team-notebooks
      SpaceSharingSettings: {SharingType: Shared}
  Custom:
    Type: Custom::StudioDomain
    Properties: {DomainName: ignored}
)"}});
  REQUIRE(model.domains.size() == 1);
  REQUIRE(model.profiles.size() == 3);
  CHECK(model.profiles[0].domain == &model.domains[0]);
  CHECK(model.profiles[1].domain == &model.domains[0]);
  // An ARN is not a domain id: the API rejects it, but what is meant is plain.
  CHECK(model.profiles[2].domain == &model.domains[0]);
  REQUIRE(model.input_problems.size() == 1);
  CHECK(model.input_problems[0].message ==
        "DomainId of user profile 'c' is the DomainArn of StudioDomain; the API expects its DomainId "
        "(!GetAtt StudioDomain.DomainId)");
  REQUIRE(model.spaces.size() == 1);
  CHECK(model.spaces[0].domain == &model.domains[0]);
  CHECK(model.spaces[0].sharing_type.string() == "Shared");
  CHECK(model.notes.empty());
}

TEST_CASE("a resource whose name is not known is described by its logical id") {
  TempDir dir;
  const Model model = load_files(dir, {{"t.yaml", R"(Resources:
  StudioDomain:
    Type: AWS::SageMaker::Domain
    Properties:
      DomainName: !Sub '${AWS::StackName}-studio'
      Tags:
        - {Key: team, Value: ml}
        - {Key: owner, Value: !Ref AWS::AccountId}
)"}});
  REQUIRE(model.domains.size() == 1);
  CHECK(model.domains[0].description() == "domain 'StudioDomain' (logical ID)");
  CHECK(model.domains[0].tags_known);
  REQUIRE(model.domains[0].tags.size() == 2);
  CHECK(model.domains[0].tags[0].value == "ml");
  CHECK(model.domains[0].tags[1].value.empty());  // not known before deployment
}

TEST_CASE("which files are templates") {
  TempDir dir;
  SUBCASE("recognised by AWSTemplateFormatVersion, Resources with types, or a CDK file name") {
    const Model model = load_files(dir, {{"a.json", R"({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}})"},
                                         {"b.yaml", "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n"},
                                         {"c.template.json", R"({"Resources": {}})"},
                                         {"d.yaml", "Resources: [not, a, map]\n"}});
    REQUIRE(model.notes.size() == 4);
    CHECK(model.notes[0].message.starts_with("skipped: a CloudFormation template without AWS::SageMaker::"));
    CHECK(model.notes[1].message.starts_with("skipped: a CloudFormation template without AWS::SageMaker::"));
    CHECK(model.notes[2].message.starts_with("skipped: a CloudFormation template without AWS::SageMaker::"));
    CHECK(model.notes[3].message == "skipped: not a CloudFormation template");
  }
  SUBCASE("YAML found in a directory is parsed only when it has a Resources key") {
    dir.write("repo/.github/workflows/ci.yml", "on: [push]\njobs: {build: {runs-on: ubuntu-latest}}\n");
    dir.write("repo/chart/templates/deploy.yaml", "{{- if .Values.enabled }}\nkind: Deployment\n");
    dir.write("repo/infra/broken.yaml", "Resources:\n  X: [\n");
    dir.write("repo/infra/studio.template", landing_template("'studio::'"));
    const std::vector<std::string> paths{dir.file("repo")};
    const Model model = load_inputs(paths);
    CHECK(model.domains.size() == 1);  // .template files are templates too
    REQUIRE(model.load_failures.size() == 1);
    CHECK(model.load_failures[0].location.file->path().ends_with("infra/broken.yaml"));
    REQUIRE(model.notes.size() == 1);
    CHECK(model.notes[0].message.starts_with("skipped 1 file without SageMaker AI domains"));
  }
}
