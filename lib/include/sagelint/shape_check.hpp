// Checks the JSON types of an exported document against the SageMaker API shapes, so that a
// string where an object belongs is reported once, clearly, instead of silently ignored.
#pragma once

#include <vector>

#include "sagelint/aws_shapes.hpp"
#include "sagelint/location.hpp"
#include "sagelint/tree.hpp"

namespace sagelint {

// Members the shape does not know are accepted: exports from newer APIs carry new fields.
// Timestamps are not checked: tools serialise them in several ways and no rule reads them.
void check_shape(const Tree& tree, NodeId node, const aws::Shape& shape, std::vector<Diagnostic>& problems);

}  // namespace sagelint
