// How the hashicorp/aws provider names the SageMaker API: aws_sagemaker_domain is
// CreateDomainRequest in snake_case, every structure a nested block, and a list of structures
// a repeated block with a singular name (custom_image for CustomImages).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sagelint/aws_shapes.hpp"
#include "sagelint/model.hpp"

namespace sagelint {

// The API shape behind a Terraform resource type, and the kind of resource it is; nullopt for
// types that are not a domain, user profile or space of the aws provider (awscc_sagemaker_*
// included: that provider mirrors CloudFormation, not the API).
struct TerraformResourceType {
  ResourceKind kind;
  const aws::Shape* shape;  // CreateDomainRequest, CreateUserProfileRequest, CreateSpaceRequest
};
std::optional<TerraformResourceType> terraform_resource_type(std::string_view type);

// The API member a Terraform attribute or block of `structure` stands for.
struct TerraformMember {
  std::string_view api_name;   // "DefaultUserSettings"
  const aws::Shape* shape;     // the member's shape
  bool repeated;               // a list of structures, written as one block per element
};
std::optional<TerraformMember> terraform_member(const aws::Shape& structure, std::string_view terraform_name);

// The provider's snake_case name for an API member name: "AutoMountHomeEFS" is
// "auto_mount_home_efs", "SageMakerImageArn" "sagemaker_image_arn", "RStudioServerProAppSettings"
// "r_studio_server_pro_app_settings".
std::string terraform_name(std::string_view api_name);

}  // namespace sagelint
