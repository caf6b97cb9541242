// The adapter for Terraform's JSON plans and states (`terraform show -json`): the managed
// aws_sagemaker_domain, aws_sagemaker_user_profile and aws_sagemaker_space resources of every
// module become the model's domains, profiles and spaces, their values in API names.
#pragma once

#include "sagelint/model.hpp"
#include "sagelint/tree.hpp"

namespace sagelint {

// A plan has format_version and planned_values or resource_changes; a state has
// format_version and values; any other document is not_recognised, and nothing is added.
//
// Each resource instance becomes {"Resources": {<address>: {"Type": …, "Properties": …}}} in a
// tree of its own (added to the model) with the plan's spans: attributes and blocks under
// their API names (see terraform_names.hpp), a block its one object, a repeated block a list
// of objects; null, "" and [] are absent, as the provider sends none of them. A domain's `id`
// is its DomainId; other names without an API member (arn, url, retention_policy, …) are
// dropped. A value the plan marks in after_unknown is unknown, spanning the value, or its
// after_unknown entry when it is missing from the values.
//
// `tags` and provider default tags (the rest of `tags_all`) are the resource's tags, so
// `sagelint:justify:<ID>` tags work as for API exports. Domains are linked by their id, or,
// while that is not known, by their address; a profile or space whose domain_id is unknown
// links to the domain its configuration expression refers to in the same module instance.
DocumentRead read_terraform_plan(const Tree& tree, Model& model);

}  // namespace sagelint
