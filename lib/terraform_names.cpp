#include "sagelint/terraform_names.hpp"

#include <cctype>

namespace sagelint {
namespace {

bool is_upper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool is_lower_or_digit(char c) {
  return std::islower(static_cast<unsigned char>(c)) != 0 || std::isdigit(static_cast<unsigned char>(c)) != 0;
}

}  // namespace

std::optional<TerraformResourceType> terraform_resource_type(std::string_view type) {
  const auto shape = [](std::string_view name) { return aws::find_shape(name); };
  if (type == "aws_sagemaker_domain") return TerraformResourceType{ResourceKind::domain, shape("CreateDomainRequest")};
  if (type == "aws_sagemaker_user_profile") {
    return TerraformResourceType{ResourceKind::user_profile, shape("CreateUserProfileRequest")};
  }
  if (type == "aws_sagemaker_space") return TerraformResourceType{ResourceKind::space, shape("CreateSpaceRequest")};
  return std::nullopt;
}

std::string terraform_name(std::string_view api_name) {
  std::string name(api_name);
  // The provider writes the product's name as one word.
  for (size_t at = name.find("SageMaker"); at != std::string::npos; at = name.find("SageMaker", at)) {
    name.replace(at, 9, "Sagemaker");
  }
  std::string out;
  out.reserve(name.size() + 8);
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (is_upper(c) && i > 0) {
      // A word starts at an upper-case letter after a lower-case one or a digit ("mountHome"),
      // or at the last capital of a run followed by a lower-case letter ("EFSFile", "RStudio").
      const bool after_lower = is_lower_or_digit(name[i - 1]);
      const bool ends_capitals = is_upper(name[i - 1]) && i + 1 < name.size() && is_lower_or_digit(name[i + 1]) &&
                                 !std::isdigit(static_cast<unsigned char>(name[i + 1]));
      if (after_lower || ends_capitals) out += '_';
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::optional<TerraformMember> terraform_member(const aws::Shape& structure, std::string_view terraform_name_) {
  for (const aws::ShapeMember& member : aws::members(structure)) {
    const aws::Shape& shape = aws::all_shapes()[member.shape];
    const std::string name = terraform_name(member.name);
    const aws::Shape* element = shape.type == aws::ShapeType::list ? aws::element_shape(shape) : nullptr;
    const bool list_of_structures = element != nullptr && element->type == aws::ShapeType::structure;
    if (name == terraform_name_) return TerraformMember{member.name, &shape, list_of_structures};
    if (!list_of_structures) continue;
    // A repeated block is named for one element: custom_image, code_repository.
    const bool plural_s = name.size() == terraform_name_.size() + 1 && name.ends_with('s') &&
                          name.starts_with(terraform_name_);
    const bool plural_ies = terraform_name_.ends_with('y') && name.ends_with("ies") &&
                            name.size() == terraform_name_.size() + 2 &&
                            name.starts_with(terraform_name_.substr(0, terraform_name_.size() - 1));
    if (plural_s || plural_ies) return TerraformMember{member.name, &shape, true};
  }
  return std::nullopt;
}

}  // namespace sagelint
