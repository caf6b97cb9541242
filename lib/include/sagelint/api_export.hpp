// The adapter for AWS CLI exports: describe-domain, describe-user-profile and describe-space
// outputs, list-domains, list-user-profiles and list-spaces outputs, and bundles
// {"Domains": [...], "UserProfiles": [...], "Spaces": [...]} of describe-* documents.
// Any document may carry "Tags": [{"Key": ..., "Value": ...}] as list-tags returns them.
#pragma once

#include "sagelint/model.hpp"
#include "sagelint/tree.hpp"

namespace sagelint {

struct ApiExportRead {
  bool recognized = false;  // false: not an AWS CLI export; nothing was added
  size_t summaries = 0;     // resources read from list-* summaries, whose settings are unknown
};

// Adds the resources of `tree` to `model` (type problems go to model.input_problems).
ApiExportRead read_api_export(const Tree& tree, Model& model);

}  // namespace sagelint
