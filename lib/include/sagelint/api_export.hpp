// The adapter for AWS CLI exports: describe-domain, describe-user-profile and describe-space
// outputs, list-domains, list-user-profiles and list-spaces outputs, and bundles
// {"Domains": [...], "UserProfiles": [...], "Spaces": [...]} of describe-* documents.
// Any document may carry "Tags": [{"Key": ..., "Value": ...}] as list-tags returns them.
#pragma once

#include "sagelint/model.hpp"
#include "sagelint/tree.hpp"

namespace sagelint {

// Adds the resources of `tree` to `model` (type problems go to model.input_problems).
// Returns false, adding nothing, when the document is not an AWS CLI export.
bool read_api_export(const Tree& tree, Model& model);

}  // namespace sagelint
