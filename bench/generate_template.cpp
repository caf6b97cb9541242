// Writes a synthetic CloudFormation template in YAML, with short-form intrinsics throughout:
// 50 conditions that build on each other, 200 resources (10 domains, 100 user profiles, 50
// spaces, 40 IAM roles and buckets), parameters with and without defaults, mappings, and one
// property that nests an Fn::If over every condition (2^50 combinations of conditions, the
// shape that makes tools which enumerate scenarios run for minutes).
//
//   generate_template OUT.yaml [--conditions N] [--resources N]
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

namespace {

struct Sizes {
  int conditions = 50;
  int resources = 200;
};

void write_header(std::ostream& out, const Sizes& sizes) {
  out << "AWSTemplateFormatVersion: '2010-09-09'\n"
         "Description: >-\n"
         "  Synthetic SageMaker AI Studio estate for the sagelint benchmark: "
      << sizes.conditions << " conditions, " << sizes.resources << " resources.\n"
      << "Parameters:\n"
         "  Stage:\n    Type: String\n    Default: dev\n    AllowedValues: [dev, test, prod]\n"
         "  AuthModeParam:\n    Type: String\n    Default: SSO\n    AllowedValues: [IAM, SSO]\n"
         "  LandingUri:\n    Type: String\n    Default: 'studio::'\n"
         "  KmsKeyArn:\n    Type: String\n    Default: ''\n"
         "  VpcId:\n    Type: AWS::EC2::VPC::Id\n"
         "  SubnetIds:\n    Type: List<AWS::EC2::Subnet::Id>\n"
         "  SecurityGroupIds:\n    Type: CommaDelimitedList\n    Default: 'sg-0a1b2c3d4e5f60001, sg-0a1b2c3d4e5f60002'\n";
  for (int i = 0; i < 12; ++i) {
    out << "  Feature" << i << ":\n    Type: String\n    Default: '" << (i % 2 ? "on" : "off") << "'\n";
  }
  out << "Mappings:\n  StageSettings:\n";
  for (const char* stage : {"dev", "test", "prod"}) {
    out << "    " << stage << ":\n      AutoMount: " << (std::string_view(stage) == "prod" ? "Disabled" : "Enabled")
        << "\n      IdleMinutes: " << (std::string_view(stage) == "prod" ? 60 : 240) << "\n";
  }
  out << "Conditions:\n"
         "  C0: !Equals [!Ref Stage, prod]\n";
  for (int i = 1; i < sizes.conditions; ++i) {
    out << "  C" << i << ": !Or [!Condition C" << i - 1 << ", !Equals [!Ref Feature" << i % 12 << ", 'on']]\n";
  }
}

// DefaultLandingUri over every condition: each branch says 'studio::', so it is known.
std::string nested_if(int conditions) {
  std::string expression = "'studio::'";
  for (int i = 0; i < conditions; ++i) {
    expression = "!If [C" + std::to_string(i) + ", " + expression + ", !Ref LandingUri]";
  }
  return expression;
}

void write_domain(std::ostream& out, int i, const Sizes& sizes) {
  const std::string c = "C" + std::to_string(i % sizes.conditions);
  out << "  Domain" << i << ":\n"
      << "    Type: AWS::SageMaker::Domain\n"
      << "    Metadata:\n      sagelint:\n        justify:\n          SMD015: \"workshop domain without customer data, "
         "ticket ML-"
      << i << " expires=2027-06-30\"\n"
      << "    Properties:\n"
      << "      DomainName: !Sub '${Stage}-studio-" << i << "'\n"
      << "      AuthMode: !Ref AuthModeParam\n"
      << "      AppNetworkAccessType: !If [" << c << ", VpcOnly, " << (i % 3 ? "VpcOnly" : "PublicInternetOnly") << "]\n"
      << "      VpcId: !Ref VpcId\n"
      << "      SubnetIds: !Ref SubnetIds\n"
      << "      KmsKeyId: !If [" << c << ", !Ref KmsKeyArn, !Ref AWS::NoValue]\n"
      << "      DefaultUserSettings:\n"
      << "        ExecutionRole: !GetAtt Role" << i << ".Arn\n"
      << "        SecurityGroups: !Ref SecurityGroupIds\n"
      << "        DefaultLandingUri: " << (i == 0 ? nested_if(sizes.conditions) : "!If [" + c + ", 'studio::', 'studio::']")
      << "\n"
      << "        StudioWebPortal: ENABLED\n"
      << "        StudioWebPortalSettings:\n"
      << "          HiddenAppTypes: !If [" << c << ", [JupyterServer, RStudioServerPro], [JupyterServer]]\n"
      << "        AutoMountHomeEFS: !FindInMap [StageSettings, !Ref Stage, AutoMount]\n"
      << "        JupyterLabAppSettings:\n"
      << "          AppLifecycleManagement:\n"
      << "            IdleSettings:\n"
      << "              LifecycleManagement: ENABLED\n"
      << "              IdleTimeoutInMinutes: !FindInMap [StageSettings, !Ref Stage, IdleMinutes]\n"
      << "      Tags:\n"
      << "        - Key: Environment\n          Value: !Ref Stage\n"
      << "        - Key: CostCenter\n          Value: !Sub 'cc-${AWS::AccountId}-" << i << "'\n";
}

void write_profile(std::ostream& out, int i, int domains, const Sizes& sizes) {
  const std::string c = "C" + std::to_string((i * 7) % sizes.conditions);
  out << "  Profile" << i << ":\n"
      << "    Type: AWS::SageMaker::UserProfile\n"
      << "    Properties:\n"
      << "      DomainId: !GetAtt Domain" << i % domains << ".DomainId\n"
      << "      UserProfileName: " << (i % 25 == 0 ? "!Sub 'team-${Stage}-shared-" : "!Sub 'user-") + std::to_string(i) + "-${Stage}'"
      << "\n"
      << "      SingleSignOnUserIdentifier: UserName\n"
      << "      SingleSignOnUserValue: " << (i % 20 == 0 ? "!Ref AWS::NoValue" : "user" + std::to_string(i) + "@example.com")
      << "\n"
      << "      UserSettings:\n"
      << "        DefaultLandingUri: !If [" << c << ", !Ref LandingUri, " << (i % 10 ? "'studio::'" : "'app:JupyterServer:'")
      << "]\n"
      << "        AutoMountHomeEFS: " << (i % 9 ? "DefaultAsDomain" : "Enabled") << "\n"
      << "        CodeEditorAppSettings:\n"
      << "          DefaultResourceSpec:\n"
      << "            InstanceType: !If [" << c << ", ml.t3.medium, ml.m5.large]\n"
      << "      Tags:\n"
      << "        - Key: Owner\n          Value: !Join ['', [user, '" << i << "', '@example.com']]\n";
}

void write_space(std::ostream& out, int i, int domains, int profiles) {
  out << "  Space" << i << ":\n"
      << "    Type: AWS::SageMaker::Space\n"
      << "    Properties:\n"
      << "      DomainId: !Ref Domain" << i % domains << "\n"
      << "      SpaceName: !Join ['-', [space, '" << i << "', !Ref Stage]]\n"
      << "      SpaceDisplayName: !Sub 'Space ${Stage} " << i << "'\n";
  if (i % 2) {
    out << "      OwnershipSettings:\n        OwnerUserProfileName: !GetAtt Profile" << i % profiles
        << ".UserProfileName\n"
        << "      SpaceSharingSettings:\n        SharingType: Private\n";
  } else {
    out << "      SpaceSharingSettings:\n        SharingType: Shared\n";
  }
  out << "      SpaceSettings:\n"
      << "        AppType: " << (i % 3 ? "JupyterLab" : "CodeEditor") << "\n"
      << "        SpaceStorageSettings:\n          EbsStorageSettings:\n            EbsVolumeSizeInGb: "
      << (i % 4 ? "!Select [0, [50, 100]]" : "100") << "\n";
}

void write_other(std::ostream& out, int i) {
  if (i % 2) {
    out << "  Bucket" << i << ":\n"
        << "    Type: AWS::S3::Bucket\n"
        << "    Properties:\n"
        << "      BucketName: !Sub 'studio-${AWS::AccountId}-${Stage}-" << i << "'\n"
        << "      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n"
        << "          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n"
        << "              KMSMasterKeyID: !If [C" << i % 50 << ", !Ref KmsKeyArn, !Ref AWS::NoValue]\n";
    return;
  }
  out << "  Role" << i / 2 << ":\n"
      << "    Type: AWS::IAM::Role\n"
      << "    Properties:\n"
      << "      AssumeRolePolicyDocument:\n"
      << "        Version: '2012-10-17'\n"
      << "        Statement:\n"
      << "          - Effect: Allow\n            Principal: {Service: sagemaker.amazonaws.com}\n"
         "            Action: sts:AssumeRole\n"
      << "      Policies:\n"
      << "        - PolicyName: studio-access\n"
      << "          PolicyDocument:\n"
      << "            Version: '2012-10-17'\n"
      << "            Statement:\n";
  for (int s = 0; s < 6; ++s) {
    out << "              - Effect: Allow\n"
        << "                Action: [sagemaker:CreatePresignedDomainUrl, sagemaker:DescribeSpace, s3:GetObject]\n"
        << "                Resource:\n"
        << "                  - !Sub 'arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:user-profile/*/"
        << s << "'\n"
        << "                  - !Join ['', ['arn:aws:s3:::studio-', !Ref Stage, '/" << s << "/*']]\n"
        << "                Condition:\n                  StringEquals:\n"
        << "                    sagemaker:ResourceTag/team: !If [C" << (i + s) % 50 << ", ml, data]\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: generate_template OUT.yaml [--conditions N] [--resources N]\n";
    return 2;
  }
  Sizes sizes;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    if (flag == "--conditions") sizes.conditions = std::atoi(argv[i + 1]);
    else if (flag == "--resources") sizes.resources = std::atoi(argv[i + 1]);
  }
  if (sizes.conditions < 1 || sizes.resources < 20) {
    std::cerr << "generate_template: at least 1 condition and 20 resources\n";
    return 2;
  }
  std::ofstream out(argv[1], std::ios::binary);
  const int domains = sizes.resources / 20;
  const int profiles = sizes.resources / 2;
  const int spaces = sizes.resources / 4;
  const int others = sizes.resources - domains - profiles - spaces;
  write_header(out, sizes);
  out << "Resources:\n";
  for (int i = 0; i < domains; ++i) write_domain(out, i, sizes);
  for (int i = 0; i < profiles; ++i) write_profile(out, i, domains, sizes);
  for (int i = 0; i < spaces; ++i) write_space(out, i, domains, profiles);
  // Roles are named Role<i/2> for even i: enough of them for every domain's ExecutionRole.
  for (int i = 0; i < others; ++i) write_other(out, i);
  if (!out) {
    std::cerr << "generate_template: cannot write " << argv[1] << "\n";
    return 1;
  }
  return 0;
}
