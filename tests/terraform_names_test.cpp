// The provider's names for the API: every Terraform path of the mapping table in
// ../shared/research/corpus.md section 4 finds its API member.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "sagelint/terraform_names.hpp"

using namespace sagelint;

namespace {

// Follows a path of Terraform names from a resource type's shape; the API names on the way.
std::string api_path(std::string_view type, const std::vector<std::string_view>& path) {
  const auto resource = terraform_resource_type(type);
  REQUIRE(resource);
  const aws::Shape* shape = resource->shape;
  std::string out;
  for (std::string_view name : path) {
    REQUIRE_MESSAGE(shape != nullptr, "no structure before " << name);
    const auto member = terraform_member(*shape, name);
    if (!member) return out + "/?" + std::string(name);
    out += "/" + std::string(member->api_name);
    shape = member->shape;
    if (shape->type == aws::ShapeType::list) shape = aws::element_shape(*shape);
  }
  return out;
}

}  // namespace

TEST_CASE("terraform names are the API's in the provider's snake_case") {
  CHECK(terraform_name("AutoMountHomeEFS") == "auto_mount_home_efs");
  CHECK(terraform_name("SageMakerImageArn") == "sagemaker_image_arn");
  CHECK(terraform_name("RStudioServerProAppSettings") == "r_studio_server_pro_app_settings");
  CHECK(terraform_name("EFSFileSystemConfig") == "efs_file_system_config");
  CHECK(terraform_name("S3OutputPath") == "s3_output_path");
  CHECK(terraform_name("DefaultEbsVolumeSizeInGb") == "default_ebs_volume_size_in_gb");
  CHECK(terraform_name("KmsKeyId") == "kms_key_id");
}

TEST_CASE("terraform paths of the mapping table find their API members") {
  CHECK(api_path("aws_sagemaker_domain", {"default_user_settings", "studio_web_portal_settings", "hidden_app_types"}) ==
        "/DefaultUserSettings/StudioWebPortalSettings/HiddenAppTypes");
  CHECK(api_path("aws_sagemaker_domain", {"default_user_settings", "auto_mount_home_efs"}) ==
        "/DefaultUserSettings/AutoMountHomeEFS");
  CHECK(api_path("aws_sagemaker_domain", {"domain_settings", "r_studio_server_pro_domain_settings",
                                          "default_resource_spec", "sagemaker_image_arn"}) ==
        "/DomainSettings/RStudioServerProDomainSettings/DefaultResourceSpec/SageMakerImageArn");
  CHECK(api_path("aws_sagemaker_domain", {"domain_settings", "docker_settings", "vpc_only_trusted_accounts"}) ==
        "/DomainSettings/DockerSettings/VpcOnlyTrustedAccounts");
  CHECK(api_path("aws_sagemaker_domain", {"default_user_settings", "jupyter_server_app_settings", "code_repository",
                                          "repository_url"}) ==
        "/DefaultUserSettings/JupyterServerAppSettings/CodeRepositories/RepositoryUrl");
  CHECK(api_path("aws_sagemaker_domain", {"default_user_settings", "kernel_gateway_app_settings", "custom_image"}) ==
        "/DefaultUserSettings/KernelGatewayAppSettings/CustomImages");
  CHECK(api_path("aws_sagemaker_domain", {"default_user_settings", "custom_file_system_config",
                                          "efs_file_system_config", "file_system_id"}) ==
        "/DefaultUserSettings/CustomFileSystemConfigs/EFSFileSystemConfig/FileSystemId");
  CHECK(api_path("aws_sagemaker_domain", {"default_user_settings", "sharing_settings", "s3_output_path"}) ==
        "/DefaultUserSettings/SharingSettings/S3OutputPath");
  CHECK(api_path("aws_sagemaker_domain", {"default_user_settings", "space_storage_settings",
                                          "default_ebs_storage_settings", "default_ebs_volume_size_in_gb"}) ==
        "/DefaultUserSettings/SpaceStorageSettings/DefaultEbsStorageSettings/DefaultEbsVolumeSizeInGb");
  CHECK(api_path("aws_sagemaker_domain", {"app_network_access_type"}) == "/AppNetworkAccessType");
  CHECK(api_path("aws_sagemaker_domain", {"retention_policy"}) == "/?retention_policy");  // Terraform only
  CHECK(api_path("aws_sagemaker_user_profile", {"single_sign_on_user_identifier"}) == "/SingleSignOnUserIdentifier");
  CHECK(api_path("aws_sagemaker_user_profile", {"user_settings", "r_session_app_settings"}) ==
        "/UserSettings/RSessionAppSettings");
  CHECK(api_path("aws_sagemaker_space", {"space_settings", "custom_file_system", "efs_file_system",
                                         "file_system_id"}) ==
        "/SpaceSettings/CustomFileSystems/EFSFileSystem/FileSystemId");
  CHECK(api_path("aws_sagemaker_space", {"ownership_settings", "owner_user_profile_name"}) ==
        "/OwnershipSettings/OwnerUserProfileName");
  CHECK_FALSE(terraform_resource_type("awscc_sagemaker_domain"));
}
