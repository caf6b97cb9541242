// YAML text to a source tree, with exact positions for every value: CloudFormation templates
// written in YAML, read with libyaml (the parser behind PyYAML, which cfn-lint uses) into
// the same tree JSON gives.
#pragma once

#include "sagelint/load_result.hpp"
#include "sagelint/source_file.hpp"

namespace sagelint {

// Parses one YAML 1.1 document encoded as UTF-8, with or without a byte-order mark.
// - Plain scalars are resolved as PyYAML resolves them: null (~, null, empty), booleans
//   (true/false, yes/no, on/off), integers and floats; everything else, and every quoted or
//   block scalar, is a string. Mapping keys must be scalars.
// - Tags are CloudFormation's short forms and become the long form JSON templates write:
//   `!Ref X` is {"Ref": X}, `!Condition X` is {"Condition": X}, any other `!Name v` is
//   {"Fn::Name": v}. The object spans the tag and the value; its member name spans the tag.
//   `!!str` makes a string; other standard tags resolve as plain scalars do.
// - Aliases are expanded as copies of their anchor's value; the copies may not hold more
//   values, nor store more bytes of text, than the file has bytes (so "billion laughs" input
//   is rejected, not expanded).
// A second document, UTF-16/32 text, nesting deeper than limits.max_depth, scalars longer than
// limits.max_string_length and anything libyaml rejects are errors at their position.
LoadResult load_yaml(const SourceFile& file, const Limits& limits = {});

}  // namespace sagelint
