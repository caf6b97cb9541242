// The adapter for CloudFormation templates, JSON or YAML, including those CDK synthesises
// into cdk.out/: AWS::SageMaker::Domain, UserProfile and Space resources become the model's
// domains, profiles and spaces, their properties evaluated (see cfn_intrinsics.hpp).
#pragma once

#include "sagelint/model.hpp"
#include "sagelint/tree.hpp"

namespace sagelint {

// A template is a document with AWSTemplateFormatVersion, or with a Resources map whose
// entries have a Type, or a file named *.template.json (what CDK writes).
//
// Resources of other types, Custom:: resources included, are ignored. Each resource's root is
// its evaluated Properties in a tree of its own (added to the model), so findings point into
// the template and their logical location is Resources/<LogicalId>/Properties/…. Profiles and
// spaces link to a domain of the same template through DomainId: !Ref X or !GetAtt X.DomainId,
// and to any other domain by a literal id. Justifications may be tags or Metadata:
//   Metadata: {sagelint: {justify: {SMD007: "reason … expires=YYYY-MM-DD"}}}
//   Metadata: {sagelint: {justify: [{id: SMD007, reason: "…", expires: YYYY-MM-DD}]}}
DocumentRead read_cfn_template(const Tree& tree, Model& model);

}  // namespace sagelint
