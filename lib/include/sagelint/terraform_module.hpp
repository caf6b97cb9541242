// The adapter for Terraform configurations: the aws_sagemaker_domain, aws_sagemaker_user_profile
// and aws_sagemaker_space resources of a module (the .tf files of one directory, read
// together) become the model's domains, profiles and spaces.
#pragma once

#include <memory>
#include <span>
#include <vector>

#include "sagelint/hcl_tree.hpp"
#include "sagelint/model.hpp"

namespace sagelint {

// One parsed .tf file of a module.
struct TerraformFile {
  const SourceFile* source;
  std::unique_ptr<HclFile> hcl;
};

// Adds the module's SageMaker resources to `model`, each in a tree of its file with API member
// names (`default_user_settings { … }` is DefaultUserSettings), blocks as objects and repeated
// blocks as arrays, `tags` as a Tags list, and expressions evaluated as far as is sound:
// - `var.x` is the variable's default (a finding that relies on it says so), `local.x` its
//   value when that is known, string templates of known parts are strings, `a ? b : c` is
//   its branch when the condition is known, or both branches when they agree, and a few pure
//   functions (tolist, toset, tostring, lower, upper, join, concat) of known arguments are
//   their result;
// - everything else (resource attributes, data sources, module outputs, count and each,
//   for expressions, splats, dynamic blocks) is unknown, and unknown values are never
//   reported.
// Profiles and spaces link to a domain of the module through `aws_sagemaker_domain.<name>.id`,
// and to any other domain through a literal id. awscc_sagemaker_* resources (the Cloud Control
// provider, which mirrors CloudFormation) are noted as not checked. Returns, for each file,
// whether it defines any SageMaker resource, awscc ones included.
std::vector<bool> read_terraform_module(std::span<const TerraformFile> files, Model& model);

}  // namespace sagelint
